-- A notebook as version 1 of brief created it (before full-text search).
-- The whole current schema of a brief notebook. Applied to a new notebook;
-- older notebooks reach the same schema through the ordered migrations in
-- src/brief/store/migrations.py. Keep both in step: a test compares them.
--
-- Dates are partial ISO 8601 strings ('2014', '2014-06', '2014-06-10'), so
-- they sort by text; the words they came from are kept beside them.
-- Grades follow the Admiralty code: reliability A-F, credibility 1-6.

PRAGMA user_version = 1;

CREATE TABLE source (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL CHECK (trim(title) != ''),
    publisher    TEXT,
    author       TEXT,
    url          TEXT,
    published    TEXT,
    body         TEXT,
    content_hash TEXT,
    reliability  TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    accessed     TEXT,
    notes        TEXT
);
CREATE INDEX source_url ON source (url);
CREATE INDEX source_content_hash ON source (content_hash);
CREATE INDEX source_published ON source (published);

CREATE TABLE entity (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (trim(name) != ''),
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'org', 'group', 'place')),
    merged_into INTEGER REFERENCES entity (id),
    notes       TEXT
);
CREATE INDEX entity_merged_into ON entity (merged_into);

-- Every surface form an entity has been written as, with its keys:
-- key (exact, titles and punctuation folded), match (transliteration
-- folded) and family (a person's family name), all from brief.names.
CREATE TABLE alias (
    id        INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    key       TEXT NOT NULL,
    match     TEXT NOT NULL,
    family    TEXT,
    UNIQUE (entity_id, name)
);
CREATE INDEX alias_key ON alias (key);
CREATE INDEX alias_match ON alias (match);
CREATE INDEX alias_family ON alias (family);

CREATE TABLE event (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    end_date    TEXT,
    date_text   TEXT,
    summary     TEXT NOT NULL CHECK (trim(summary) != ''),
    details     TEXT,
    place_id    INTEGER REFERENCES entity (id),
    credibility INTEGER CHECK (credibility BETWEEN 1 AND 6)
);
CREATE INDEX event_date ON event (date);
CREATE INDEX event_place ON event (place_id);

CREATE TABLE event_actor (
    event_id  INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entity (id),
    role      TEXT,
    PRIMARY KEY (event_id, entity_id)
);
CREATE INDEX event_actor_entity ON event_actor (entity_id, event_id);

CREATE TABLE event_source (
    event_id    INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES source (id),
    credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
    excerpt     TEXT,
    PRIMARY KEY (event_id, source_id)
) WITHOUT ROWID;
CREATE INDEX event_source_source ON event_source (source_id, event_id);

CREATE TABLE quote (
    id           INTEGER PRIMARY KEY,
    text         TEXT NOT NULL CHECK (trim(text) != ''),
    speaker_id   INTEGER REFERENCES entity (id),
    said_on      TEXT,
    date_text    TEXT,
    source_id    INTEGER REFERENCES source (id),
    start_offset INTEGER CHECK (start_offset >= 0),
    end_offset   INTEGER CHECK (end_offset >= start_offset),
    context      TEXT,
    credibility  INTEGER CHECK (credibility BETWEEN 1 AND 6)
);
CREATE INDEX quote_speaker ON quote (speaker_id, said_on);
CREATE INDEX quote_source ON quote (source_id);
CREATE INDEX quote_said_on ON quote (said_on);

CREATE TABLE tag (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) != '')
);
CREATE TABLE event_tag (
    event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tag (id),
    PRIMARY KEY (event_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX event_tag_tag ON event_tag (tag_id, event_id);
CREATE TABLE quote_tag (
    quote_id INTEGER NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tag (id),
    PRIMARY KEY (quote_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX quote_tag_tag ON quote_tag (tag_id, quote_id);
CREATE TABLE source_tag (
    source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    tag_id    INTEGER NOT NULL REFERENCES tag (id),
    PRIMARY KEY (source_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX source_tag_tag ON source_tag (tag_id, source_id);

-- A decision about two entities (a < b): verdict 'same' or 'not_same'.
-- 'not_same' pairs are never proposed for merging again.
CREATE TABLE judgement (
    id      INTEGER PRIMARY KEY,
    a       INTEGER NOT NULL REFERENCES entity (id),
    b       INTEGER NOT NULL REFERENCES entity (id),
    verdict TEXT NOT NULL CHECK (verdict IN ('same', 'not_same')),
    made    TEXT NOT NULL,
    CHECK (a < b),
    UNIQUE (a, b)
);

-- The log of merges. A merge points each member's merged_into at the
-- survivor and may rename it; nothing else changes, so undoing a merge
-- restores every member's previous merged_into and the survivor's name,
-- and removes the merge from the log.
CREATE TABLE merge (
    id            INTEGER PRIMARY KEY,
    into_id       INTEGER NOT NULL REFERENCES entity (id),
    previous_name TEXT NOT NULL,
    new_name      TEXT NOT NULL,
    made          TEXT NOT NULL
);
CREATE TABLE merge_member (
    merge_id             INTEGER NOT NULL REFERENCES merge (id),
    entity_id            INTEGER NOT NULL REFERENCES entity (id),
    previous_merged_into INTEGER REFERENCES entity (id),
    PRIMARY KEY (merge_id, entity_id)
) WITHOUT ROWID;

