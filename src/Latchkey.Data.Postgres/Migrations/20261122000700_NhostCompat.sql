-- Nhost-compatible surface (issue 7): guest accounts, token roles, locale, metadata and a chosen
-- display name per user; an expiry and metadata on API keys (personal access tokens).
ALTER TABLE users ADD COLUMN is_anonymous boolean NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN default_role character varying(64);
ALTER TABLE users ADD COLUMN allowed_roles character varying(1024);
ALTER TABLE users ADD COLUMN locale character varying(2);
ALTER TABLE users ADD COLUMN metadata character varying(8192);
ALTER TABLE users ADD COLUMN chosen_display_name character varying(32);
ALTER TABLE api_keys ADD COLUMN expires_at timestamp with time zone;
ALTER TABLE api_keys ADD COLUMN metadata character varying(4096);
