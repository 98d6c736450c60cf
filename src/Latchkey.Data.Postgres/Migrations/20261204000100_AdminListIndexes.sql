-- Issues 13 and 15: the admin user and session lists and the SCIM user page are ordered by (created_at, id). An index
-- on created_at alone leaves the id tie-break to a sort of every row sharing a created_at (an imported or seeded
-- batch can share one), so ORDER BY ... LIMIT read and sorted a million rows; on (created_at, id) the page is an index
-- walk that stops at the page, filtering as it goes (measured at 1 M users: 320 ms to 7.6 ms for a broad search).
CREATE INDEX ix_users_created_at_id ON users (created_at, id);
DROP INDEX ix_users_created_at;
CREATE INDEX ix_sessions_created_at_id ON sessions (created_at, id);
DROP INDEX ix_sessions_created_at;
