-- Named entities across the corpus: people, places, organisations. An
-- entity comes from the gazetteer (gazetteer_id set) or was learned from
-- the articles themselves. preferred is the desk's house spelling; when
-- NULL the gazetteer's canonical name (or the most used spelling) is used.
CREATE TABLE entities (
    id           INTEGER PRIMARY KEY,
    gazetteer_id TEXT    UNIQUE,
    canonical    TEXT    NOT NULL,
    preferred    TEXT,
    type         TEXT    NOT NULL DEFAULT 'other'
);

-- How mentions find their entity: "gaz:<gazetteer id>", "key:<transliteration
-- key>" for learned names, and "sp:<spelling>" for a spelling a desk
-- detached from an entity, which wins over the others.
CREATE TABLE entity_keys (
    key       TEXT    PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE
);
CREATE INDEX entity_keys_entity ON entity_keys (entity_id);

-- Each spelling of an entity, with its script and the language it was
-- written in; skeleton is the consonant skeleton used to find candidates
-- for a fuzzy match.
CREATE TABLE variants (
    id        INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    spelling  TEXT    NOT NULL,
    script    TEXT    NOT NULL,
    language  TEXT    NOT NULL,
    name_key  TEXT    NOT NULL,
    skeleton  TEXT    NOT NULL,
    UNIQUE (entity_id, spelling)
);
CREATE INDEX variants_skeleton ON variants (skeleton);
CREATE INDEX variants_spelling ON variants (spelling);

-- Every occurrence of a name in a passage, with its byte span there.
CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    passage_id INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    surface    TEXT    NOT NULL
);
CREATE INDEX mentions_passage ON mentions (passage_id);
CREATE INDEX mentions_variant ON mentions (variant_id);
CREATE INDEX mentions_article ON mentions (article_id);
