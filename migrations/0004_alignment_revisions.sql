-- A story's revision counts the changes to its articles; an alignment
-- records the revision it was computed from. An alignment older than its
-- story is stale and is computed again (after a crash, at start-up), while
-- the older one can still be served meanwhile.
ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alignments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
