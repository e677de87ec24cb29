package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// MentionInput is a name found in a passage of an article being stored,
// as lang/names saw it. GazetteerID, Canonical and Type are set when the
// name resolved to a gazetteer entity.
type MentionInput struct {
	Passage     int // index into Article.Passages
	Start, End  int // byte span in the passage text
	Surface     string
	GazetteerID string
	Canonical   string
	Type        string
	Key         string // transliteration key
	Skeleton    string // consonant skeleton, for fuzzy candidates
	Script      string
}

// Mention is a stored occurrence of a name in a passage.
type Mention struct {
	ID        int64
	PassageID int64
	EntityID  int64
	Start     int
	End       int
	Surface   string
}

// Entity is a person, place or organisation with its spellings.
type Entity struct {
	ID          int64
	GazetteerID string
	Canonical   string
	Preferred   string // the desk's house spelling, or the default
	PreferredBy string // "desk", "gazetteer" or "usage"
	Type        string
	Mentions    int
	Variants    []Variant
}

// Variant is one spelling of an entity and who used it how often.
type Variant struct {
	ID       int64
	Spelling string
	Script   string
	Language string
	Outlets  map[string]int
	Articles []int64
}

// EntityFilter narrows an entity listing.
type EntityFilter struct {
	Outlet   string
	Type     string
	Story    int64
	Spelling string // any spelling, matched case-insensitively as a substring
	Key      string // transliteration key of Spelling, matched exactly
	After    int64
	Limit    int
}

// resolveMention finds or creates the entity and variant for m, inside
// the article's transaction, and returns the variant id. The order: a
// spelling a desk detached, the gazetteer entity, a learned entity with
// the same key, a learned entity with the same skeleton that sameName
// accepts, else a new learned entity.
func (s *Store) resolveMention(ctx context.Context, tx *sql.Tx, m MentionInput, lang string) (int64, error) {
	eid, err := lookupKey(ctx, tx, "sp:"+m.Surface)
	if err != nil {
		return 0, err
	}
	if eid == 0 && m.GazetteerID != "" {
		if eid, err = lookupKey(ctx, tx, "gaz:"+m.GazetteerID); err != nil {
			return 0, err
		}
		if eid == 0 {
			if eid, err = createEntity(ctx, tx, m.GazetteerID, m.Canonical, m.Type, "gaz:"+m.GazetteerID); err != nil {
				return 0, err
			}
		}
	}
	if eid == 0 && m.Key != "" {
		if eid, err = lookupKey(ctx, tx, "key:"+m.Key); err != nil {
			return 0, err
		}
	}
	if eid == 0 && s.SameName != nil && m.Skeleton != "" {
		if eid, err = s.fuzzyEntity(ctx, tx, m); err != nil {
			return 0, err
		}
	}
	if eid == 0 {
		typ := m.Type
		if typ == "" {
			typ = "other"
		}
		if eid, err = createEntity(ctx, tx, "", m.Surface, typ, "key:"+m.Key); err != nil {
			return 0, err
		}
	}
	var vid int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM variants WHERE entity_id = ? AND spelling = ?`, eid, m.Surface).Scan(&vid)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := tx.ExecContext(ctx, `INSERT INTO variants (entity_id, spelling, script, language, name_key, skeleton)
			VALUES (?, ?, ?, ?, ?, ?)`, eid, m.Surface, m.Script, lang, m.Key, m.Skeleton)
		if err != nil {
			return 0, fmt.Errorf("store: insert variant: %w", err)
		}
		return res.LastInsertId()
	}
	if err != nil {
		return 0, fmt.Errorf("store: variant: %w", err)
	}
	return vid, nil
}

// fuzzyEntity looks for a learned entity one of whose spellings shares
// m's skeleton and is the same name by SameName.
func (s *Store) fuzzyEntity(ctx context.Context, tx *sql.Tx, m MentionInput) (int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT v.entity_id, v.spelling FROM variants v JOIN entities e ON e.id = v.entity_id
		WHERE v.skeleton = ? AND e.gazetteer_id IS NULL LIMIT 50`, m.Skeleton)
	if err != nil {
		return 0, fmt.Errorf("store: fuzzy entity: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sp string
		if err := rows.Scan(&id, &sp); err != nil {
			return 0, fmt.Errorf("store: fuzzy entity: %w", err)
		}
		if s.SameName(sp, m.Surface) {
			return id, nil
		}
	}
	return 0, rows.Err()
}

func lookupKey(ctx context.Context, tx *sql.Tx, key string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT entity_id FROM entity_keys WHERE key = ?`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: entity key: %w", err)
	}
	return id, nil
}

func createEntity(ctx context.Context, tx *sql.Tx, gazID, canonical, typ, key string) (int64, error) {
	var gaz any
	if gazID != "" {
		gaz = gazID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO entities (gazetteer_id, canonical, type) VALUES (?, ?, ?)`, gaz, canonical, typ)
	if err != nil {
		return 0, fmt.Errorf("store: create entity: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("store: create entity: %w", err)
	}
	if key != "" && key != "key:" {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)`, key, id); err != nil {
			return 0, fmt.Errorf("store: entity key: %w", err)
		}
	}
	return id, nil
}

func insertMentions(ctx context.Context, s *Store, tx *sql.Tx, a *Article) error {
	if len(a.Mentions) == 0 {
		return nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO mentions (article_id, passage_id, variant_id, start_byte, end_byte, surface)
		VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("store: insert mentions: %w", err)
	}
	defer ins.Close()
	for _, m := range a.Mentions {
		if m.Passage < 0 || m.Passage >= len(a.Passages) {
			return fmt.Errorf("store: mention of passage %d out of range", m.Passage)
		}
		p := &a.Passages[m.Passage]
		vid, err := s.resolveMention(ctx, tx, m, p.Language.Code)
		if err != nil {
			return err
		}
		res, err := ins.ExecContext(ctx, a.ID, p.ID, vid, m.Start, m.End, m.Surface)
		if err != nil {
			return fmt.Errorf("store: insert mention: %w", err)
		}
		mid, _ := res.LastInsertId()
		var eid int64
		if err := tx.QueryRowContext(ctx, `SELECT entity_id FROM variants WHERE id = ?`, vid).Scan(&eid); err != nil {
			return fmt.Errorf("store: insert mention: %w", err)
		}
		p.Mentions = append(p.Mentions, Mention{ID: mid, PassageID: p.ID, EntityID: eid, Start: m.Start, End: m.End, Surface: m.Surface})
	}
	return nil
}

// mentionsOf returns the mentions of an article's passages by passage id.
func (s *Store) mentionsOf(ctx context.Context, articleID int64) (map[int64][]Mention, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT m.id, m.passage_id, v.entity_id, m.start_byte, m.end_byte, m.surface
		FROM mentions m JOIN variants v ON v.id = m.variant_id WHERE m.article_id = ? ORDER BY m.passage_id, m.start_byte`, articleID)
	if err != nil {
		return nil, fmt.Errorf("store: mentions: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Mention{}
	for rows.Next() {
		var m Mention
		if err := rows.Scan(&m.ID, &m.PassageID, &m.EntityID, &m.Start, &m.End, &m.Surface); err != nil {
			return nil, fmt.Errorf("store: mentions: %w", err)
		}
		out[m.PassageID] = append(out[m.PassageID], m)
	}
	return out, rows.Err()
}

const entityColumns = `e.id, COALESCE(e.gazetteer_id, ''), e.canonical, COALESCE(e.preferred, ''), e.type,
	(SELECT count(*) FROM mentions m JOIN variants v ON v.id = m.variant_id WHERE v.entity_id = e.id)`

func scanEntity(row interface{ Scan(...any) error }) (Entity, error) {
	var e Entity
	err := row.Scan(&e.ID, &e.GazetteerID, &e.Canonical, &e.Preferred, &e.Type, &e.Mentions)
	return e, err
}

// Entity returns an entity with its variants and who used each.
func (s *Store) Entity(ctx context.Context, id int64) (*Entity, error) {
	e, err := scanEntity(s.r.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: entity %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: entity %d: %w", id, err)
	}
	if err := s.fillVariants(ctx, []*Entity{&e}); err != nil {
		return nil, err
	}
	return &e, nil
}

// fillVariants loads the variants of the given entities with their outlet
// counts and articles, and settles each entity's preferred spelling.
func (s *Store) fillVariants(ctx context.Context, es []*Entity) error {
	if len(es) == 0 {
		return nil
	}
	byID := map[int64]*Entity{}
	ids := make([]any, 0, len(es))
	for _, e := range es {
		byID[e.ID] = e
		ids = append(ids, e.ID)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT v.entity_id, v.id, v.spelling, v.script, v.language,
			COALESCE(a.outlet, ''), COALESCE(a.id, 0), count(m.id)
		FROM variants v
		LEFT JOIN mentions m ON m.variant_id = v.id
		LEFT JOIN articles a ON a.id = m.article_id
		WHERE v.entity_id IN (`+placeholders(len(ids))+`)
		GROUP BY v.id, a.id ORDER BY v.entity_id, v.id, a.id`, ids...)
	if err != nil {
		return fmt.Errorf("store: variants: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var eid, vid, aid int64
		var v Variant
		var outlet string
		var n int
		if err := rows.Scan(&eid, &vid, &v.Spelling, &v.Script, &v.Language, &outlet, &aid, &n); err != nil {
			return fmt.Errorf("store: variants: %w", err)
		}
		e := byID[eid]
		if len(e.Variants) == 0 || e.Variants[len(e.Variants)-1].ID != vid {
			v.ID, v.Outlets = vid, map[string]int{}
			e.Variants = append(e.Variants, v)
		}
		last := &e.Variants[len(e.Variants)-1]
		if aid != 0 {
			last.Outlets[outlet] += n
			last.Articles = append(last.Articles, aid)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: variants: %w", err)
	}
	for _, e := range es {
		settlePreferred(e)
	}
	return nil
}

// settlePreferred applies the house-style rule: the desk's spelling, else
// the gazetteer's canonical name, else the most used spelling (ties to the
// first seen).
func settlePreferred(e *Entity) {
	switch {
	case e.Preferred != "":
		e.PreferredBy = "desk"
	case e.GazetteerID != "":
		e.Preferred, e.PreferredBy = e.Canonical, "gazetteer"
	default:
		best, bestN := e.Canonical, -1
		for _, v := range e.Variants {
			n := 0
			for _, c := range v.Outlets {
				n += c
			}
			if n > bestN {
				best, bestN = v.Spelling, n
			}
		}
		e.Preferred, e.PreferredBy = best, "usage"
	}
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Entities lists entities that have at least one mention, most mentioned
// first within a page ordered by id, after the cursor.
func (s *Store) Entities(ctx context.Context, f EntityFilter) ([]Entity, int64, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	where := []string{"e.id > ?"}
	args := []any{f.After}
	if f.Type != "" {
		where = append(where, "e.type = ?")
		args = append(args, f.Type)
	}
	if f.Outlet != "" || f.Story != 0 {
		q := `EXISTS (SELECT 1 FROM variants v JOIN mentions m ON m.variant_id = v.id JOIN articles a ON a.id = m.article_id
			WHERE v.entity_id = e.id`
		if f.Outlet != "" {
			q += ` AND a.outlet = ?`
			args = append(args, f.Outlet)
		}
		if f.Story != 0 {
			q += ` AND a.story_id = ?`
			args = append(args, f.Story)
		}
		where = append(where, q+`)`)
	} else {
		where = append(where, `EXISTS (SELECT 1 FROM variants v JOIN mentions m ON m.variant_id = v.id WHERE v.entity_id = e.id)`)
	}
	if f.Spelling != "" {
		where = append(where, `(e.canonical LIKE ? ESCAPE '\' OR COALESCE(e.preferred, '') LIKE ? ESCAPE '\'
			OR EXISTS (SELECT 1 FROM variants v WHERE v.entity_id = e.id AND (v.spelling LIKE ? ESCAPE '\' OR v.name_key = ?)))`)
		like := "%" + escapeLike(f.Spelling) + "%"
		args = append(args, like, like, like, f.Key)
	}
	args = append(args, f.Limit+1)
	rows, err := s.r.QueryContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE `+strings.Join(where, " AND ")+
		` ORDER BY e.id LIMIT ?`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: entities: %w", err)
	}
	defer rows.Close()
	var out []Entity
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("store: entities: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: entities: %w", err)
	}
	var next int64
	if len(out) > f.Limit {
		out = out[:f.Limit]
		next = out[len(out)-1].ID
	}
	ptrs := make([]*Entity, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	if err := s.fillVariants(ctx, ptrs); err != nil {
		return nil, 0, err
	}
	return out, next, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// SetPreferred sets the house spelling of an entity. The stories that
// mention it turn stale: their alignments name it in their evidence.
func (s *Store) SetPreferred(ctx context.Context, id int64, spelling string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE entities SET preferred = ? WHERE id = ?`, spelling, id)
		if err != nil {
			return fmt.Errorf("store: set preferred: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: entity %d: %w", id, ErrNotFound)
		}
		return staleStoriesOf(ctx, tx, id)
	})
}

// staleStoriesOf counts up the revision of every story with an article
// that mentions one of the entities, in the transaction that changed
// them: stored alignments carry entity ids and names, so they must be
// computed again.
func staleStoriesOf(ctx context.Context, tx *sql.Tx, entities ...int64) error {
	args := make([]any, len(entities))
	for i, e := range entities {
		args[i] = e
	}
	_, err := tx.ExecContext(ctx, `UPDATE stories SET revision = revision + 1 WHERE id IN (
		SELECT a.story_id FROM mentions m JOIN variants v ON v.id = m.variant_id JOIN articles a ON a.id = m.article_id
		WHERE v.entity_id IN (`+placeholders(len(entities))+`) AND a.story_id IS NOT NULL)`, args...)
	if err != nil {
		return fmt.Errorf("store: stories of entities %v: %w", entities, err)
	}
	return nil
}

// MergeEntities moves every spelling, mention and lookup key of other into
// id and deletes other, so that future articles resolve to id too. When
// only other came from the gazetteer, id takes over its gazetteer id.
func (s *Store) MergeEntities(ctx context.Context, id, other int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		gaz := map[int64]sql.NullString{}
		for _, e := range []int64{id, other} {
			var g sql.NullString
			err := tx.QueryRowContext(ctx, `SELECT gazetteer_id FROM entities WHERE id = ?`, e).Scan(&g)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("store: entity %d: %w", e, ErrNotFound)
			}
			if err != nil {
				return fmt.Errorf("store: merge: %w", err)
			}
			gaz[e] = g
		}
		if err := staleStoriesOf(ctx, tx, id, other); err != nil {
			return err
		}
		steps := []struct {
			q    string
			args []any
		}{
			// A spelling both have: other's mentions move to id's variant.
			{`UPDATE mentions SET variant_id = (SELECT v2.id FROM variants v1 JOIN variants v2
					ON v2.spelling = v1.spelling AND v2.entity_id = ? WHERE v1.id = mentions.variant_id)
				WHERE variant_id IN (SELECT v1.id FROM variants v1 JOIN variants v2
					ON v2.spelling = v1.spelling AND v2.entity_id = ? WHERE v1.entity_id = ?)`, []any{id, id, other}},
			{`DELETE FROM variants WHERE entity_id = ? AND spelling IN (SELECT spelling FROM variants WHERE entity_id = ?)`, []any{other, id}},
			{`UPDATE variants SET entity_id = ? WHERE entity_id = ?`, []any{id, other}},
			{`UPDATE entity_keys SET entity_id = ? WHERE entity_id = ?`, []any{id, other}},
			{`DELETE FROM entities WHERE id = ?`, []any{other}},
		}
		if !gaz[id].Valid && gaz[other].Valid {
			steps = append(steps, struct {
				q    string
				args []any
			}{`UPDATE entities SET gazetteer_id = ? WHERE id = ?`, []any{gaz[other].String, id}})
		}
		for _, st := range steps {
			if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
				return fmt.Errorf("store: merge: %w", err)
			}
		}
		return nil
	})
}

// DetachVariant takes a spelling away from an entity into an entity of
// its own, with its mentions, and remembers the decision so that future
// articles resolve that spelling to the new entity. It returns the new id.
func (s *Store) DetachVariant(ctx context.Context, id int64, spelling string) (int64, error) {
	var newID int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var vid int64
		var typ string
		err := tx.QueryRowContext(ctx, `SELECT v.id, e.type FROM variants v JOIN entities e ON e.id = v.entity_id
			WHERE v.entity_id = ? AND v.spelling = ?`, id, spelling).Scan(&vid, &typ)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: entity %d has no spelling %q: %w", id, spelling, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("store: detach: %w", err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM variants WHERE entity_id = ?`, id).Scan(&n); err != nil {
			return fmt.Errorf("store: detach: %w", err)
		}
		if n < 2 {
			return ErrLastVariant
		}
		if err := staleStoriesOf(ctx, tx, id); err != nil {
			return err
		}
		if newID, err = createEntity(ctx, tx, "", spelling, typ, ""); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE variants SET entity_id = ? WHERE id = ?`, newID, vid); err != nil {
			return fmt.Errorf("store: detach: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_keys (key, entity_id) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET entity_id = excluded.entity_id`, "sp:"+spelling, newID); err != nil {
			return fmt.Errorf("store: detach: %w", err)
		}
		return nil
	})
	return newID, err
}

// ErrLastVariant is returned when a desk tries to detach the only spelling
// of an entity.
var ErrLastVariant = errors.New("store: an entity's only spelling cannot be detached")

// VariantCell is one cell of the variants table: the spellings an outlet
// used for an entity, most used first.
type VariantCell struct {
	Spellings []string
	Counts    []int
}

// VariantRow is one entity's row of the variants table.
type VariantRow struct {
	Entity    Entity
	ByOutlet  map[string]*VariantCell
	Divergent bool // outlets spell it differently
}

// VariantsTable returns, for the given articles (all when empty), which
// spelling each outlet used for each entity mentioned by at least two
// outlets or in two spellings, and the outlets in column order.
func (s *Store) VariantsTable(ctx context.Context, articleIDs []int64) ([]VariantRow, []string, error) {
	where, args := "", []any{}
	if len(articleIDs) > 0 {
		where = ` WHERE a.id IN (` + placeholders(len(articleIDs)) + `)`
		for _, id := range articleIDs {
			args = append(args, id)
		}
	}
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, COALESCE(e.gazetteer_id, ''), e.canonical, COALESCE(e.preferred, ''), e.type,
			a.outlet, v.spelling, count(*)
		FROM mentions m JOIN variants v ON v.id = m.variant_id JOIN entities e ON e.id = v.entity_id
		JOIN articles a ON a.id = m.article_id`+where+`
		GROUP BY e.id, a.outlet, v.spelling ORDER BY e.id, a.outlet, count(*) DESC, v.spelling`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: variants table: %w", err)
	}
	defer rows.Close()
	var out []VariantRow
	outlets := map[string]bool{}
	for rows.Next() {
		var e Entity
		var outlet, spelling string
		var n int
		if err := rows.Scan(&e.ID, &e.GazetteerID, &e.Canonical, &e.Preferred, &e.Type, &outlet, &spelling, &n); err != nil {
			return nil, nil, fmt.Errorf("store: variants table: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Entity.ID != e.ID {
			settlePreferred(&e)
			out = append(out, VariantRow{Entity: e, ByOutlet: map[string]*VariantCell{}})
		}
		row := &out[len(out)-1]
		cell := row.ByOutlet[outlet]
		if cell == nil {
			cell = &VariantCell{}
			row.ByOutlet[outlet] = cell
		}
		cell.Spellings = append(cell.Spellings, spelling)
		cell.Counts = append(cell.Counts, n)
		row.Entity.Mentions += n
		outlets[outlet] = true
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: variants table: %w", err)
	}
	kept := out[:0]
	for _, r := range out {
		spellings := map[string]bool{}
		for _, c := range r.ByOutlet {
			for _, sp := range c.Spellings {
				spellings[sp] = true
			}
		}
		r.Divergent = len(spellings) > 1
		if len(r.ByOutlet) >= 2 || r.Divergent {
			kept = append(kept, r)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Divergent != kept[j].Divergent {
			return kept[i].Divergent
		}
		return kept[i].Entity.Mentions > kept[j].Entity.Mentions
	})
	cols := make([]string, 0, len(outlets))
	for o := range outlets {
		cols = append(cols, o)
	}
	sort.Strings(cols)
	return kept, cols, nil
}

// EntityLookup is what normalisation and name resolution need to know of
// a stored entity.
type EntityLookup struct {
	ID        int64
	Canonical string
	Preferred string
}

// LookupEntity finds the stored entity a name resolves to, without
// creating anything: by a detached spelling, the gazetteer id, then the
// transliteration key. It reports false when none is stored.
func (s *Store) LookupEntity(ctx context.Context, surface, gazetteerID, key string) (EntityLookup, bool, error) {
	keys := []string{"sp:" + surface}
	if gazetteerID != "" {
		keys = append(keys, "gaz:"+gazetteerID)
	}
	if key != "" {
		keys = append(keys, "key:"+key)
	}
	for _, k := range keys {
		var e Entity
		err := s.r.QueryRowContext(ctx, `SELECT e.id, COALESCE(e.gazetteer_id, ''), e.canonical, COALESCE(e.preferred, ''), e.type, 0
			FROM entity_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ?`, k).
			Scan(&e.ID, &e.GazetteerID, &e.Canonical, &e.Preferred, &e.Type, &e.Mentions)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return EntityLookup{}, false, fmt.Errorf("store: lookup entity: %w", err)
		}
		if e.Preferred == "" && e.GazetteerID == "" {
			full, err := s.Entity(ctx, e.ID)
			if err != nil {
				return EntityLookup{}, false, err
			}
			e = *full
		}
		settlePreferred(&e)
		return EntityLookup{ID: e.ID, Canonical: e.Canonical, Preferred: e.Preferred}, true, nil
	}
	return EntityLookup{}, false, nil
}

// EntityLabels returns, for the given entities, the name to show for each:
// the desk's house spelling, else the canonical name.
func (s *Store) EntityLabels(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		rows, err := s.r.QueryContext(ctx, `SELECT id, COALESCE(preferred, canonical) FROM entities WHERE id IN (`+placeholders(n)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: entity labels: %w", err)
		}
		for rows.Next() {
			var id int64
			var label string
			if err := rows.Scan(&id, &label); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: entity labels: %w", err)
			}
			out[id] = label
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: entity labels: %w", err)
		}
		ids = ids[n:]
	}
	return out, nil
}
