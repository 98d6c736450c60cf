-- Issue 15: a SCIM group can carry Latchkey roles, and each account keeps the roles its groups give it (see the
-- PostgreSQL script). Both columns start empty: no group carries a role before this migration.
ALTER TABLE "scim_groups" ADD "roles" TEXT NULL;
ALTER TABLE "users" ADD "group_roles" TEXT NULL;
