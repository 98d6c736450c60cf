-- Issue 14: webhook subscriptions and their outbox (one row per event per subscription, written with the activity row).
CREATE TABLE webhook_subscriptions (
    id uuid NOT NULL,
    url character varying(2000) NOT NULL,
    description character varying(200),
    events character varying(2000) NOT NULL,
    active boolean NOT NULL,
    protected_secret text NOT NULL,
    protected_previous_secret text,
    previous_secret_expires_at timestamp with time zone,
    consecutive_failures integer NOT NULL,
    disabled_reason character varying(200),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_webhook_subscriptions PRIMARY KEY (id)
);
CREATE TABLE webhook_deliveries (
    id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    event_type character varying(64) NOT NULL,
    payload text NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    last_status_code integer,
    last_duration_ms integer,
    last_error character varying(500),
    last_attempt_at timestamp with time zone,
    delivered_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_webhook_deliveries PRIMARY KEY (id)
);
CREATE INDEX ix_webhook_deliveries_status_next_attempt_at ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_subscription_id_created_at ON webhook_deliveries (subscription_id, created_at);
