-- Issue 17: the profile beyond the account row (OIDC standard claims, preferences) and uploaded avatars.
CREATE TABLE user_profiles (
    user_id uuid NOT NULL,
    bio character varying(500),
    birth_date date,
    gender character varying(100),
    company character varying(100),
    job_title character varying(100),
    website character varying(2048),
    location character varying(200),
    address character varying(2000),
    social_links character varying(24000),
    time_zone character varying(64),
    date_format character varying(16),
    notifications character varying(1000),
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_user_profiles PRIMARY KEY (user_id),
    CONSTRAINT fk_user_profiles_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_avatars (
    user_id uuid NOT NULL,
    e_tag character varying(32) NOT NULL,
    large bytea NOT NULL,
    medium bytea NOT NULL,
    small bytea NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_user_avatars PRIMARY KEY (user_id),
    CONSTRAINT fk_user_avatars_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Account deletion removes the mail queued to or kept for the address.
CREATE INDEX ix_outgoing_messages_recipient ON outgoing_messages (recipient);
