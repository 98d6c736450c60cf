-- Second factors, recovery codes, challenge tickets and passkeys (issue 4).
CREATE TABLE auth_challenges (
    id uuid NOT NULL,
    token_hash bytea NOT NULL,
    kind character varying(32) NOT NULL,
    user_id uuid,
    state character varying(8192),
    attempts integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_auth_challenges PRIMARY KEY (id),
    CONSTRAINT fk_auth_challenges_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE passkeys (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    credential_id bytea NOT NULL,
    public_key bytea NOT NULL,
    name character varying(100) NOT NULL,
    sign_count bigint NOT NULL,
    transports character varying(128),
    is_user_verified boolean NOT NULL,
    is_backup_eligible boolean NOT NULL,
    is_backed_up boolean NOT NULL,
    attestation_object bytea,
    client_data_json bytea,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    CONSTRAINT pk_passkeys PRIMARY KEY (id),
    CONSTRAINT fk_passkeys_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE recovery_codes (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    code_hash bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    CONSTRAINT pk_recovery_codes PRIMARY KEY (id),
    CONSTRAINT fk_recovery_codes_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE two_factor_methods (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    method character varying(16) NOT NULL,
    protected_secret character varying(1024),
    is_default boolean NOT NULL,
    last_used_time_step bigint,
    created_at timestamp with time zone NOT NULL,
    confirmed_at timestamp with time zone,
    CONSTRAINT pk_two_factor_methods PRIMARY KEY (id),
    CONSTRAINT fk_two_factor_methods_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_auth_challenges_expires_at ON auth_challenges (expires_at);

CREATE UNIQUE INDEX ix_auth_challenges_token_hash ON auth_challenges (token_hash);

CREATE INDEX ix_auth_challenges_user_id ON auth_challenges (user_id);

CREATE UNIQUE INDEX ix_passkeys_credential_id ON passkeys (credential_id);

CREATE INDEX ix_passkeys_user_id ON passkeys (user_id);

CREATE UNIQUE INDEX ix_recovery_codes_user_id_code_hash ON recovery_codes (user_id, code_hash);

CREATE UNIQUE INDEX ix_two_factor_methods_user_id_method ON two_factor_methods (user_id, method);
