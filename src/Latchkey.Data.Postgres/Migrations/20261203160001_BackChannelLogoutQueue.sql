-- Issue 20: the durable back-channel logout queue (one row per client per ended browser session, written with the session's end).
CREATE TABLE backchannel_logouts (
    id uuid NOT NULL,
    client_row_id uuid NOT NULL,
    user_id uuid NOT NULL,
    session_id uuid NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    last_error character varying(500),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_backchannel_logouts PRIMARY KEY (id)
);
CREATE INDEX ix_backchannel_logouts_status_next_attempt_at ON backchannel_logouts (status, next_attempt_at);
