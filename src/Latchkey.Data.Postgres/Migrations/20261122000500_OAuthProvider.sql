-- OAuth 2.0 / OpenID Connect provider (issue 5): clients, codes, consents, device authorizations,
-- and the OAuth grant columns of sessions. Generated from the model with `latchkey schema-script`, then cut.

CREATE TABLE oauth_clients (
    id uuid NOT NULL,
    client_id character varying(100) NOT NULL,
    secret_hash bytea,
    name character varying(100) NOT NULL,
    redirect_uris text[] NOT NULL,
    post_logout_redirect_uris text[] NOT NULL,
    grant_types text[] NOT NULL,
    scopes text[] NOT NULL,
    token_endpoint_auth_method character varying(32) NOT NULL,
    jwks text,
    backchannel_logout_uri character varying(2000),
    client_uri character varying(2000),
    logo_uri character varying(2000),
    first_party boolean NOT NULL,
    active boolean NOT NULL,
    owner_user_id uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_oauth_clients PRIMARY KEY (id),
    CONSTRAINT fk_oauth_clients_users_owner_user_id FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE oauth_authorization_codes (
    id uuid NOT NULL,
    code_hash bytea NOT NULL,
    client_row_id uuid NOT NULL,
    user_id uuid NOT NULL,
    browser_session_id uuid NOT NULL,
    redirect_uri character varying(2000) NOT NULL,
    scope character varying(1000) NOT NULL,
    nonce character varying(2048),
    code_challenge character varying(128) NOT NULL,
    auth_time timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    consumed_at timestamp with time zone,
    grant_session_id uuid,
    CONSTRAINT pk_oauth_authorization_codes PRIMARY KEY (id),
    CONSTRAINT fk_oauth_authorization_codes_oauth_clients_client_row_id FOREIGN KEY (client_row_id) REFERENCES oauth_clients (id) ON DELETE CASCADE,
    CONSTRAINT fk_oauth_authorization_codes_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE oauth_consents (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    client_row_id uuid NOT NULL,
    scope character varying(1000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_oauth_consents PRIMARY KEY (id),
    CONSTRAINT fk_oauth_consents_oauth_clients_client_row_id FOREIGN KEY (client_row_id) REFERENCES oauth_clients (id) ON DELETE CASCADE,
    CONSTRAINT fk_oauth_consents_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE oauth_device_authorizations (
    id uuid NOT NULL,
    device_code_hash bytea NOT NULL,
    user_code_hash bytea NOT NULL,
    client_row_id uuid NOT NULL,
    scope character varying(1000) NOT NULL,
    status character varying(16) NOT NULL,
    user_id uuid,
    browser_session_id uuid,
    auth_time timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    last_polled_at timestamp with time zone,
    interval integer NOT NULL,
    CONSTRAINT pk_oauth_device_authorizations PRIMARY KEY (id),
    CONSTRAINT fk_oauth_device_authorizations_oauth_clients_client_row_id FOREIGN KEY (client_row_id) REFERENCES oauth_clients (id) ON DELETE CASCADE
);

CREATE INDEX ix_oauth_authorization_codes_client_row_id ON oauth_authorization_codes (client_row_id);

CREATE UNIQUE INDEX ix_oauth_authorization_codes_code_hash ON oauth_authorization_codes (code_hash);

CREATE INDEX ix_oauth_authorization_codes_user_id ON oauth_authorization_codes (user_id);

CREATE UNIQUE INDEX ix_oauth_clients_client_id ON oauth_clients (client_id);

CREATE INDEX ix_oauth_clients_owner_user_id ON oauth_clients (owner_user_id);

CREATE INDEX ix_oauth_consents_client_row_id ON oauth_consents (client_row_id);

CREATE UNIQUE INDEX ix_oauth_consents_user_id_client_row_id ON oauth_consents (user_id, client_row_id);

CREATE INDEX ix_oauth_device_authorizations_client_row_id ON oauth_device_authorizations (client_row_id);

CREATE UNIQUE INDEX ix_oauth_device_authorizations_device_code_hash ON oauth_device_authorizations (device_code_hash);

CREATE UNIQUE INDEX ix_oauth_device_authorizations_user_code_hash ON oauth_device_authorizations (user_code_hash);

ALTER TABLE sessions ADD COLUMN client_row_id uuid;

ALTER TABLE sessions ADD COLUMN scope character varying(1000);

ALTER TABLE sessions ADD COLUMN browser_session_id uuid;

ALTER TABLE sessions ADD COLUMN auth_time timestamp with time zone;

CREATE INDEX ix_sessions_browser_session_id ON sessions (browser_session_id);
