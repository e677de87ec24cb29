-- Stories: articles about one event. Ingest assigns each article to a
-- story (or starts one); a desk can move articles and start stories
-- (manual = 1 for those it made, which are kept even when empty).
CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    title      TEXT    NOT NULL,
    manual     INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories (id) ON DELETE SET NULL;
CREATE INDEX articles_story ON articles (story_id, id);

-- The alignment of a story, computed when its articles change and stored
-- as the JSON the API serves, so reading it costs one row.
CREATE TABLE alignments (
    story_id    INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    body        TEXT    NOT NULL,
    computed_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
