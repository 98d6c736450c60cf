-- Issue 12 item 5: API resources (RFC 8707) with their custom scopes, and client secret rotation.
CREATE TABLE oauth_api_resources (
    id uuid NOT NULL,
    identifier character varying(200) NOT NULL,
    name character varying(100) NOT NULL,
    scopes text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_oauth_api_resources PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_oauth_api_resources_identifier ON oauth_api_resources (identifier);

ALTER TABLE oauth_clients ADD COLUMN previous_secret_hash bytea;
ALTER TABLE oauth_clients ADD COLUMN previous_secret_expires_at timestamp with time zone;
