-- The migrator's history: one row per file. <schema> and <table> are replaced (quoted) by HistoryTable.
CREATE SCHEMA IF NOT EXISTS <schema>;
CREATE TABLE IF NOT EXISTS <schema>.<table> (
    phase           text        NOT NULL,
    version         numeric     NOT NULL,
    name            text        NOT NULL,
    script          text        NOT NULL,
    kind            text        NOT NULL,
    checksum        text        NOT NULL,
    success         boolean     NOT NULL,
    installed_by    text        NOT NULL DEFAULT current_user,
    installed_on    timestamptz NOT NULL DEFAULT now(),
    execution_ms    bigint      NOT NULL,
    PRIMARY KEY (phase, version)
);
COMMENT ON TABLE <schema>.<table> IS 'supabase-migrator: applied migration files (phase, version, checksum, time)';
