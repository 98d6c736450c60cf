-- Issue 13: the runtime settings document administrators change (one row), with the version every node polls.
CREATE TABLE runtime_settings (
    id integer NOT NULL,
    document character varying(16000) NOT NULL,
    version bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by uuid,
    CONSTRAINT pk_runtime_settings PRIMARY KEY (id)
);
