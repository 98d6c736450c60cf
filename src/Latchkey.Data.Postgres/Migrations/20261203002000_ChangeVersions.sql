-- Issue 20: one version row per node-cache area, bumped by triggers in the same transaction as the
-- change, so no code path can change a cached table without the other nodes hearing of it. Every node
-- reads these few rows each poll (Latchkey:Cluster:ChangePollInterval) and drops what moved.
CREATE TABLE change_versions (
    area character varying(32) NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT pk_change_versions PRIMARY KEY (area)
);

INSERT INTO change_versions (area, version) VALUES
    ('oauth_clients', 0), ('settings', 0), ('revoked_tokens', 0), ('signing_keys', 0), ('sessions', 0);

CREATE FUNCTION bump_change_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_versions SET version = version + 1 WHERE area = TG_ARGV[0];
    RETURN NULL;
END
$$;

-- Once per statement: a set-based change bumps once, and the row lock it takes is held only to commit.
CREATE TRIGGER oauth_clients_changed AFTER INSERT OR UPDATE OR DELETE ON oauth_clients
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('oauth_clients');
CREATE TRIGGER oauth_api_resources_changed AFTER INSERT OR UPDATE OR DELETE ON oauth_api_resources
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('oauth_clients');
CREATE TRIGGER runtime_settings_changed AFTER INSERT OR UPDATE OR DELETE ON runtime_settings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('settings');
CREATE TRIGGER revoked_access_tokens_added AFTER INSERT ON revoked_access_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('revoked_tokens');
CREATE TRIGGER signing_keys_changed AFTER INSERT OR UPDATE OR DELETE ON signing_keys
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('signing_keys');
CREATE TRIGGER users_deleted AFTER DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('sessions');

-- Per row with a condition: sessions and users are updated on hot paths (activity, refresh), and only
-- an ended session or a disabled user concerns the other nodes' caches.
CREATE TRIGGER sessions_revoked AFTER UPDATE OF revoked_at ON sessions
    FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
    EXECUTE FUNCTION bump_change_version('sessions');
CREATE TRIGGER users_disabled AFTER UPDATE OF disabled ON users
    FOR EACH ROW WHEN (OLD.disabled IS DISTINCT FROM NEW.disabled)
    EXECUTE FUNCTION bump_change_version('sessions');

-- Rate-limit and sign-in counters shared by the nodes: one row per key and fixed window, added to in
-- batches (SharedCounters flushes every node's counts in one upsert per interval), pruned when it ends.
CREATE TABLE rate_counters (
    key character varying(400) NOT NULL,
    window_start timestamp with time zone NOT NULL,
    window_end timestamp with time zone NOT NULL,
    count integer NOT NULL,
    CONSTRAINT pk_rate_counters PRIMARY KEY (key, window_start)
);

CREATE INDEX ix_rate_counters_window_end ON rate_counters (window_end);
