-- Issues 13 and 15: the admin lists and the SCIM user page are ordered by (created_at, id); see the PostgreSQL script.
CREATE INDEX "ix_users_created_at_id" ON "users" ("created_at", "id");
DROP INDEX "ix_users_created_at";
CREATE INDEX "ix_sessions_created_at_id" ON "sessions" ("created_at", "id");
DROP INDEX "ix_sessions_created_at";
