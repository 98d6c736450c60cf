-- Decision 78: a SCIM User's title and timezone are the account profile's job_title and time_zone, which the profile
-- API, the OIDC zoneinfo claim and the pages read, instead of SCIM-only copies. SCIM allowed titles of 256 characters,
-- so the profile column is widened to keep them (the profile API still accepts 100); a zone name is at most 64 (the
-- longest IANA name is 32), so longer strings, which no zone has, are not copied.
ALTER TABLE user_profiles ALTER COLUMN job_title TYPE character varying(256);

INSERT INTO user_profiles (user_id, job_title, time_zone, updated_at)
SELECT s.user_id, s.title, CASE WHEN length(s.timezone) <= 64 THEN s.timezone END, u.updated_at
FROM scim_user_profiles s JOIN users u ON u.id = s.user_id
WHERE (s.title IS NOT NULL OR s.timezone IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM user_profiles p WHERE p.user_id = s.user_id);

-- An account that already had a profile keeps what it set; SCIM's value fills what it left empty.
UPDATE user_profiles p
SET job_title = coalesce(p.job_title, s.title),
    time_zone = coalesce(p.time_zone, CASE WHEN length(s.timezone) <= 64 THEN s.timezone END)
FROM scim_user_profiles s
WHERE s.user_id = p.user_id
  AND ((p.job_title IS NULL AND s.title IS NOT NULL) OR (p.time_zone IS NULL AND s.timezone IS NOT NULL));

ALTER TABLE scim_user_profiles DROP COLUMN title, DROP COLUMN timezone;
