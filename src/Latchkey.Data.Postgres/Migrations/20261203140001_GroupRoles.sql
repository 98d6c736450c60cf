-- Issue 15: a SCIM group can carry Latchkey roles (set by an administrator), and every account keeps the roles its
-- groups give it on its own row, so the credential lookups that read users.role read them in the same query.
-- Both columns start empty: no group carries a role before this migration. Adding a nullable column without a
-- default rewrites no row, so this is instant on a large users table.
ALTER TABLE scim_groups ADD COLUMN roles character varying(1040);
ALTER TABLE users ADD COLUMN group_roles text;
