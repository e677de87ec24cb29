-- An alignment's revision is read on every read of a story's alignment.
-- Added after the body, it sat behind it in each row, so SQLite walked the
-- body's overflow pages to reach it: 3 ms per read of a 10 MB alignment.
-- The small columns come first now and the body last.
CREATE TABLE alignments_new (
    story_id    INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL DEFAULT 0,
    computed_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    body        TEXT    NOT NULL
);
INSERT INTO alignments_new (story_id, revision, computed_at, body)
    SELECT story_id, revision, computed_at, body FROM alignments;
DROP TABLE alignments;
ALTER TABLE alignments_new RENAME TO alignments;
