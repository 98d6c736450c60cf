-- OAuth 2.0 / OpenID Connect provider (issue 5): clients, codes, consents, device authorizations,
-- and the OAuth grant columns of sessions. Generated from the model with `latchkey schema-script`, then cut.

CREATE TABLE "oauth_clients" (
    "id" TEXT NOT NULL CONSTRAINT "pk_oauth_clients" PRIMARY KEY,
    "client_id" TEXT NOT NULL,
    "secret_hash" BLOB NULL,
    "name" TEXT NOT NULL,
    "redirect_uris" TEXT NOT NULL,
    "post_logout_redirect_uris" TEXT NOT NULL,
    "grant_types" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "token_endpoint_auth_method" TEXT NOT NULL,
    "jwks" TEXT NULL,
    "backchannel_logout_uri" TEXT NULL,
    "client_uri" TEXT NULL,
    "logo_uri" TEXT NULL,
    "first_party" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "owner_user_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_oauth_clients_users_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "oauth_authorization_codes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_oauth_authorization_codes" PRIMARY KEY,
    "code_hash" BLOB NOT NULL,
    "client_row_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "browser_session_id" TEXT NOT NULL,
    "redirect_uri" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "nonce" TEXT NULL,
    "code_challenge" TEXT NOT NULL,
    "auth_time" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "consumed_at" TEXT NULL,
    "grant_session_id" TEXT NULL,
    CONSTRAINT "fk_oauth_authorization_codes_oauth_clients_client_row_id" FOREIGN KEY ("client_row_id") REFERENCES "oauth_clients" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_oauth_authorization_codes_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "oauth_consents" (
    "id" TEXT NOT NULL CONSTRAINT "pk_oauth_consents" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "client_row_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_oauth_consents_oauth_clients_client_row_id" FOREIGN KEY ("client_row_id") REFERENCES "oauth_clients" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_oauth_consents_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "oauth_device_authorizations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_oauth_device_authorizations" PRIMARY KEY,
    "device_code_hash" BLOB NOT NULL,
    "user_code_hash" BLOB NOT NULL,
    "client_row_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "browser_session_id" TEXT NULL,
    "auth_time" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "last_polled_at" TEXT NULL,
    "interval" INTEGER NOT NULL,
    CONSTRAINT "fk_oauth_device_authorizations_oauth_clients_client_row_id" FOREIGN KEY ("client_row_id") REFERENCES "oauth_clients" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_oauth_authorization_codes_client_row_id" ON "oauth_authorization_codes" ("client_row_id");

CREATE UNIQUE INDEX "ix_oauth_authorization_codes_code_hash" ON "oauth_authorization_codes" ("code_hash");

CREATE INDEX "ix_oauth_authorization_codes_user_id" ON "oauth_authorization_codes" ("user_id");

CREATE UNIQUE INDEX "ix_oauth_clients_client_id" ON "oauth_clients" ("client_id");

CREATE INDEX "ix_oauth_clients_owner_user_id" ON "oauth_clients" ("owner_user_id");

CREATE INDEX "ix_oauth_consents_client_row_id" ON "oauth_consents" ("client_row_id");

CREATE UNIQUE INDEX "ix_oauth_consents_user_id_client_row_id" ON "oauth_consents" ("user_id", "client_row_id");

CREATE INDEX "ix_oauth_device_authorizations_client_row_id" ON "oauth_device_authorizations" ("client_row_id");

CREATE UNIQUE INDEX "ix_oauth_device_authorizations_device_code_hash" ON "oauth_device_authorizations" ("device_code_hash");

CREATE UNIQUE INDEX "ix_oauth_device_authorizations_user_code_hash" ON "oauth_device_authorizations" ("user_code_hash");

ALTER TABLE "sessions" ADD COLUMN "client_row_id" TEXT NULL;

ALTER TABLE "sessions" ADD COLUMN "scope" TEXT NULL;

ALTER TABLE "sessions" ADD COLUMN "browser_session_id" TEXT NULL;

ALTER TABLE "sessions" ADD COLUMN "auth_time" TEXT NULL;

CREATE INDEX "ix_sessions_browser_session_id" ON "sessions" ("browser_session_id");
