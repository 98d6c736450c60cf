-- Issue 17: the profile beyond the account row (OIDC standard claims, preferences) and uploaded avatars.
CREATE TABLE "user_profiles" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_user_profiles" PRIMARY KEY,
    "bio" TEXT NULL,
    "birth_date" TEXT NULL,
    "gender" TEXT NULL,
    "company" TEXT NULL,
    "job_title" TEXT NULL,
    "website" TEXT NULL,
    "location" TEXT NULL,
    "address" TEXT NULL,
    "social_links" TEXT NULL,
    "time_zone" TEXT NULL,
    "date_format" TEXT NULL,
    "notifications" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_user_profiles_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_avatars" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_user_avatars" PRIMARY KEY,
    "e_tag" TEXT NOT NULL,
    "large" BLOB NOT NULL,
    "medium" BLOB NOT NULL,
    "small" BLOB NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_user_avatars_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

-- Account deletion removes the mail queued to or kept for the address.
CREATE INDEX "ix_outgoing_messages_recipient" ON "outgoing_messages" ("recipient");
