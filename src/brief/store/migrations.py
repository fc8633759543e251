"""Ordered migrations. Each entry upgrades a notebook from version N-1 to N.

schema.sql is the whole current schema for new notebooks; a notebook made
by an older brief reaches the same schema by running every migration above
its PRAGMA user_version, all in one transaction. A migration's SQL is frozen
once released: change the schema by adding a new one (and schema.sql).
"""

from __future__ import annotations

MIGRATIONS: dict[int, str] = {
    2: """
-- Full-text indexes, kept in step by triggers. unicode61 with diacritics
-- removed, so 'Qasim' finds 'Qāsim'.
CREATE VIRTUAL TABLE event_fts USING fts5 (
    summary, details, date_text,
    content = 'event', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER event_fts_insert AFTER INSERT ON event BEGIN
    INSERT INTO event_fts (rowid, summary, details, date_text)
    VALUES (new.id, new.summary, new.details, new.date_text);
END;
CREATE TRIGGER event_fts_delete AFTER DELETE ON event BEGIN
    INSERT INTO event_fts (event_fts, rowid, summary, details, date_text)
    VALUES ('delete', old.id, old.summary, old.details, old.date_text);
END;
CREATE TRIGGER event_fts_update AFTER UPDATE OF summary, details, date_text ON event BEGIN
    INSERT INTO event_fts (event_fts, rowid, summary, details, date_text)
    VALUES ('delete', old.id, old.summary, old.details, old.date_text);
    INSERT INTO event_fts (rowid, summary, details, date_text)
    VALUES (new.id, new.summary, new.details, new.date_text);
END;

CREATE VIRTUAL TABLE quote_fts USING fts5 (
    text, context,
    content = 'quote', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN
    INSERT INTO quote_fts (rowid, text, context) VALUES (new.id, new.text, new.context);
END;
CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
    INSERT INTO quote_fts (quote_fts, rowid, text, context)
    VALUES ('delete', old.id, old.text, old.context);
END;
CREATE TRIGGER quote_fts_update AFTER UPDATE OF text, context ON quote BEGIN
    INSERT INTO quote_fts (quote_fts, rowid, text, context)
    VALUES ('delete', old.id, old.text, old.context);
    INSERT INTO quote_fts (rowid, text, context) VALUES (new.id, new.text, new.context);
END;

CREATE VIRTUAL TABLE source_fts USING fts5 (
    title, publisher, author, body,
    content = 'source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER source_fts_insert AFTER INSERT ON source BEGIN
    INSERT INTO source_fts (rowid, title, publisher, author, body)
    VALUES (new.id, new.title, new.publisher, new.author, new.body);
END;
CREATE TRIGGER source_fts_delete AFTER DELETE ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, publisher, author, body)
    VALUES ('delete', old.id, old.title, old.publisher, old.author, old.body);
END;
CREATE TRIGGER source_fts_update AFTER UPDATE OF title, publisher, author, body ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, publisher, author, body)
    VALUES ('delete', old.id, old.title, old.publisher, old.author, old.body);
    INSERT INTO source_fts (rowid, title, publisher, author, body)
    VALUES (new.id, new.title, new.publisher, new.author, new.body);
END;

INSERT INTO event_fts (event_fts) VALUES ('rebuild');
INSERT INTO quote_fts (quote_fts) VALUES ('rebuild');
INSERT INTO source_fts (source_fts) VALUES ('rebuild');
""",
}
