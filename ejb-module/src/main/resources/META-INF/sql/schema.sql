-- Handoff's tables. Every statement is idempotent: the script runs at each deployment.
-- Portable between H2 (the embedded default) and PostgreSQL.

CREATE TABLE IF NOT EXISTS handoff_job (
    id                 VARCHAR(64)    NOT NULL PRIMARY KEY,
    type               VARCHAR(100)   NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    priority           INTEGER        NOT NULL,
    payload            VARCHAR(1000000) NOT NULL,
    idempotency_key    VARCHAR(200),
    progress           INTEGER        NOT NULL,
    attempts           INTEGER        NOT NULL,
    max_attempts       INTEGER        NOT NULL,
    result             VARCHAR(1000000),
    error              VARCHAR(4000),
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    run_at             TIMESTAMP(6) WITH TIME ZONE,
    started_at         TIMESTAMP(6) WITH TIME ZONE,
    finished_at        TIMESTAMP(6) WITH TIME ZONE,
    version            BIGINT         NOT NULL,
    CONSTRAINT handoff_job_idempotency_key UNIQUE (idempotency_key)
);

CREATE INDEX IF NOT EXISTS handoff_job_status ON handoff_job (status, type);

-- What a finished job produced beyond its JSON result: a report's CSV, say.
CREATE TABLE IF NOT EXISTS handoff_job_output (
    job_id             VARCHAR(64)    NOT NULL PRIMARY KEY,
    media_type         VARCHAR(100)   NOT NULL,
    content            BLOB           NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Uploaded datasets, kept as sent (JSON array of flat objects, or CSV with a header row).
CREATE TABLE IF NOT EXISTS handoff_dataset (
    name               VARCHAR(100)   NOT NULL PRIMARY KEY,
    format             VARCHAR(8)     NOT NULL,
    row_count          BIGINT         NOT NULL,
    size_bytes         BIGINT         NOT NULL,
    content            BLOB           NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- The measures a report job has read so far, one row per usable dataset row. Written in the chunk's
-- transaction, so a restarted report resumes from its checkpoint without counting a row twice.
CREATE TABLE IF NOT EXISTS handoff_report_value (
    job_id             VARCHAR(64)    NOT NULL,
    row_no             BIGINT         NOT NULL,
    group_key          VARCHAR(1000)  NOT NULL,
    measure            DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (job_id, row_no)
);

-- Each report job's batch execution, so that a later attempt restarts it rather than starting over, and the
-- counts its summary step found. dataset_updated_at is the version of the dataset the execution reads.
CREATE TABLE IF NOT EXISTS handoff_report_run (
    job_id             VARCHAR(64)    NOT NULL PRIMARY KEY,
    execution_id       BIGINT,
    dataset_updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rows_read          BIGINT,
    group_count        BIGINT,
    skipped_count      BIGINT
);

-- Retry policies, exclusive attempts and cancellation.
ALTER TABLE handoff_job ADD COLUMN IF NOT EXISTS retry_policy VARCHAR(400);
ALTER TABLE handoff_job ADD COLUMN IF NOT EXISTS lease_owner VARCHAR(200);
ALTER TABLE handoff_job ADD COLUMN IF NOT EXISTS lease_until TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE handoff_job ADD COLUMN IF NOT EXISTS cancel_requested BOOLEAN DEFAULT FALSE NOT NULL;

-- Every attempt of every job: when it ran, where, and how it ended.
CREATE TABLE IF NOT EXISTS handoff_job_attempt (
    id                 VARCHAR(80)    NOT NULL PRIMARY KEY,
    job_id             VARCHAR(64)    NOT NULL,
    attempt            INTEGER        NOT NULL,
    worker             VARCHAR(200)   NOT NULL,
    started_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ended_at           TIMESTAMP(6) WITH TIME ZONE,
    outcome            VARCHAR(16),
    error              VARCHAR(4000)
);

CREATE INDEX IF NOT EXISTS handoff_job_attempt_job ON handoff_job_attempt (job_id, attempt);
