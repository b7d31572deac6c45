-- Ground objects, acknowledgements, strikes and fire-area designations are identified with their owner party:
-- (kind, party, id). Ids were unique per kind before, so every existing row keeps its meaning.
ALTER TABLE ground_objects DROP CONSTRAINT ground_objects_pkey;
ALTER TABLE ground_objects ADD PRIMARY KEY (kind, party, id);

ALTER TABLE ground_acks ADD COLUMN site_party TEXT NOT NULL DEFAULT '';
UPDATE ground_acks a SET site_party = o.party FROM ground_objects o WHERE o.kind = 'site' AND o.id = a.site_id;
ALTER TABLE ground_acks DROP CONSTRAINT ground_acks_pkey;
ALTER TABLE ground_acks ADD PRIMARY KEY (site_party, site_id, party_id, version);

ALTER TABLE ground_strikes DROP CONSTRAINT ground_strikes_pkey;
ALTER TABLE ground_strikes ADD PRIMARY KEY (party, id);
CREATE INDEX ground_strikes_time ON ground_strikes(t);

ALTER TABLE ground_fire_intents DROP CONSTRAINT ground_fire_intents_pkey;
ALTER TABLE ground_fire_intents ADD PRIMARY KEY (party, intent_id);
