-- Nhost-compatible surface (issue 7): guest accounts, token roles, locale, metadata and a chosen
-- display name per user; an expiry and metadata on API keys (personal access tokens).
ALTER TABLE "users" ADD COLUMN "is_anonymous" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "users" ADD COLUMN "default_role" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "allowed_roles" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "locale" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "metadata" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "chosen_display_name" TEXT NULL;
ALTER TABLE "api_keys" ADD COLUMN "expires_at" TEXT NULL;
ALTER TABLE "api_keys" ADD COLUMN "metadata" TEXT NULL;
