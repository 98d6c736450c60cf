-- Issue 15: SCIM 2.0 provisioning. The SCIM attributes accounts have no column for, groups and their members,
-- and the bearer tokens identity providers use (per OAuth client, SHA-256 only).
CREATE TABLE scim_user_profiles (
    user_id uuid NOT NULL,
    external_id character varying(256),
    client_row_id uuid,
    middle_name character varying(256),
    honorific_prefix character varying(256),
    honorific_suffix character varying(256),
    nick_name character varying(256),
    profile_url character varying(256),
    title character varying(256),
    user_type character varying(256),
    preferred_language character varying(256),
    locale character varying(256),
    timezone character varying(256),
    email_type character varying(256),
    phone_type character varying(256),
    employee_number character varying(256),
    cost_center character varying(256),
    organization character varying(256),
    division character varying(256),
    department character varying(256),
    manager_id character varying(256),
    CONSTRAINT pk_scim_user_profiles PRIMARY KEY (user_id),
    CONSTRAINT fk_scim_user_profiles_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_scim_user_profiles_external_id ON scim_user_profiles (external_id);

CREATE TABLE scim_groups (
    id uuid NOT NULL,
    display_name character varying(256) NOT NULL,
    normalized_display_name character varying(256) NOT NULL,
    external_id character varying(256),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_scim_groups PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_scim_groups_normalized_display_name ON scim_groups (normalized_display_name);
CREATE INDEX ix_scim_groups_external_id ON scim_groups (external_id);

CREATE TABLE scim_group_members (
    group_id uuid NOT NULL,
    user_id uuid NOT NULL,
    CONSTRAINT pk_scim_group_members PRIMARY KEY (group_id, user_id),
    CONSTRAINT fk_scim_group_members_scim_groups_group_id FOREIGN KEY (group_id) REFERENCES scim_groups (id) ON DELETE CASCADE,
    CONSTRAINT fk_scim_group_members_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_scim_group_members_user_id ON scim_group_members (user_id);

CREATE TABLE scim_tokens (
    id uuid NOT NULL,
    client_row_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    secret_hash bytea NOT NULL,
    prefix character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid,
    last_used_at timestamp with time zone,
    CONSTRAINT pk_scim_tokens PRIMARY KEY (id),
    CONSTRAINT fk_scim_tokens_oauth_clients_client_row_id FOREIGN KEY (client_row_id) REFERENCES oauth_clients (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_scim_tokens_secret_hash ON scim_tokens (secret_hash);
CREATE INDEX ix_scim_tokens_client_row_id ON scim_tokens (client_row_id);
