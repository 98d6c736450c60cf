-- Issue 12 item 6: revoked access tokens (by jti) until they expire; AUTOINCREMENT never reuses a
-- number, so "sequence" is a high-water mark the nodes poll by.
CREATE TABLE "revoked_access_tokens" (
    "sequence" INTEGER NOT NULL CONSTRAINT "pk_revoked_access_tokens" PRIMARY KEY AUTOINCREMENT,
    "token_id" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "revoked_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_revoked_access_tokens_token_id" ON "revoked_access_tokens" ("token_id");

CREATE INDEX "ix_revoked_access_tokens_expires_at" ON "revoked_access_tokens" ("expires_at");

CREATE INDEX "ix_revoked_access_tokens_revoked_at" ON "revoked_access_tokens" ("revoked_at");
