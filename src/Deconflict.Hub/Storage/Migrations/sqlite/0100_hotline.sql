-- Hotline (SQLite): threads between parties, structured messages, acknowledgements, read marks and escalation contacts.
-- Times are Unix milliseconds.
CREATE TABLE hotline_threads (
    id            TEXT PRIMARY KEY,
    conflict_id   TEXT UNIQUE,
    subject_type  TEXT,
    subject_id    TEXT,
    title         TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    overdue_at    BIGINT
);

CREATE TABLE hotline_thread_parties (
    thread_id  TEXT NOT NULL REFERENCES hotline_threads(id),
    party_id   TEXT NOT NULL,
    PRIMARY KEY (thread_id, party_id)
);
CREATE INDEX hotline_thread_parties_party ON hotline_thread_parties(party_id);

CREATE TABLE hotline_messages (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE,
    thread_id     TEXT NOT NULL REFERENCES hotline_threads(id),
    sender        TEXT NOT NULL,
    template      TEXT NOT NULL,
    params_json   TEXT NOT NULL,
    remark        TEXT,
    language      TEXT NOT NULL,
    needs_ack     INTEGER NOT NULL,
    ack_deadline  BIGINT,
    escalated_at  BIGINT,
    created_at    BIGINT NOT NULL
);
CREATE INDEX hotline_messages_thread ON hotline_messages(thread_id, seq);
CREATE INDEX hotline_messages_due ON hotline_messages(ack_deadline) WHERE needs_ack = 1 AND escalated_at IS NULL;

CREATE TABLE hotline_acks (
    message_id  TEXT NOT NULL REFERENCES hotline_messages(id),
    party_id    TEXT NOT NULL,
    acked_at    BIGINT NOT NULL,
    key_id      TEXT,
    receipt     TEXT NOT NULL,
    PRIMARY KEY (message_id, party_id)
);

CREATE TABLE hotline_reads (
    thread_id  TEXT NOT NULL REFERENCES hotline_threads(id),
    party_id   TEXT NOT NULL,
    last_seq   BIGINT NOT NULL,
    PRIMARY KEY (thread_id, party_id)
);

CREATE TABLE hotline_contacts (
    agreement_id        TEXT NOT NULL REFERENCES agreements(id),
    party_id            TEXT NOT NULL,
    escalation_contact  TEXT,
    observer            TEXT,
    updated_at          BIGINT NOT NULL,
    PRIMARY KEY (agreement_id, party_id)
);
