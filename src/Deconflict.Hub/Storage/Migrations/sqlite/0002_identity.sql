-- Objects are identified by (kind, owner party, id): two parties may use the same id, and neither learns of
-- the other's. Intents are keyed by (party, id); conflicts name their objects by (kind, party, id) in
-- conflict_members (filled for earlier conflicts at start, from objects_json). Parties get admin-set priority
-- bounds; probe_answers counts the conflict answers one party received about another's hidden intents.
CREATE TABLE intents_scoped (
    id          TEXT NOT NULL,
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
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (party, id)
);
INSERT INTO intents_scoped (id, party, state, priority, version, geojson, min_lon, min_lat, max_lon, max_lat, time_start, time_end, updated_at)
    SELECT id, party, state, priority, version, geojson, min_lon, min_lat, max_lon, max_lat, time_start, time_end, updated_at FROM intents;
DROP TABLE intents;
ALTER TABLE intents_scoped RENAME TO intents;
CREATE INDEX intents_state_time ON intents(state, time_end);
CREATE INDEX intents_id ON intents(id);

CREATE TABLE conflict_members (
    conflict_id  TEXT NOT NULL REFERENCES conflicts(id),
    kind         TEXT NOT NULL,
    party        TEXT NOT NULL,
    object_id    TEXT NOT NULL,
    PRIMARY KEY (kind, party, object_id, conflict_id)
);
CREATE INDEX conflict_members_conflict ON conflict_members(conflict_id);
DROP TABLE conflict_objects;

ALTER TABLE parties ADD COLUMN priority_min INTEGER;
ALTER TABLE parties ADD COLUMN priority_max INTEGER;

CREATE TABLE probe_answers (
    prober  TEXT NOT NULL,
    victim  TEXT NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX probe_answers_pair ON probe_answers(prober, at, victim);
