-- Issue 13: custom roles (built-in ones live in code) and the indexes the admin lists need.
CREATE TABLE "roles" (
    "name" TEXT NOT NULL CONSTRAINT "pk_roles" PRIMARY KEY,
    "description" TEXT NULL,
    "permissions" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE INDEX "ix_users_created_at" ON "users" ("created_at");
CREATE INDEX "ix_users_role" ON "users" ("role");
CREATE INDEX "ix_sessions_created_at" ON "sessions" ("created_at");
CREATE INDEX "ix_activity_type_created_at" ON "activity" ("type", "created_at");
CREATE INDEX "ix_activity_ip_address_created_at" ON "activity" ("ip_address", "created_at");
