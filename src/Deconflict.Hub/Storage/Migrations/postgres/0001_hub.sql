-- Hub core schema (PostgreSQL). Times are Unix milliseconds unless noted.
CREATE TABLE parties (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE api_keys (
    key_id       TEXT PRIMARY KEY,
    party_id     TEXT NOT NULL REFERENCES parties(id),
    secret_hash  BYTEA NOT NULL,
    created_at   BIGINT NOT NULL,
    revoked_at   BIGINT
);
CREATE INDEX api_keys_party ON api_keys(party_id);

CREATE TABLE agreements (
    id            TEXT PRIMARY KEY,
    proposer      TEXT NOT NULL REFERENCES parties(id),
    counterparty  TEXT NOT NULL REFERENCES parties(id),
    status        TEXT NOT NULL,
    terms_json    TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    accepted_at   BIGINT,
    ended_at      BIGINT
);
CREATE INDEX agreements_proposer ON agreements(proposer);
CREATE INDEX agreements_counterparty ON agreements(counterparty);

CREATE TABLE intents (
    id          TEXT PRIMARY KEY,
    party       TEXT NOT NULL REFERENCES parties(id),
    state       TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    version     BIGINT NOT NULL,
    geojson     TEXT NOT NULL,
    min_lon     DOUBLE PRECISION NOT NULL,
    min_lat     DOUBLE PRECISION NOT NULL,
    max_lon     DOUBLE PRECISION NOT NULL,
    max_lat     DOUBLE PRECISION NOT NULL,
    time_start  BIGINT NOT NULL,
    time_end    BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX intents_party ON intents(party);
CREATE INDEX intents_state_time ON intents(state, time_end);

CREATE TABLE conflicts (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    status        TEXT NOT NULL,
    level         TEXT NOT NULL,
    parties_json  TEXT NOT NULL,
    objects_json  TEXT NOT NULL,
    pair_key      TEXT NOT NULL,
    detected_at   BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    cleared_at    BIGINT,
    detail_json   TEXT NOT NULL
);
CREATE INDEX conflicts_pair ON conflicts(pair_key, status);
CREATE TABLE conflict_parties (
    party_id     TEXT NOT NULL,
    conflict_id  TEXT NOT NULL REFERENCES conflicts(id),
    PRIMARY KEY (party_id, conflict_id)
);
CREATE TABLE conflict_objects (
    object_id    TEXT NOT NULL,
    conflict_id  TEXT NOT NULL REFERENCES conflicts(id),
    PRIMARY KEY (object_id, conflict_id)
);

CREATE TABLE events (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type          TEXT NOT NULL,
    object_id     TEXT NOT NULL,
    owner_party   TEXT NOT NULL,
    parties_json  TEXT NOT NULL,
    data_json     TEXT NOT NULL,
    time          BIGINT NOT NULL
);

-- Hash-chained, signed audit log (one entry per state-changing action, same transaction as the change).
CREATE TABLE audit (
    seq              BIGINT PRIMARY KEY,
    time             TEXT NOT NULL,
    actor            TEXT NOT NULL,
    action           TEXT NOT NULL,
    object_type      TEXT NOT NULL,
    object_id        TEXT NOT NULL,
    visibility_json  TEXT NOT NULL,
    content_json     TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    previous_hash    TEXT NOT NULL,
    entry_hash       TEXT NOT NULL,
    signature        TEXT
);
