-- Issue 12 item 5: API resources (RFC 8707) with their custom scopes, and client secret rotation.
CREATE TABLE "oauth_api_resources" (
    "id" TEXT NOT NULL CONSTRAINT "pk_oauth_api_resources" PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ix_oauth_api_resources_identifier" ON "oauth_api_resources" ("identifier");

ALTER TABLE "oauth_clients" ADD COLUMN "previous_secret_hash" BLOB NULL;
ALTER TABLE "oauth_clients" ADD COLUMN "previous_secret_expires_at" TEXT NULL;
