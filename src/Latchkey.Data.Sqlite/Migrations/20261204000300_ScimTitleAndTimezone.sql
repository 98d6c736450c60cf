-- Decision 78: a SCIM User's title and timezone are the account profile's job_title and time_zone (see the PostgreSQL
-- script). SQLite text has no length to widen; zone strings over 64 characters, which no zone has, are not copied.
INSERT INTO "user_profiles" ("user_id", "job_title", "time_zone", "updated_at")
SELECT s."user_id", s."title", CASE WHEN length(s."timezone") <= 64 THEN s."timezone" END, u."updated_at"
FROM "scim_user_profiles" s JOIN "users" u ON u."id" = s."user_id"
WHERE (s."title" IS NOT NULL OR s."timezone" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "user_profiles" p WHERE p."user_id" = s."user_id");

-- An account that already had a profile keeps what it set; SCIM's value fills what it left empty.
UPDATE "user_profiles"
SET "job_title" = coalesce("job_title", (SELECT s."title" FROM "scim_user_profiles" s WHERE s."user_id" = "user_profiles"."user_id")),
    "time_zone" = coalesce("time_zone", (SELECT CASE WHEN length(s."timezone") <= 64 THEN s."timezone" END
                                         FROM "scim_user_profiles" s WHERE s."user_id" = "user_profiles"."user_id"))
WHERE "user_id" IN (SELECT "user_id" FROM "scim_user_profiles" WHERE "title" IS NOT NULL OR "timezone" IS NOT NULL);

ALTER TABLE "scim_user_profiles" DROP COLUMN "title";
ALTER TABLE "scim_user_profiles" DROP COLUMN "timezone";
