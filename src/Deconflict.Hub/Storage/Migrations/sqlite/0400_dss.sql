-- ASTM F3548-21 DSS (sqlite): token subjects mapped to parties, operational intent and constraint references,
-- subscriptions, USS availability and reports. Extents are F3548 Volume4D JSON; times are Unix milliseconds.
CREATE TABLE dss_subjects (
    subject   TEXT PRIMARY KEY,
    party_id  TEXT NOT NULL REFERENCES parties(id),
    mapped_at BIGINT NOT NULL
);
CREATE INDEX dss_subjects_party ON dss_subjects(party_id);

CREATE TABLE dss_operational_intents (
    id              TEXT PRIMARY KEY,
    manager         TEXT NOT NULL,
    party           TEXT NOT NULL REFERENCES parties(id),
    state           TEXT NOT NULL,
    version         BIGINT NOT NULL,
    ovn             TEXT NOT NULL,
    uss_base_url    TEXT NOT NULL,
    subscription_id TEXT,
    extents_json    TEXT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE dss_constraints (
    id              TEXT PRIMARY KEY,
    manager         TEXT NOT NULL,
    party           TEXT NOT NULL REFERENCES parties(id),
    version         BIGINT NOT NULL,
    ovn             TEXT NOT NULL,
    uss_base_url    TEXT NOT NULL,
    extents_json    TEXT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE dss_subscriptions (
    id                  TEXT PRIMARY KEY,
    manager             TEXT NOT NULL,
    version             TEXT NOT NULL,
    notification_index  BIGINT NOT NULL,
    uss_base_url        TEXT NOT NULL,
    notify_for_oi       INTEGER NOT NULL,
    notify_for_c        INTEGER NOT NULL,
    implicit_sub        INTEGER NOT NULL,
    extents_json        TEXT NOT NULL,
    updated_at          BIGINT NOT NULL
);

CREATE TABLE dss_availability (
    uss           TEXT PRIMARY KEY,
    availability  TEXT NOT NULL,
    version       TEXT NOT NULL,
    updated_at    BIGINT NOT NULL
);

CREATE TABLE dss_reports (
    report_id    TEXT PRIMARY KEY,
    reporter     TEXT NOT NULL,
    report_json  TEXT NOT NULL,
    received_at  BIGINT NOT NULL
);
