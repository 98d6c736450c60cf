-- Issue 15: a SCIM token created or revoked bumps the 'oauth_clients' area (see the PostgreSQL script); not on
-- UPDATE, which only records last use.
CREATE TRIGGER "scim_tokens_added" AFTER INSERT ON "scim_tokens"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'oauth_clients'; END;
CREATE TRIGGER "scim_tokens_deleted" AFTER DELETE ON "scim_tokens"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'oauth_clients'; END;
