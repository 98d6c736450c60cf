-- Initial schema (generated from the model with `latchkey schema-script`, then reviewed).
CREATE TABLE "activity" (
    "id" TEXT NOT NULL CONSTRAINT "pk_activity" PRIMARY KEY,
    "user_id" TEXT NULL,
    "type" TEXT NOT NULL,
    "success" INTEGER NOT NULL,
    "ip_address" TEXT NULL,
    "user_agent" TEXT NULL,
    "details" TEXT NULL,
    "created_at" TEXT NOT NULL
);


CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NOT NULL
);


CREATE TABLE "server_secrets" (
    "name" TEXT NOT NULL CONSTRAINT "pk_server_secrets" PRIMARY KEY,
    "protected_value" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);


CREATE TABLE "signing_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_signing_keys" PRIMARY KEY,
    "algorithm" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "protected_private_key" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "retired_at" TEXT NULL,
    "publish_until" TEXT NULL
);


CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "email" TEXT NOT NULL,
    "normalized_email" TEXT NOT NULL,
    "email_verified" INTEGER NOT NULL,
    "username" TEXT NULL,
    "normalized_username" TEXT NULL,
    "first_name" TEXT NULL,
    "last_name" TEXT NULL,
    "avatar_url" TEXT NULL,
    "password_hash" TEXT NULL,
    "role" TEXT NOT NULL,
    "disabled" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "failed_sign_in_count" INTEGER NOT NULL,
    "lockout_ends_at" TEXT NULL,
    "last_sign_in_at" TEXT NULL,
    "password_changed_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);


CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secret_hash" BLOB NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_used_at" TEXT NULL,
    CONSTRAINT "fk_api_keys_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "sessions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sessions" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cookie_secret_hash" BLOB NULL,
    "auth_method" TEXT NOT NULL,
    "ip_address" TEXT NULL,
    "user_agent" TEXT NULL,
    "device_type" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_activity_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "elevated_at" TEXT NULL,
    "revoked_at" TEXT NULL,
    "revoked_reason" TEXT NULL,
    CONSTRAINT "fk_sessions_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "refresh_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_refresh_tokens" PRIMARY KEY,
    "session_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "token_hash" BLOB NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "rotated_at" TEXT NULL,
    CONSTRAINT "fk_refresh_tokens_sessions_session_id" FOREIGN KEY ("session_id") REFERENCES "sessions" ("id") ON DELETE CASCADE
);


CREATE INDEX "ix_activity_created_at" ON "activity" ("created_at");


CREATE INDEX "ix_activity_user_id_created_at" ON "activity" ("user_id", "created_at");


CREATE UNIQUE INDEX "ix_api_keys_secret_hash" ON "api_keys" ("secret_hash");


CREATE INDEX "ix_api_keys_user_id" ON "api_keys" ("user_id");


CREATE INDEX "ix_refresh_tokens_session_id" ON "refresh_tokens" ("session_id");


CREATE UNIQUE INDEX "ix_refresh_tokens_token_hash" ON "refresh_tokens" ("token_hash");


CREATE UNIQUE INDEX "ix_sessions_cookie_secret_hash" ON "sessions" ("cookie_secret_hash");


CREATE INDEX "ix_sessions_user_id_revoked_at" ON "sessions" ("user_id", "revoked_at");


CREATE UNIQUE INDEX "ix_signing_keys_purpose_algorithm" ON "signing_keys" ("purpose", "algorithm") WHERE retired_at IS NULL;


CREATE UNIQUE INDEX "ix_users_normalized_email" ON "users" ("normalized_email");


CREATE UNIQUE INDEX "ix_users_normalized_username" ON "users" ("normalized_username");



