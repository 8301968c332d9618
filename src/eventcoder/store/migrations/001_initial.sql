-- eventcoder store, schema version 1.
-- Nested record fields are kept whole in JSON `data` columns (exact round-trip); the flat columns and the
-- child tables (actors, places, claims, evidence) exist for filtering, joins and users' own SQL.

CREATE TABLE articles (
    id          VARCHAR PRIMARY KEY,
    title       VARCHAR,
    url         VARCHAR,
    published   DATE,
    source      VARCHAR,
    origin      VARCHAR,
    language    VARCHAR,
    fingerprint VARCHAR,            -- short hex digest of the MinHash signature
    minhash     UBIGINT[],          -- MinHash signature of word shingles (near-duplicate detection)
    meta        JSON,
    text        VARCHAR,
    seq         BIGINT,             -- order in which articles were added
    added_at    TIMESTAMP
);

-- LSH band keys of each stored article's signature: candidate near-duplicates share a band key.
CREATE TABLE article_bands (
    band        VARCHAR,
    article_id  VARCHAR
);
CREATE INDEX article_bands_band ON article_bands (band);

-- Syndicated / near-identical copies of a stored article: stored once, every copy kept as a source.
CREATE TABLE article_sources (
    copy_id     VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL,   -- the stored article it duplicates
    title       VARCHAR,
    url         VARCHAR,
    published   DATE,
    source      VARCHAR,
    origin      VARCHAR,
    language    VARCHAR,
    similarity  DOUBLE,
    text        VARCHAR,
    added_at    TIMESTAMP
);

CREATE TABLE errors (
    origin      VARCHAR,
    reason      VARCHAR,
    message     VARCHAR,
    line        INTEGER,
    article_id  VARCHAR,
    "at"        TIMESTAMP
);

CREATE TABLE mentions (
    id          VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL,
    seq         BIGINT,
    event_id    VARCHAR,            -- NULL for mentions that are not events (negated, hypothetical, history)
    plover_type VARCHAR,
    status      VARCHAR,
    modality    VARCHAR,
    emitted     BOOLEAN,
    data        JSON
);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE events (
    id                   VARCHAR PRIMARY KEY,
    plover_type          VARCHAR,
    mode                 VARCHAR,
    cameo_code           VARCHAR,
    acled_event_type     VARCHAR,
    acled_sub_event_type VARCHAR,
    status               VARCHAR,
    date                 DATE,
    date_end             DATE,
    date_precision       VARCHAR,
    window_start         DATE,      -- the days the date may stand for, given its precision (candidate search)
    window_end           DATE,
    country              VARCHAR,   -- ISO3 of the event's place (else of its first actor)
    admin1               VARCHAR,
    place_name           VARCHAR,
    lat                  DOUBLE,
    lon                  DOUBLE,
    fatalities           INTEGER,   -- ACLED count
    n_sources            INTEGER,
    confidence           DOUBLE,
    search               VARCHAR,   -- lower-cased text for substring search
    data                 JSON,      -- the complete records.Event
    created_at           TIMESTAMP,
    updated_at           TIMESTAMP
);

CREATE TABLE event_sources (
    event_id    VARCHAR NOT NULL,
    mention_id  VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL
);
CREATE INDEX event_sources_event ON event_sources (event_id);
CREATE INDEX event_sources_article ON event_sources (article_id);

CREATE TABLE evidence (
    event_id    VARCHAR NOT NULL,
    article_id  VARCHAR,
    "start"     INTEGER,
    "end"       INTEGER,
    text        VARCHAR
);

CREATE TABLE actors (
    event_id    VARCHAR NOT NULL,
    role        VARCHAR,            -- actor | recipient | claimant
    idx         INTEGER,
    name        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    kb_id       VARCHAR,
    acled_inter INTEGER,
    known       BOOLEAN
);

CREATE TABLE places (
    event_id     VARCHAR NOT NULL,
    name         VARCHAR,
    geonameid    BIGINT,
    lat          DOUBLE,
    lon          DOUBLE,
    country      VARCHAR,
    admin1       VARCHAR,
    admin2       VARCHAR,
    feature_code VARCHAR,
    precision    VARCHAR
);

CREATE TABLE claims (
    event_id       VARCHAR NOT NULL,
    idx            INTEGER,
    kind           VARCHAR,
    low            INTEGER,
    high           INTEGER,
    qualifier      VARCHAR,
    victims        VARCHAR,
    claimant       VARCHAR,
    party_to_fight BOOLEAN,
    text           VARCHAR,
    article_id     VARCHAR,
    "start"        INTEGER,
    "end"          INTEGER
);
