-- Issue 15: SCIM 2.0 provisioning. The SCIM attributes accounts have no column for, groups and their members,
-- and the bearer tokens identity providers use (per OAuth client, SHA-256 only).
CREATE TABLE "scim_user_profiles" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_scim_user_profiles" PRIMARY KEY,
    "external_id" TEXT NULL,
    "client_row_id" TEXT NULL,
    "middle_name" TEXT NULL,
    "honorific_prefix" TEXT NULL,
    "honorific_suffix" TEXT NULL,
    "nick_name" TEXT NULL,
    "profile_url" TEXT NULL,
    "title" TEXT NULL,
    "user_type" TEXT NULL,
    "preferred_language" TEXT NULL,
    "locale" TEXT NULL,
    "timezone" TEXT NULL,
    "email_type" TEXT NULL,
    "phone_type" TEXT NULL,
    "employee_number" TEXT NULL,
    "cost_center" TEXT NULL,
    "organization" TEXT NULL,
    "division" TEXT NULL,
    "department" TEXT NULL,
    "manager_id" TEXT NULL,
    CONSTRAINT "fk_scim_user_profiles_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_scim_user_profiles_external_id" ON "scim_user_profiles" ("external_id");

CREATE TABLE "scim_groups" (
    "id" TEXT NOT NULL CONSTRAINT "pk_scim_groups" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "normalized_display_name" TEXT NOT NULL,
    "external_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ix_scim_groups_normalized_display_name" ON "scim_groups" ("normalized_display_name");
CREATE INDEX "ix_scim_groups_external_id" ON "scim_groups" ("external_id");

CREATE TABLE "scim_group_members" (
    "group_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_scim_group_members" PRIMARY KEY ("group_id", "user_id"),
    CONSTRAINT "fk_scim_group_members_scim_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "scim_groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_scim_group_members_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_scim_group_members_user_id" ON "scim_group_members" ("user_id");

CREATE TABLE "scim_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_scim_tokens" PRIMARY KEY,
    "client_row_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secret_hash" BLOB NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "last_used_at" TEXT NULL,
    CONSTRAINT "fk_scim_tokens_oauth_clients_client_row_id" FOREIGN KEY ("client_row_id") REFERENCES "oauth_clients" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_scim_tokens_secret_hash" ON "scim_tokens" ("secret_hash");
CREATE INDEX "ix_scim_tokens_client_row_id" ON "scim_tokens" ("client_row_id");
