-- Issue 16: the licensing core (plans, licenses, seats, metered usage with idempotency keys).
CREATE TABLE license_plans (
    id uuid NOT NULL,
    code character varying(64) NOT NULL,
    name character varying(100) NOT NULL,
    entitlements character varying(16000) NOT NULL,
    seats integer NOT NULL,
    duration_days integer,
    trial_days integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_license_plans PRIMARY KEY (id)
);

CREATE TABLE licenses (
    id uuid NOT NULL,
    plan_id uuid NOT NULL,
    user_id uuid NOT NULL,
    status character varying(16) NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    trial_ends_at timestamp with time zone,
    ends_at timestamp with time zone,
    seats integer NOT NULL,
    seats_used integer NOT NULL,
    overrides character varying(16000),
    key_hash bytea NOT NULL,
    key_prefix character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_licenses PRIMARY KEY (id),
    CONSTRAINT fk_licenses_license_plans_plan_id FOREIGN KEY (plan_id) REFERENCES license_plans (id) ON DELETE RESTRICT,
    CONSTRAINT fk_licenses_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE license_activations (
    id uuid NOT NULL,
    license_id uuid NOT NULL,
    fingerprint character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_license_activations PRIMARY KEY (id),
    CONSTRAINT fk_license_activations_licenses_license_id FOREIGN KEY (license_id) REFERENCES licenses (id) ON DELETE CASCADE
);

CREATE TABLE license_usage (
    license_id uuid NOT NULL,
    feature character varying(64) NOT NULL,
    period_start timestamp with time zone NOT NULL,
    used bigint NOT NULL,
    CONSTRAINT pk_license_usage PRIMARY KEY (license_id, feature, period_start),
    CONSTRAINT fk_license_usage_licenses_license_id FOREIGN KEY (license_id) REFERENCES licenses (id) ON DELETE CASCADE
);

CREATE TABLE license_usage_events (
    id uuid NOT NULL,
    license_id uuid NOT NULL,
    idempotency_key character varying(200) NOT NULL,
    feature character varying(64) NOT NULL,
    quantity bigint NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_license_usage_events PRIMARY KEY (id),
    CONSTRAINT fk_license_usage_events_licenses_license_id FOREIGN KEY (license_id) REFERENCES licenses (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_license_activations_license_id_fingerprint ON license_activations (license_id, fingerprint);
CREATE UNIQUE INDEX ix_license_plans_code ON license_plans (code);
CREATE UNIQUE INDEX ix_license_usage_events_license_id_idempotency_key ON license_usage_events (license_id, idempotency_key);
CREATE UNIQUE INDEX ix_licenses_key_hash ON licenses (key_hash);
CREATE INDEX ix_licenses_plan_id ON licenses (plan_id);
CREATE INDEX ix_licenses_user_id ON licenses (user_id);
