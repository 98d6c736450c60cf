-- Social sign-in: linked upstream identities and pending redirect-flow states (issue 6).
CREATE TABLE social_states (
    id uuid NOT NULL,
    state_hash bytea NOT NULL,
    browser_binding_hash bytea NOT NULL,
    provider character varying(64) NOT NULL,
    purpose character varying(16) NOT NULL,
    user_id uuid,
    redirect_url character varying(2048) NOT NULL,
    callback_url character varying(2048) NOT NULL,
    protected_code_verifier text NOT NULL,
    nonce character varying(64),
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_social_states PRIMARY KEY (id)
);

CREATE TABLE user_identities (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    provider character varying(64) NOT NULL,
    provider_user_id character varying(255) NOT NULL,
    email character varying(254),
    protected_access_token text,
    protected_refresh_token text,
    access_token_expires_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    last_sign_in_at timestamp with time zone,
    CONSTRAINT pk_user_identities PRIMARY KEY (id),
    CONSTRAINT fk_user_identities_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_social_states_expires_at ON social_states (expires_at);

CREATE UNIQUE INDEX ix_social_states_state_hash ON social_states (state_hash);

CREATE UNIQUE INDEX ix_user_identities_provider_provider_user_id ON user_identities (provider, provider_user_id);

CREATE INDEX ix_user_identities_user_id ON user_identities (user_id);
