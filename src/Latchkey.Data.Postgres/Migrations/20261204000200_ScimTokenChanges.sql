-- Issue 15: each node caches authenticated SCIM tokens (ScimTokenCache) under the OAuth client cache's generation.
-- A token belongs to its client's configuration, so creating or deleting (revoking) one bumps the 'oauth_clients'
-- area, and every other node drops its cached tokens within a poll. Not on UPDATE: last_used_at is written as tokens
-- are used, and must not empty the caches.
CREATE TRIGGER scim_tokens_added_or_removed AFTER INSERT OR DELETE ON scim_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('oauth_clients');
