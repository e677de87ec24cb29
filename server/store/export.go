package store

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// The export format is JSON Lines: one JSON object a line, each with a
// "kind". The first record is "meta" (format, format version and the
// schema version of the database it came from); then come the records in
// an order that satisfies every foreign key when replayed: "story",
// "entity", "entity_key", "variant", "article" (with its passages, the
// mentions of each passage referring to variants, and its removed lines),
// "alignment" and "setting"; the last record is "end", which counts the
// records of each kind so that a truncated file is refused. Rows keep their
// ids, records of a kind come in id (or key) order, and nothing varies from
// one export to the next (no time of export), so an export of an imported
// export is byte-identical to it.
const (
	// ExportFormat names the format in the meta record.
	ExportFormat = "interlinear-export"
	// ExportFormatVersion is the version of the record layout described
	// above; it changes when a record changes shape.
	ExportFormatVersion = 1
	// MaxExportLine is the longest record line, newline included, that
	// Export writes and Import reads. An article line holds its input, its
	// source and its passages, so with the server's default 2 MiB body
	// limit a line stays far below it even with every byte escaped.
	MaxExportLine = 64 << 20
)

// ErrNotEmpty is returned, wrapped, by Import when the database already
// holds data.
var ErrNotEmpty = errors.New("database is not empty")

// ImportError is an Import failure at one line of the input, counted
// from 1. Nothing of the input is kept when Import fails.
type ImportError struct {
	Line int
	Err  error
}

// Error says where the import stopped and why.
func (e *ImportError) Error() string { return fmt.Sprintf("store: import: line %d: %v", e.Line, e.Err) }

// Unwrap returns the cause.
func (e *ImportError) Unwrap() error { return e.Err }

// The records, one type per kind. Nullable columns are pointers, so that
// NULL and "" stay apart.

type metaRecord struct {
	Kind          string `json:"kind"`
	Format        string `json:"format"`
	FormatVersion int    `json:"format_version"`
	SchemaVersion int    `json:"schema_version"`
}

type storyRecord struct {
	Kind      string `json:"kind"`
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Manual    bool   `json:"manual"`
	CreatedAt string `json:"created_at"`
	Revision  int64  `json:"revision"`
}

type entityRecord struct {
	Kind        string  `json:"kind"`
	ID          int64   `json:"id"`
	GazetteerID *string `json:"gazetteer_id"`
	Canonical   string  `json:"canonical"`
	Preferred   *string `json:"preferred"`
	Type        string  `json:"type"`
}

type entityKeyRecord struct {
	Kind     string `json:"kind"`
	Key      string `json:"key"`
	EntityID int64  `json:"entity_id"`
}

type variantRecord struct {
	Kind     string `json:"kind"`
	ID       int64  `json:"id"`
	EntityID int64  `json:"entity_id"`
	Spelling string `json:"spelling"`
	Script   string `json:"script"`
	Language string `json:"language"`
	NameKey  string `json:"name_key"`
	Skeleton string `json:"skeleton"`
}

type articleRecord struct {
	Kind               string          `json:"kind"`
	ID                 int64           `json:"id"`
	StoryID            *int64          `json:"story_id"`
	Outlet             string          `json:"outlet"`
	Title              string          `json:"title"`
	URL                string          `json:"url"`
	PublishedAt        string          `json:"published_at"`
	DeclaredLanguage   string          `json:"declared_language"`
	Language           string          `json:"language"`
	LanguageConfidence float64         `json:"language_confidence"`
	InputKind          string          `json:"input_kind"`
	CreatedAt          string          `json:"created_at"`
	Input              string          `json:"input"`
	Source             string          `json:"source"`
	Passages           []passageRecord `json:"passages"`
	RemovedLines       []removedRecord `json:"removed_lines"`
}

type passageRecord struct {
	ID                 int64           `json:"id"`
	Ord                int             `json:"ord"`
	Paragraph          int             `json:"paragraph"`
	Start              int             `json:"start"`
	End                int             `json:"end"`
	Language           string          `json:"language"`
	LanguageConfidence float64         `json:"language_confidence"`
	Text               string          `json:"text"`
	Mentions           []mentionRecord `json:"mentions"`
}

type mentionRecord struct {
	ID        int64  `json:"id"`
	VariantID int64  `json:"variant_id"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Surface   string `json:"surface"`
}

type removedRecord struct {
	ID     int64  `json:"id"`
	Ord    int    `json:"ord"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
}

type alignmentRecord struct {
	Kind       string `json:"kind"`
	StoryID    int64  `json:"story_id"`
	Revision   int64  `json:"revision"` // the story revision it was computed from; older than the story's: stale
	ComputedAt string `json:"computed_at"`
	// Body is the stored JSON as a string, so that it comes back byte for
	// byte.
	Body string `json:"body"`
}

type settingRecord struct {
	Kind  string `json:"kind"`
	Key   string `json:"key"`
	Value string `json:"value"`
}

type endRecord struct {
	Kind    string         `json:"kind"`
	Records map[string]int `json:"records"` // data records of each kind (not meta, not end)
}

// dataTables are the tables an export carries, for the emptiness check of
// Import (schema_migrations belongs to the database, not to its content).
var dataTables = []string{"articles", "passages", "removed_lines", "mentions", "variants",
	"entity_keys", "entities", "alignments", "stories", "settings"}

// Export writes the whole corpus to w as JSON Lines (see ExportFormat), from
// one read transaction: a consistent snapshot even while the server writes.
// It fails rather than write a record that Import would not read back
// exactly (text that is not UTF-8, a line over MaxExportLine).
func (s *Store) Export(ctx context.Context, w io.Writer) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: export: %w", err)
	}
	defer tx.Rollback()
	x := &exporter{ctx: ctx, tx: tx, w: bufio.NewWriterSize(w, 1<<16), counts: map[string]int{}}
	x.enc = json.NewEncoder(&x.buf)
	x.enc.SetEscapeHTML(false)
	version, err := schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if err := x.put(&metaRecord{Kind: "meta", Format: ExportFormat, FormatVersion: ExportFormatVersion, SchemaVersion: version}); err != nil {
		return err
	}
	for _, step := range []func() error{x.stories, x.entities, x.entityKeys, x.variants, x.articles, x.alignments, x.settings} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := x.put(&endRecord{Kind: "end", Records: x.counts}); err != nil {
		return err
	}
	if err := x.w.Flush(); err != nil {
		return fmt.Errorf("store: export: %w", err)
	}
	return nil
}

func schemaVersion(ctx context.Context, tx *sql.Tx) (int, error) {
	var v int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: schema version: %w", err)
	}
	return v, nil
}

type exporter struct {
	ctx    context.Context
	tx     *sql.Tx
	w      *bufio.Writer
	buf    bytes.Buffer
	enc    *json.Encoder
	counts map[string]int
}

// put writes one record as one line.
func (x *exporter) put(rec any) error {
	x.buf.Reset()
	if err := x.enc.Encode(rec); err != nil {
		return fmt.Errorf("store: export: %w", err)
	}
	if x.buf.Len() > MaxExportLine {
		return fmt.Errorf("store: export: a record is %d bytes, over the %d-byte line limit Import reads", x.buf.Len(), MaxExportLine)
	}
	if _, err := x.w.Write(x.buf.Bytes()); err != nil {
		return fmt.Errorf("store: export: %w", err)
	}
	return nil
}

// each runs q and calls fn for every row.
func (x *exporter) each(q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := x.tx.QueryContext(x.ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: export: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: export: %w", err)
	}
	return nil
}

// checkText refuses text that is not UTF-8: JSON would carry it as U+FFFD
// and the import would differ from the database.
func checkText(what string, ss ...string) error {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return fmt.Errorf("store: export: %s holds text that is not UTF-8", what)
		}
	}
	return nil
}

func nullString(n sql.NullString) *string {
	if !n.Valid {
		return nil
	}
	return &n.String
}

func (x *exporter) stories() error {
	return x.each(`SELECT id, title, manual, created_at, revision FROM stories ORDER BY id`, nil, func(rows *sql.Rows) error {
		r := storyRecord{Kind: "story"}
		if err := rows.Scan(&r.ID, &r.Title, &r.Manual, &r.CreatedAt, &r.Revision); err != nil {
			return fmt.Errorf("store: export stories: %w", err)
		}
		if err := checkText(fmt.Sprintf("story %d", r.ID), r.Title, r.CreatedAt); err != nil {
			return err
		}
		x.counts[r.Kind]++
		return x.put(&r)
	})
}

func (x *exporter) entities() error {
	return x.each(`SELECT id, gazetteer_id, canonical, preferred, type FROM entities ORDER BY id`, nil, func(rows *sql.Rows) error {
		r := entityRecord{Kind: "entity"}
		var gaz, pref sql.NullString
		if err := rows.Scan(&r.ID, &gaz, &r.Canonical, &pref, &r.Type); err != nil {
			return fmt.Errorf("store: export entities: %w", err)
		}
		r.GazetteerID, r.Preferred = nullString(gaz), nullString(pref)
		if err := checkText(fmt.Sprintf("entity %d", r.ID), gaz.String, r.Canonical, pref.String, r.Type); err != nil {
			return err
		}
		x.counts[r.Kind]++
		return x.put(&r)
	})
}

func (x *exporter) entityKeys() error {
	return x.each(`SELECT key, entity_id FROM entity_keys ORDER BY key`, nil, func(rows *sql.Rows) error {
		r := entityKeyRecord{Kind: "entity_key"}
		if err := rows.Scan(&r.Key, &r.EntityID); err != nil {
			return fmt.Errorf("store: export entity keys: %w", err)
		}
		if err := checkText(fmt.Sprintf("a key of entity %d", r.EntityID), r.Key); err != nil {
			return err
		}
		x.counts[r.Kind]++
		return x.put(&r)
	})
}

func (x *exporter) variants() error {
	return x.each(`SELECT id, entity_id, spelling, script, language, name_key, skeleton FROM variants ORDER BY id`, nil, func(rows *sql.Rows) error {
		r := variantRecord{Kind: "variant"}
		if err := rows.Scan(&r.ID, &r.EntityID, &r.Spelling, &r.Script, &r.Language, &r.NameKey, &r.Skeleton); err != nil {
			return fmt.Errorf("store: export variants: %w", err)
		}
		if err := checkText(fmt.Sprintf("variant %d", r.ID), r.Spelling, r.Script, r.Language, r.NameKey, r.Skeleton); err != nil {
			return err
		}
		x.counts[r.Kind]++
		return x.put(&r)
	})
}

func (x *exporter) articles() error {
	var ids []int64
	if err := x.each(`SELECT id FROM articles ORDER BY id`, nil, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("store: export articles: %w", err)
		}
		ids = append(ids, id)
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		r, err := x.article(id)
		if err != nil {
			return err
		}
		x.counts[r.Kind]++
		if err := x.put(r); err != nil {
			return err
		}
	}
	return nil
}

func (x *exporter) article(id int64) (*articleRecord, error) {
	r := articleRecord{Kind: "article", Passages: []passageRecord{}, RemovedLines: []removedRecord{}}
	var story sql.NullInt64
	err := x.tx.QueryRowContext(x.ctx, `SELECT id, story_id, outlet, title, url, published_at, declared_language,
		language, language_confidence, input_kind, created_at, input, source FROM articles WHERE id = ?`, id).
		Scan(&r.ID, &story, &r.Outlet, &r.Title, &r.URL, &r.PublishedAt, &r.DeclaredLanguage,
			&r.Language, &r.LanguageConfidence, &r.InputKind, &r.CreatedAt, &r.Input, &r.Source)
	if err != nil {
		return nil, fmt.Errorf("store: export article %d: %w", id, err)
	}
	if story.Valid {
		r.StoryID = &story.Int64
	}
	what := fmt.Sprintf("article %d", id)
	if err := checkText(what, r.Outlet, r.Title, r.URL, r.PublishedAt, r.DeclaredLanguage, r.Language, r.InputKind, r.CreatedAt, r.Input, r.Source); err != nil {
		return nil, err
	}
	byID := map[int64]int{}
	if err := x.each(`SELECT id, ord, paragraph, start_byte, end_byte, language, language_confidence, text
		FROM passages WHERE article_id = ? ORDER BY ord`, []any{id}, func(rows *sql.Rows) error {
		p := passageRecord{Mentions: []mentionRecord{}}
		if err := rows.Scan(&p.ID, &p.Ord, &p.Paragraph, &p.Start, &p.End, &p.Language, &p.LanguageConfidence, &p.Text); err != nil {
			return fmt.Errorf("store: export passages of %d: %w", id, err)
		}
		byID[p.ID] = len(r.Passages)
		r.Passages = append(r.Passages, p)
		return checkText(fmt.Sprintf("passage %d", p.ID), p.Language, p.Text)
	}); err != nil {
		return nil, err
	}
	if err := x.each(`SELECT id, passage_id, variant_id, start_byte, end_byte, surface
		FROM mentions WHERE article_id = ? ORDER BY passage_id, id`, []any{id}, func(rows *sql.Rows) error {
		var m mentionRecord
		var pid int64
		if err := rows.Scan(&m.ID, &pid, &m.VariantID, &m.Start, &m.End, &m.Surface); err != nil {
			return fmt.Errorf("store: export mentions of %d: %w", id, err)
		}
		i, ok := byID[pid]
		if !ok {
			return fmt.Errorf("store: export: mention %d of article %d is in passage %d of another article", m.ID, id, pid)
		}
		r.Passages[i].Mentions = append(r.Passages[i].Mentions, m)
		return checkText(fmt.Sprintf("mention %d", m.ID), m.Surface)
	}); err != nil {
		return nil, err
	}
	if err := x.each(`SELECT id, ord, start_byte, end_byte, reason, text FROM removed_lines
		WHERE article_id = ? ORDER BY ord`, []any{id}, func(rows *sql.Rows) error {
		var rl removedRecord
		if err := rows.Scan(&rl.ID, &rl.Ord, &rl.Start, &rl.End, &rl.Reason, &rl.Text); err != nil {
			return fmt.Errorf("store: export removed lines of %d: %w", id, err)
		}
		r.RemovedLines = append(r.RemovedLines, rl)
		return checkText(fmt.Sprintf("removed line %d", rl.ID), rl.Reason, rl.Text)
	}); err != nil {
		return nil, err
	}
	return &r, nil
}

func (x *exporter) alignments() error {
	// Revisions travel with stories and alignments, so an alignment that
	// was stale at export is recomputed by the server that imports it.
	return x.each(`SELECT story_id, revision, computed_at, body FROM alignments ORDER BY story_id`, nil, func(rows *sql.Rows) error {
		r := alignmentRecord{Kind: "alignment"}
		if err := rows.Scan(&r.StoryID, &r.Revision, &r.ComputedAt, &r.Body); err != nil {
			return fmt.Errorf("store: export alignments: %w", err)
		}
		if err := checkText(fmt.Sprintf("the alignment of story %d", r.StoryID), r.ComputedAt, r.Body); err != nil {
			return err
		}
		x.counts[r.Kind]++
		return x.put(&r)
	})
}

func (x *exporter) settings() error {
	return x.each(`SELECT key, value FROM settings ORDER BY key`, nil, func(rows *sql.Rows) error {
		r := settingRecord{Kind: "setting"}
		if err := rows.Scan(&r.Key, &r.Value); err != nil {
			return fmt.Errorf("store: export settings: %w", err)
		}
		if err := checkText(fmt.Sprintf("setting %q", r.Key), r.Key, r.Value); err != nil {
			return err
		}
		x.counts[r.Kind]++
		return x.put(&r)
	})
}

// Import loads an export (see ExportFormat) into an empty database of the
// same schema version, in one transaction and keeping every id: either all
// of it lands or nothing does. Every record is checked before it is
// stored: its shape (unknown fields are refused), its ids, that whatever
// it refers to came before it, that offsets fall inside their text, and
// that the end record counts what came. A failure at a line is an
// *ImportError; a database that holds data gives ErrNotEmpty.
func (s *Store) Import(ctx context.Context, r io.Reader) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkEmpty(ctx, tx); err != nil {
			return err
		}
		im, err := newImporter(ctx, tx)
		if err != nil {
			return err
		}
		defer im.close()
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64<<10), MaxExportLine)
		line := 0
		for sc.Scan() {
			line++
			if err := im.record(sc.Bytes()); err != nil {
				return &ImportError{Line: line, Err: err}
			}
		}
		if err := sc.Err(); err != nil {
			if errors.Is(err, bufio.ErrTooLong) {
				return &ImportError{Line: line + 1, Err: fmt.Errorf("line longer than %d bytes", MaxExportLine)}
			}
			return &ImportError{Line: line + 1, Err: err}
		}
		switch {
		case line == 0:
			return &ImportError{Line: 1, Err: errors.New("empty input, want an Interlinear export starting with its meta record")}
		case !im.ended:
			return &ImportError{Line: line + 1, Err: errors.New("the input ends without its end record: it was cut short")}
		}
		return nil
	})
}

func checkEmpty(ctx context.Context, tx *sql.Tx) error {
	var full []string
	for _, t := range dataTables {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
			return fmt.Errorf("store: import: %w", err)
		}
		if n > 0 {
			full = append(full, fmt.Sprintf("%d in %s", n, t))
		}
	}
	if len(full) > 0 {
		return fmt.Errorf("store: import: %w (%s): import only into a new database", ErrNotEmpty, strings.Join(full, ", "))
	}
	return nil
}

// importer replays records into a transaction, remembering the ids seen so
// far so that references are checked before the database sees them.
type importer struct {
	ctx     context.Context
	tx      *sql.Tx
	version int
	meta    bool
	ended   bool
	counts  map[string]int
	stmts   map[string]*sql.Stmt

	stories, entities, variants, articles, passages, mentions, removed, aligned map[int64]bool
	keys, settings                                                              map[string]bool
}

var importSQL = map[string]string{
	"story":     `INSERT INTO stories (id, title, manual, created_at, revision) VALUES (?, ?, ?, ?, ?)`,
	"entity":    `INSERT INTO entities (id, gazetteer_id, canonical, preferred, type) VALUES (?, ?, ?, ?, ?)`,
	"key":       `INSERT INTO entity_keys (key, entity_id) VALUES (?, ?)`,
	"variant":   `INSERT INTO variants (id, entity_id, spelling, script, language, name_key, skeleton) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	"article":   `INSERT INTO articles (id, story_id, outlet, title, url, published_at, declared_language, language, language_confidence, input_kind, created_at, input, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"passage":   `INSERT INTO passages (id, article_id, ord, paragraph, start_byte, end_byte, language, language_confidence, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"mention":   `INSERT INTO mentions (id, article_id, passage_id, variant_id, start_byte, end_byte, surface) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	"removed":   `INSERT INTO removed_lines (id, article_id, ord, start_byte, end_byte, reason, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	"alignment": `INSERT INTO alignments (story_id, computed_at, body, revision) VALUES (?, ?, ?, ?)`,
	"setting":   `INSERT INTO settings (key, value) VALUES (?, ?)`,
}

func newImporter(ctx context.Context, tx *sql.Tx) (*importer, error) {
	im := &importer{ctx: ctx, tx: tx, counts: map[string]int{}, stmts: map[string]*sql.Stmt{},
		stories: map[int64]bool{}, entities: map[int64]bool{}, variants: map[int64]bool{}, articles: map[int64]bool{},
		passages: map[int64]bool{}, mentions: map[int64]bool{}, removed: map[int64]bool{}, aligned: map[int64]bool{},
		keys: map[string]bool{}, settings: map[string]bool{}}
	var err error
	if im.version, err = schemaVersion(ctx, tx); err != nil {
		return nil, err
	}
	for name, q := range importSQL {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			im.close()
			return nil, fmt.Errorf("store: import: %w", err)
		}
		im.stmts[name] = st
	}
	return im, nil
}

func (im *importer) close() {
	for _, st := range im.stmts {
		st.Close()
	}
}

func (im *importer) exec(name string, args ...any) error {
	if _, err := im.stmts[name].ExecContext(im.ctx, args...); err != nil {
		return fmt.Errorf("insert %s: %w", name, err)
	}
	return nil
}

// decodeStrict decodes one record, refusing fields the record does not have.
func decodeStrict(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("bad record: %w", err)
	}
	return nil
}

// record checks and stores one line.
func (im *importer) record(line []byte) error {
	if len(bytes.TrimSpace(line)) == 0 {
		return errors.New("empty line")
	}
	if !utf8.Valid(line) {
		return errors.New("not valid UTF-8")
	}
	var head struct {
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal(line, &head); err != nil {
		return fmt.Errorf("not a JSON object: %w", err)
	}
	switch {
	case head.Kind == "":
		return errors.New(`the record has no "kind"`)
	case im.ended:
		return fmt.Errorf("a %q record after the end record", head.Kind)
	case !im.meta && head.Kind != "meta":
		return fmt.Errorf("the first record is %q; an export starts with its meta record", head.Kind)
	case im.meta && head.Kind == "meta":
		return errors.New("a second meta record")
	}
	var err error
	switch head.Kind {
	case "meta":
		err = im.metaRecord(line)
	case "story":
		err = im.story(line)
	case "entity":
		err = im.entity(line)
	case "entity_key":
		err = im.entityKey(line)
	case "variant":
		err = im.variant(line)
	case "article":
		err = im.article(line)
	case "alignment":
		err = im.alignment(line)
	case "setting":
		err = im.setting(line)
	case "end":
		err = im.end(line)
	default:
		return fmt.Errorf("unknown kind %q", head.Kind)
	}
	if err == nil && head.Kind != "meta" && head.Kind != "end" {
		im.counts[head.Kind]++
	}
	return err
}

func (im *importer) metaRecord(line []byte) error {
	var r metaRecord
	if err := decodeStrict(line, &r); err != nil {
		return err
	}
	if r.Format != ExportFormat {
		return fmt.Errorf("format %q, want %q", r.Format, ExportFormat)
	}
	if r.FormatVersion != ExportFormatVersion {
		return fmt.Errorf("format version %d; this build reads version %d", r.FormatVersion, ExportFormatVersion)
	}
	if r.SchemaVersion != im.version {
		return fmt.Errorf("the export has schema version %d and this database %d: import with the build that made the export (then upgrade the database by opening it with a newer one)", r.SchemaVersion, im.version)
	}
	im.meta = true
	return nil
}

func (im *importer) end(line []byte) error {
	var r endRecord
	if err := decodeStrict(line, &r); err != nil {
		return err
	}
	if r.Records == nil {
		r.Records = map[string]int{}
	}
	if !maps.Equal(r.Records, im.counts) {
		return fmt.Errorf("the end record counts %v but the export holds %v: records are missing", r.Records, im.counts)
	}
	im.ended = true
	return nil
}

// newID checks that id is a fresh positive id in seen and records it.
func newID(seen map[int64]bool, what string, id int64) error {
	if id <= 0 {
		return fmt.Errorf("%s id %d: ids are positive", what, id)
	}
	if seen[id] {
		return fmt.Errorf("%s %d appears twice", what, id)
	}
	seen[id] = true
	return nil
}

func checkSpan(what string, start, end, n int) error {
	if start < 0 || end < start || end > n {
		return fmt.Errorf("%s: bytes %d–%d do not lie within its %d-byte text", what, start, end, n)
	}
	return nil
}

func checkConfidence(what string, c float64) error {
	if math.IsNaN(c) || c < 0 || c > 1 {
		return fmt.Errorf("%s: language confidence %v is not between 0 and 1", what, c)
	}
	return nil
}

func (im *importer) story(line []byte) error {
	var r storyRecord
	if err := decodeStrict(line, &r); err != nil {
		return err
	}
	if err := newID(im.stories, "story", r.ID); err != nil {
		return err
	}
	if r.CreatedAt == "" {
		return fmt.Errorf("story %d: created_at is empty", r.ID)
	}
	manual := 0
	if r.Manual {
		manual = 1
	}
	if r.Revision < 0 {
		return errors.New("a story's revision cannot be negative")
	}
	if err := im.exec("story", r.ID, r.Title, manual, r.CreatedAt, r.Revision); err != nil {
		return fmt.Errorf("story %d: %w", r.ID, err)
	}
	return nil
}

func (im *importer) entity(line []byte) error {
	var r entityRecord
	if err := decodeStrict(line, &r); err != nil {
		return err
	}
	if err := newID(im.entities, "entity", r.ID); err != nil {
		return err
	}
	if r.GazetteerID != nil && *r.GazetteerID == "" {
		return fmt.Errorf("entity %d: gazetteer_id is empty (null when the entity is not from the gazetteer)", r.ID)
	}
	if err := im.exec("entity", r.ID, r.GazetteerID, r.Canonical, r.Preferred, r.Type); err != nil {
		return fmt.Errorf("entity %d: %w", r.ID, err)
	}
	return nil
}

// keyPrefixes are the kinds of lookup key resolveMention knows.
var keyPrefixes = []string{"gaz:", "key:", "sp:"}

func (im *importer) entityKey(line []byte) error {
	var r entityKeyRecord
	if err := decodeStrict(line, &r); err != nil {
		return err
	}
	known := false
	for _, p := range keyPrefixes {
		if rest, ok := strings.CutPrefix(r.Key, p); ok && rest != "" {
			known = true
		}
	}
	if !known {
		return fmt.Errorf("entity key %q: want gaz:, key: or sp: followed by a value", r.Key)
	}
	if im.keys[r.Key] {
		return fmt.Errorf("entity key %q appears twice", r.Key)
	}
	if !im.entities[r.EntityID] {
		return fmt.Errorf("entity key %q: entity %d is not defined before it", r.Key, r.EntityID)
	}
	im.keys[r.Key] = true
	if err := im.exec("key", r.Key, r.EntityID); err != nil {
		return fmt.Errorf("entity key %q: %w", r.Key, err)
	}
	return nil
}

func (im *importer) variant(line []byte) error {
	var r variantRecord
	if err := decodeStrict(line, &r); err != nil {
		return err
	}
	if err := newID(im.variants, "variant", r.ID); err != nil {
		return err
	}
	if !im.entities[r.EntityID] {
		return fmt.Errorf("variant %d: entity %d is not defined before it", r.ID, r.EntityID)
	}
	if r.Spelling == "" {
		return fmt.Errorf("variant %d: spelling is empty", r.ID)
	}
	if err := im.exec("variant", r.ID, r.EntityID, r.Spelling, r.Script, r.Language, r.NameKey, r.Skeleton); err != nil {
		return fmt.Errorf("variant %d: %w", r.ID, err)
	}
	return nil
}

func (im *importer) article(line []byte) error {
	var r articleRecord
	if err := decodeStrict(line, &r); err != nil {
		return err
	}
	if err := im.checkArticle(&r); err != nil {
		return err
	}
	what := fmt.Sprintf("article %d", r.ID)
	if err := im.exec("article", r.ID, r.StoryID, r.Outlet, r.Title, r.URL, r.PublishedAt, r.DeclaredLanguage,
		r.Language, r.LanguageConfidence, r.InputKind, r.CreatedAt, r.Input, r.Source); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	for _, p := range r.Passages {
		if err := im.exec("passage", p.ID, r.ID, p.Ord, p.Paragraph, p.Start, p.End, p.Language, p.LanguageConfidence, p.Text); err != nil {
			return fmt.Errorf("%s: passage %d: %w", what, p.ID, err)
		}
		for _, m := range p.Mentions {
			if err := im.exec("mention", m.ID, r.ID, p.ID, m.VariantID, m.Start, m.End, m.Surface); err != nil {
				return fmt.Errorf("%s: mention %d: %w", what, m.ID, err)
			}
		}
	}
	for _, rl := range r.RemovedLines {
		if err := im.exec("removed", rl.ID, r.ID, rl.Ord, rl.Start, rl.End, rl.Reason, rl.Text); err != nil {
			return fmt.Errorf("%s: removed line %d: %w", what, rl.ID, err)
		}
	}
	return nil
}

// checkArticle checks an article and everything in it before any of it is
// stored: fresh ids, known story and variants, passages and removed lines
// in order, and every offset inside the text it points into.
func (im *importer) checkArticle(r *articleRecord) error {
	if err := newID(im.articles, "article", r.ID); err != nil {
		return err
	}
	what := fmt.Sprintf("article %d", r.ID)
	switch {
	case r.Outlet == "":
		return fmt.Errorf("%s: outlet is empty", what)
	case r.InputKind != "text" && r.InputKind != "html":
		return fmt.Errorf("%s: input_kind %q, want text or html", what, r.InputKind)
	case r.CreatedAt == "":
		return fmt.Errorf("%s: created_at is empty", what)
	case r.StoryID != nil && !im.stories[*r.StoryID]:
		return fmt.Errorf("%s: story %d is not defined before it", what, *r.StoryID)
	}
	if err := checkConfidence(what, r.LanguageConfidence); err != nil {
		return err
	}
	ord := -1
	for _, p := range r.Passages {
		pw := fmt.Sprintf("%s: passage %d", what, p.ID)
		if err := newID(im.passages, what+": passage", p.ID); err != nil {
			return err
		}
		if p.Ord <= ord {
			return fmt.Errorf("%s: ord %d does not follow %d", pw, p.Ord, ord)
		}
		ord = p.Ord
		if p.Paragraph < 0 {
			return fmt.Errorf("%s: paragraph %d is negative", pw, p.Paragraph)
		}
		if err := checkSpan(pw+" in the source", p.Start, p.End, len(r.Source)); err != nil {
			return err
		}
		if err := checkConfidence(pw, p.LanguageConfidence); err != nil {
			return err
		}
		for _, m := range p.Mentions {
			mw := fmt.Sprintf("%s: mention %d", pw, m.ID)
			if err := newID(im.mentions, pw+": mention", m.ID); err != nil {
				return err
			}
			if !im.variants[m.VariantID] {
				return fmt.Errorf("%s: variant %d is not defined before it", mw, m.VariantID)
			}
			if err := checkSpan(mw+" in the passage", m.Start, m.End, len(p.Text)); err != nil {
				return err
			}
		}
	}
	ord = -1
	for _, rl := range r.RemovedLines {
		rw := fmt.Sprintf("%s: removed line %d", what, rl.ID)
		if err := newID(im.removed, what+": removed line", rl.ID); err != nil {
			return err
		}
		if rl.Ord <= ord {
			return fmt.Errorf("%s: ord %d does not follow %d", rw, rl.Ord, ord)
		}
		ord = rl.Ord
		if err := checkSpan(rw+" in the source", rl.Start, rl.End, len(r.Source)); err != nil {
			return err
		}
	}
	return nil
}

func (im *importer) alignment(line []byte) error {
	var r alignmentRecord
	if err := decodeStrict(line, &r); err != nil {
		return err
	}
	switch {
	case !im.stories[r.StoryID]:
		return fmt.Errorf("alignment: story %d is not defined before it", r.StoryID)
	case im.aligned[r.StoryID]:
		return fmt.Errorf("alignment of story %d appears twice", r.StoryID)
	case r.ComputedAt == "":
		return fmt.Errorf("alignment of story %d: computed_at is empty", r.StoryID)
	case !json.Valid([]byte(r.Body)):
		return fmt.Errorf("alignment of story %d: body is not JSON", r.StoryID)
	}
	im.aligned[r.StoryID] = true
	if r.Revision < 0 {
		return errors.New("an alignment's revision cannot be negative")
	}
	if err := im.exec("alignment", r.StoryID, r.ComputedAt, r.Body, r.Revision); err != nil {
		return fmt.Errorf("alignment of story %d: %w", r.StoryID, err)
	}
	return nil
}

func (im *importer) setting(line []byte) error {
	var r settingRecord
	if err := decodeStrict(line, &r); err != nil {
		return err
	}
	if r.Key == "" {
		return errors.New("setting: key is empty")
	}
	if im.settings[r.Key] {
		return fmt.Errorf("setting %q appears twice", r.Key)
	}
	im.settings[r.Key] = true
	if err := im.exec("setting", r.Key, r.Value); err != nil {
		return fmt.Errorf("setting %q: %w", r.Key, err)
	}
	return nil
}

// Backup writes an online copy of the database to path, which must not
// exist yet, with SQLite's backup API: the copy is one consistent snapshot
// taken in a single step from a reader connection, so the server keeps
// writing meanwhile (WAL lets a reader and the writer run together) and
// every transaction committed before Backup started is in it. The copy is
// made under a temporary name beside path, turned into a self-contained
// single file (rollback journal instead of WAL), checked with PRAGMA
// integrity_check and foreign_key_check, and only then given its name.
func (s *Store) Backup(ctx context.Context, path string) (err error) {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("store: backup: %s already exists", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("store: backup: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	tmp := f.Name()
	if err := f.Close(); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	defer func() {
		for _, p := range []string{tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm"} {
			if rerr := os.Remove(p); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) && err == nil {
				err = fmt.Errorf("store: backup: %w", rerr)
			}
		}
	}()
	dst, err := sql.Open("sqlite3", fileURI(tmp))
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	defer dst.Close()
	dst.SetMaxOpenConns(1)
	if err := s.copyTo(ctx, dst); err != nil {
		return err
	}
	var mode string
	if err := dst.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil {
		return fmt.Errorf("store: backup: journal mode: %w", err)
	}
	if err := checkIntegrity(ctx, dst); err != nil {
		return fmt.Errorf("store: backup: the copy fails its check: %w", err)
	}
	if err := dst.Close(); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	// A hard link gives the copy its name only if nothing took it meanwhile;
	// where the file system has no hard links, a rename does.
	if err := os.Link(tmp, path); errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("store: backup: %s already exists", path)
	} else if err != nil {
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("store: backup: %w", err)
		}
	}
	return nil
}

// fileURI is path as a SQLite URI filename: "?", "#" and "%" in a path
// would otherwise start a query, a fragment or an escape.
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// copyTo copies the database into dst with the backup API, in one step
// (-1: all pages), retrying while the source is busy.
func (s *Store) copyTo(ctx context.Context, dst *sql.DB) error {
	src, err := s.r.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	defer src.Close()
	dc, err := dst.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	defer dc.Close()
	err = dc.Raw(func(d any) error {
		to, ok := d.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("destination driver connection is %T", d)
		}
		return src.Raw(func(s any) error {
			from, ok := s.(*sqlite3.SQLiteConn)
			if !ok {
				return fmt.Errorf("source driver connection is %T", s)
			}
			b, err := to.Backup("main", from, "main")
			if err != nil {
				return err
			}
			for {
				done, err := b.Step(-1)
				if err != nil {
					b.Finish()
					return err
				}
				if done {
					return b.Finish()
				}
				// SQLITE_BUSY or SQLITE_LOCKED: wait and try again.
				select {
				case <-ctx.Done():
					b.Finish()
					return ctx.Err()
				case <-time.After(20 * time.Millisecond):
				}
			}
		})
	})
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	return nil
}

// checkIntegrity runs PRAGMA integrity_check and foreign_key_check on db
// and reports what they found, or nil when the database is sound.
func checkIntegrity(ctx context.Context, db *sql.DB) error {
	var problems []string
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity_check: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return fmt.Errorf("integrity_check: %w", err)
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity_check: %w", err)
	}
	fk, err := db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return fmt.Errorf("foreign_key_check: %w", err)
	}
	defer fk.Close()
	for fk.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var n int
		if err := fk.Scan(&table, &rowid, &parent, &n); err != nil {
			return fmt.Errorf("foreign_key_check: %w", err)
		}
		problems = append(problems, fmt.Sprintf("%s row %d refers to a missing %s row", table, rowid.Int64, parent))
	}
	if err := fk.Err(); err != nil {
		return fmt.Errorf("foreign_key_check: %w", err)
	}
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = append(problems[:5], fmt.Sprintf("and %d more", len(problems)-5))
		}
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}
