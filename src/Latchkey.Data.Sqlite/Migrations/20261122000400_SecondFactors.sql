-- Second factors, recovery codes, challenge tickets and passkeys (issue 4).
CREATE TABLE "auth_challenges" (
    "id" TEXT NOT NULL CONSTRAINT "pk_auth_challenges" PRIMARY KEY,
    "token_hash" BLOB NOT NULL,
    "kind" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "state" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    CONSTRAINT "fk_auth_challenges_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "passkeys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_passkeys" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "credential_id" BLOB NOT NULL,
    "public_key" BLOB NOT NULL,
    "name" TEXT NOT NULL,
    "sign_count" INTEGER NOT NULL,
    "transports" TEXT NULL,
    "is_user_verified" INTEGER NOT NULL,
    "is_backup_eligible" INTEGER NOT NULL,
    "is_backed_up" INTEGER NOT NULL,
    "attestation_object" BLOB NULL,
    "client_data_json" BLOB NULL,
    "created_at" TEXT NOT NULL,
    "last_used_at" TEXT NULL,
    CONSTRAINT "fk_passkeys_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "recovery_codes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_recovery_codes" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "code_hash" BLOB NOT NULL,
    "created_at" TEXT NOT NULL,
    "used_at" TEXT NULL,
    CONSTRAINT "fk_recovery_codes_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "two_factor_methods" (
    "id" TEXT NOT NULL CONSTRAINT "pk_two_factor_methods" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "protected_secret" TEXT NULL,
    "is_default" INTEGER NOT NULL,
    "last_used_time_step" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    "confirmed_at" TEXT NULL,
    CONSTRAINT "fk_two_factor_methods_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_auth_challenges_expires_at" ON "auth_challenges" ("expires_at");

CREATE UNIQUE INDEX "ix_auth_challenges_token_hash" ON "auth_challenges" ("token_hash");

CREATE INDEX "ix_auth_challenges_user_id" ON "auth_challenges" ("user_id");

CREATE UNIQUE INDEX "ix_passkeys_credential_id" ON "passkeys" ("credential_id");

CREATE INDEX "ix_passkeys_user_id" ON "passkeys" ("user_id");

CREATE UNIQUE INDEX "ix_recovery_codes_user_id_code_hash" ON "recovery_codes" ("user_id", "code_hash");

CREATE UNIQUE INDEX "ix_two_factor_methods_user_id_method" ON "two_factor_methods" ("user_id", "method");
