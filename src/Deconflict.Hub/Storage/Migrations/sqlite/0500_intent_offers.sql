-- Strategic alternatives offered to a party for one of its intent ids (stored or refused), so the party can accept
-- one by name in one request: the variant as GeoJSON, the version it was offered against (NULL: the intent was not
-- stored), when (Unix ms). A new answer for the same intent id replaces the offer.
CREATE TABLE intent_offers (
    party         TEXT NOT NULL,
    intent_id     TEXT NOT NULL,
    alternative   TEXT NOT NULL,
    base_version  BIGINT,
    geojson       TEXT NOT NULL,
    offered_at    BIGINT NOT NULL,
    PRIMARY KEY (party, intent_id, alternative)
);
CREATE INDEX intent_offers_party_at ON intent_offers(party, offered_at);
