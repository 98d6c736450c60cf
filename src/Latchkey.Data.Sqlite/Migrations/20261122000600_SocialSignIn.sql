-- Social sign-in: linked upstream identities and pending redirect-flow states (issue 6).
CREATE TABLE "social_states" (
    "id" TEXT NOT NULL CONSTRAINT "pk_social_states" PRIMARY KEY,
    "state_hash" BLOB NOT NULL,
    "browser_binding_hash" BLOB NOT NULL,
    "provider" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "redirect_url" TEXT NOT NULL,
    "callback_url" TEXT NOT NULL,
    "protected_code_verifier" TEXT NOT NULL,
    "nonce" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL
);

CREATE TABLE "user_identities" (
    "id" TEXT NOT NULL CONSTRAINT "pk_user_identities" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_user_id" TEXT NOT NULL,
    "email" TEXT NULL,
    "protected_access_token" TEXT NULL,
    "protected_refresh_token" TEXT NULL,
    "access_token_expires_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "last_sign_in_at" TEXT NULL,
    CONSTRAINT "fk_user_identities_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_social_states_expires_at" ON "social_states" ("expires_at");

CREATE UNIQUE INDEX "ix_social_states_state_hash" ON "social_states" ("state_hash");

CREATE UNIQUE INDEX "ix_user_identities_provider_provider_user_id" ON "user_identities" ("provider", "provider_user_id");

CREATE INDEX "ix_user_identities_user_id" ON "user_identities" ("user_id");
