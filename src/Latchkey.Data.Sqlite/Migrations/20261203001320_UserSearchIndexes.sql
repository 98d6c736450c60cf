-- Issue 13: the admin user search on SQLite. The search is a prefix LIKE (case-insensitive on SQLite), which SQLite
-- turns into an index range only on an index with the NOCASE collation; the ordinary indexes made it a full scan.
-- With these the four-column OR is a MULTI-INDEX OR of four range searches (PostgreSQL has its text_pattern_ops
-- counterparts since 20261202000700_AdminRoles).
CREATE INDEX "ix_users_normalized_email_nocase" ON "users" ("normalized_email" COLLATE NOCASE);
CREATE INDEX "ix_users_normalized_username_nocase" ON "users" ("normalized_username" COLLATE NOCASE);
CREATE INDEX "ix_users_first_name_nocase" ON "users" (upper("first_name") COLLATE NOCASE);
CREATE INDEX "ix_users_last_name_nocase" ON "users" (upper("last_name") COLLATE NOCASE);
