-- Ground objects, acknowledgements, strikes and fire-area designations are identified with their owner party:
-- (kind, party, id). Ids were unique per kind before, so every existing row keeps its meaning.
CREATE TABLE ground_objects_scoped (
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
    PRIMARY KEY (kind, party, id)
);
INSERT INTO ground_objects_scoped SELECT kind, id, party, version, category, geojson, valid_from, valid_to, updated_at, ended_at FROM ground_objects;
DROP TABLE ground_objects;
ALTER TABLE ground_objects_scoped RENAME TO ground_objects;
CREATE INDEX ground_objects_party ON ground_objects(party, kind);

CREATE TABLE ground_acks_scoped (
    site_party  TEXT NOT NULL,
    site_id     TEXT NOT NULL,
    party_id    TEXT NOT NULL,
    version     BIGINT NOT NULL,
    acked_at    BIGINT NOT NULL,
    receipt     TEXT NOT NULL,
    PRIMARY KEY (site_party, site_id, party_id, version)
);
INSERT INTO ground_acks_scoped
    SELECT COALESCE((SELECT o.party FROM ground_objects o WHERE o.kind = 'site' AND o.id = a.site_id), ''), a.site_id, a.party_id, a.version, a.acked_at, a.receipt
    FROM ground_acks a;
DROP TABLE ground_acks;
ALTER TABLE ground_acks_scoped RENAME TO ground_acks;

CREATE TABLE ground_strikes_scoped (
    id               TEXT NOT NULL,
    party            TEXT NOT NULL REFERENCES parties(id),
    intent_id        TEXT NOT NULL,
    lat_deg          DOUBLE PRECISION NOT NULL,
    lon_deg          DOUBLE PRECISION NOT NULL,
    t                BIGINT NOT NULL,
    radius_m         DOUBLE PRECISION NOT NULL,
    inside_zone      INTEGER NOT NULL,
    assessment_json  TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (party, id)
);
INSERT INTO ground_strikes_scoped SELECT id, party, intent_id, lat_deg, lon_deg, t, radius_m, inside_zone, assessment_json, created_at FROM ground_strikes;
DROP TABLE ground_strikes;
ALTER TABLE ground_strikes_scoped RENAME TO ground_strikes;
CREATE INDEX ground_strikes_party_time ON ground_strikes(party, t);
CREATE INDEX ground_strikes_time ON ground_strikes(t);

CREATE TABLE ground_fire_intents_scoped (
    party      TEXT NOT NULL,
    intent_id  TEXT NOT NULL,
    marked_at  BIGINT NOT NULL,
    PRIMARY KEY (party, intent_id)
);
INSERT INTO ground_fire_intents_scoped SELECT party, intent_id, marked_at FROM ground_fire_intents;
DROP TABLE ground_fire_intents;
ALTER TABLE ground_fire_intents_scoped RENAME TO ground_fire_intents;
