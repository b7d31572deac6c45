-- Ground deconfliction (SQLite): notified sites, movements, declared zones of operations, acknowledgements,
-- reported strikes and intents designated as fire/strike areas. Times are Unix milliseconds.
CREATE TABLE ground_objects (
    kind        TEXT NOT NULL,
    id          TEXT NOT NULL,
    party       TEXT NOT NULL REFERENCES parties(id),
    version     BIGINT NOT NULL,
    category    TEXT,
    geojson     TEXT NOT NULL,
    valid_from  BIGINT,
    valid_to    BIGINT,
    updated_at  BIGINT NOT NULL,
    ended_at    BIGINT,
    PRIMARY KEY (kind, id)
);
CREATE INDEX ground_objects_party ON ground_objects(party, kind);

CREATE TABLE ground_acks (
    site_id   TEXT NOT NULL,
    party_id  TEXT NOT NULL,
    version   BIGINT NOT NULL,
    acked_at  BIGINT NOT NULL,
    receipt   TEXT NOT NULL,
    PRIMARY KEY (site_id, party_id, version)
);

CREATE TABLE ground_strikes (
    id               TEXT PRIMARY KEY,
    party            TEXT NOT NULL REFERENCES parties(id),
    intent_id        TEXT NOT NULL,
    lat_deg          DOUBLE PRECISION NOT NULL,
    lon_deg          DOUBLE PRECISION NOT NULL,
    t                BIGINT NOT NULL,
    radius_m         DOUBLE PRECISION NOT NULL,
    inside_zone      INTEGER NOT NULL,
    assessment_json  TEXT NOT NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX ground_strikes_party_time ON ground_strikes(party, t);

CREATE TABLE ground_fire_intents (
    intent_id  TEXT PRIMARY KEY,
    party      TEXT NOT NULL,
    marked_at  BIGINT NOT NULL
);
