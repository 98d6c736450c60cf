-- Issue 16: the permission names an API key is limited to, space-separated; NULL is a key with its owner's
-- full permissions (every key created before this, and keys created without scopes).
ALTER TABLE "api_keys" ADD COLUMN "scopes" TEXT NULL;
