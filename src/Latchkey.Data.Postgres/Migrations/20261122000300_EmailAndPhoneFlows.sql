-- Email and phone flows: phone numbers on users, verification tickets, the message outbox.
ALTER TABLE users ADD COLUMN phone_number character varying(16);
ALTER TABLE users ADD COLUMN phone_number_verified boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX ix_users_phone_number ON users (phone_number);

CREATE TABLE verification_tickets (
    id uuid NOT NULL,
    purpose character varying(32) NOT NULL,
    user_id uuid,
    target character varying(254) NOT NULL,
    secret_hash bytea NOT NULL,
    payload character varying(254),
    attempts integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    consumed_at timestamp with time zone,
    CONSTRAINT pk_verification_tickets PRIMARY KEY (id),
    CONSTRAINT fk_verification_tickets_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_verification_tickets_purpose_target_created_at ON verification_tickets (purpose, target, created_at);
CREATE UNIQUE INDEX ix_verification_tickets_secret_hash ON verification_tickets (secret_hash);
CREATE INDEX ix_verification_tickets_user_id ON verification_tickets (user_id);

CREATE TABLE outgoing_messages (
    id uuid NOT NULL,
    channel character varying(16) NOT NULL,
    recipient character varying(254) NOT NULL,
    template character varying(64) NOT NULL,
    protected_content text NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    last_error character varying(1000),
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    CONSTRAINT pk_outgoing_messages PRIMARY KEY (id)
);
CREATE INDEX ix_outgoing_messages_status_next_attempt_at ON outgoing_messages (status, next_attempt_at);
