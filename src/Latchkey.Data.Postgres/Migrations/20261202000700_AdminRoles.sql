-- Issue 13: custom roles (built-in ones live in code) and the indexes the admin lists need at a million users.
CREATE TABLE roles (
    name character varying(32) NOT NULL,
    description character varying(200),
    permissions character varying(1000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_roles PRIMARY KEY (name)
);

-- User search is by prefix (LIKE 'TERM%'): text_pattern_ops makes that an index range whatever the collation.
CREATE INDEX ix_users_normalized_email_prefix ON users (normalized_email text_pattern_ops);
CREATE INDEX ix_users_normalized_username_prefix ON users (normalized_username text_pattern_ops);
CREATE INDEX ix_users_first_name_prefix ON users (upper(first_name) text_pattern_ops);
CREATE INDEX ix_users_last_name_prefix ON users (upper(last_name) text_pattern_ops);
CREATE INDEX ix_users_created_at ON users (created_at);
CREATE INDEX ix_users_role ON users (role);
CREATE INDEX ix_sessions_created_at ON sessions (created_at);
CREATE INDEX ix_activity_type_created_at ON activity (type, created_at);
CREATE INDEX ix_activity_ip_address_created_at ON activity (ip_address, created_at);
