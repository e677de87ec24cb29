-- Articles as ingested: the source after NFC (so every passage and removed
-- line points back into it), the detected language and the desk's metadata.
CREATE TABLE articles (
    id                  INTEGER PRIMARY KEY,
    outlet              TEXT    NOT NULL CHECK (length(outlet) > 0),
    title               TEXT    NOT NULL DEFAULT '',
    url                 TEXT    NOT NULL DEFAULT '',
    published_at        TEXT    NOT NULL DEFAULT '',
    declared_language   TEXT    NOT NULL DEFAULT '',
    language            TEXT    NOT NULL,
    language_confidence REAL    NOT NULL,
    input_kind          TEXT    NOT NULL CHECK (input_kind IN ('text', 'html')),
    input               TEXT    NOT NULL,
    source              TEXT    NOT NULL,
    created_at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_outlet ON articles (outlet, id);
CREATE INDEX articles_language ON articles (language, id);

-- One passage is one sentence. ord is its position in the article,
-- paragraph the index of the paragraph it belongs to; start/end are byte
-- offsets into articles.source.
CREATE TABLE passages (
    id                  INTEGER PRIMARY KEY,
    article_id          INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ord                 INTEGER NOT NULL,
    paragraph           INTEGER NOT NULL,
    text                TEXT    NOT NULL,
    start_byte          INTEGER NOT NULL,
    end_byte            INTEGER NOT NULL,
    language            TEXT    NOT NULL,
    language_confidence REAL    NOT NULL,
    UNIQUE (article_id, ord)
);

-- Lines the cleaner dropped, with the reason shown to the desk.
CREATE TABLE removed_lines (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    UNIQUE (article_id, ord)
);

-- Small key/value facts about this database, such as whether the seeds
-- were loaded once (so deleting a seed article does not bring it back).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
