package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"interlinear/internal/testengines"
	"interlinear/lang/align"
	"interlinear/lang/pipeline"
	"interlinear/server"
	"interlinear/server/store"
)

// sharedDir holds what several tests read (the corpus the real server
// built); TestMain removes it.
var sharedDir string

func TestMain(m *testing.M) {
	var err error
	if sharedDir, err = os.MkdirTemp("", "store-export-test-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(sharedDir)
	os.Exit(code)
}

// testPipeline returns the pipeline and aligner shared by the test binary
// (built once, as main does once per process).
func testPipeline(t testing.TB) (*pipeline.Pipeline, *align.Aligner) {
	return testengines.Engines(t)
}

func openStore(t testing.TB, path string) *store.Store {
	t.Helper()
	st, _, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newStore opens a fresh database in a directory of its own. The directory
// is not t.TempDir: that one is named after the test, and a fuzz seed's
// name holds a "#", which a SQLite URI filename reads as a fragment.
func newStore(t testing.TB) (*store.Store, string) {
	t.Helper()
	dir, err := os.MkdirTemp("", "store-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "db", "test.db")
	return openStore(t, path), path
}

func exportOf(t testing.TB, st *store.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := st.Export(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// call sends one request to the real router and fails unless it answers want.
func call(t testing.TB, srv *server.Server, method, target, body string, want int) []byte {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != want {
		t.Fatalf("%s %s: got %d, want %d: %s", method, target, rec.Code, want, rec.Body.String())
	}
	return rec.Body.Bytes()
}

type entityJSON struct {
	ID        int64  `json:"id"`
	Preferred string `json:"preferred"`
	By        string `json:"preferred_by"`
	Variants  []struct {
		Spelling string `json:"spelling"`
	} `json:"variants"`
}

func entityWith(t testing.TB, srv *server.Server, spelling string) entityJSON {
	t.Helper()
	var l struct {
		Items []entityJSON `json:"items"`
	}
	if err := json.Unmarshal(call(t, srv, "GET", "/api/v1/entities?limit=500&q="+url.QueryEscape(spelling), "", 200), &l); err != nil {
		t.Fatal(err)
	}
	for _, e := range l.Items {
		for _, v := range e.Variants {
			if v.Spelling == spelling {
				return e
			}
		}
	}
	t.Fatalf("no entity has the spelling %q", spelling)
	return entityJSON{}
}

var (
	corpusMu   sync.Mutex
	corpusPath string
	corpusData []byte
)

// corpus builds, once per test binary, a database the way desks make one:
// the real server ingests the seeds, then a desk sets a house spelling,
// detaches a spelling, merges two entities, starts a story and moves an
// article into it, starts an empty story, posts an HTML article and
// deletes a seed. It returns the database's path and its export.
func corpus(t testing.TB) (string, []byte) {
	t.Helper()
	corpusMu.Lock()
	defer corpusMu.Unlock()
	if corpusData != nil {
		return corpusPath, corpusData
	}
	p, al := testPipeline(t)
	path := filepath.Join(sharedDir, "corpus.db")
	os.Remove(path)
	st, _, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(server.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background(), p, al, true); err != nil {
		t.Fatal(err)
	}
	h := entityWith(t, srv, "Khmeimim")
	call(t, srv, "PUT", fmt.Sprintf("/api/v1/entities/%d/preferred", h.ID), `{"spelling":"Khmeimim"}`, 200)
	call(t, srv, "POST", fmt.Sprintf("/api/v1/entities/%d/detach", h.ID), `{"spelling":"Hmeymim"}`, 201)
	a, b := entityWith(t, srv, "Latakia"), entityWith(t, srv, "Damascus")
	call(t, srv, "POST", fmt.Sprintf("/api/v1/entities/%d/merge", a.ID), fmt.Sprintf(`{"other":%d}`, b.ID), 200)
	var story struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal(call(t, srv, "POST", "/api/v1/stories", `{"title":"Desk pick: the Hmeimim visit"}`, 201), &story); err != nil {
		t.Fatal(err)
	}
	call(t, srv, "PUT", "/api/v1/articles/1/story", fmt.Sprintf(`{"story":%d}`, story.ID), 200)
	call(t, srv, "POST", "/api/v1/stories", `{"title":"Desk pick: kept while empty"}`, 201)
	call(t, srv, "POST", "/api/v1/articles", `{"outlet":"Example Wire","title":"Putin at Hmeimim","url":"https://example.com/a?b=1&c=<2>",
		"html":"<html><body><nav>Home | World</nav><p>Russian President Vladimir Putin visited the Hmeimim air base in Syria on Monday, where he met Bashar al-Assad.</p><p>\"Our task is done,\" Putin told the troops &amp; officers.</p></body></html>"}`, 201)
	call(t, srv, "DELETE", "/api/v1/articles/4", "", 204)
	// Reading every story's alignment brings them up to date (the server
	// realigns in the background), so the export holds no stale one.
	ids, err := st.StoryIDs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		call(t, srv, "GET", fmt.Sprintf("/api/v1/stories/%d/alignment", id), "", 200)
	}
	var buf bytes.Buffer
	if err := st.Export(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	corpusPath, corpusData = path, buf.Bytes()
	return corpusPath, corpusData
}

// tableDump reads every row of every table but schema_migrations, as
// typed values, sorted, so that two databases can be compared whole.
func tableDump(t testing.TB, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string][]string{}
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				fmt.Fprintf(&b, "%s=%T:%q ", cols[i], v, fmt.Sprint(v))
			}
			out[table] = append(out[table], b.String())
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		slices.Sort(out[table])
	}
	return out
}

func kindsOf(t testing.TB, data []byte) []string {
	t.Helper()
	var kinds []string
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var h struct {
			Kind string `json:"kind"`
		}
		if err := json.Unmarshal([]byte(line), &h); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		kinds = append(kinds, h.Kind)
	}
	return kinds
}

func TestExportImportRoundTrip(t *testing.T) {
	path, first := corpus(t)
	ctx := context.Background()

	t.Run("export holds what the desk did", func(t *testing.T) {
		kinds := kindsOf(t, first)
		if kinds[0] != "meta" || kinds[len(kinds)-1] != "end" {
			t.Errorf("got first %q and last %q, want meta and end", kinds[0], kinds[len(kinds)-1])
		}
		order := []string{"meta", "story", "entity", "entity_key", "variant", "article", "alignment", "setting", "end"}
		rank := func(k string) int { return slices.Index(order, k) }
		for i := 1; i < len(kinds); i++ {
			if rank(kinds[i]) < 0 || rank(kinds[i]) < rank(kinds[i-1]) {
				t.Fatalf("record %d is %q after %q, want the order %v", i+1, kinds[i], kinds[i-1], order)
			}
		}
		for _, want := range []string{
			`"kind":"entity_key","key":"sp:Hmeymim"`,              // the detached spelling
			`"preferred":"Khmeimim"`,                              // the house spelling
			`"title":"Desk pick: kept while empty","manual":true`, // an empty manual story
			`"input_kind":"html"`,
			`"kind":"setting","key":"seed:003_c275e6163f13a256.txt","value":"4"`, // a deleted seed stays deleted
			`"schema_version":5`,
		} {
			if !bytes.Contains(first, []byte(want)) {
				t.Errorf("the export lacks %s", want)
			}
		}
		if bytes.Contains(first, []byte(`"kind":"article","id":4,`)) {
			t.Error("the deleted article 4 is in the export")
		}
	})

	dst, dstPath := newStore(t)
	if err := dst.Import(ctx, bytes.NewReader(first)); err != nil {
		t.Fatal(err)
	}
	t.Run("export of the import is byte-identical", func(t *testing.T) {
		if second := exportOf(t, dst); !bytes.Equal(second, first) {
			t.Errorf("got a %d-byte export after import, want the same %d bytes:\n%s", len(second), len(first), firstDiff(first, second))
		}
	})
	t.Run("every row of every table came back", func(t *testing.T) {
		want, got := tableDump(t, path), tableDump(t, dstPath)
		if len(want) == 0 || len(want["articles"]) != 5 {
			t.Fatalf("the corpus has %d articles, want 5", len(want["articles"]))
		}
		for table, rows := range want {
			if !slices.Equal(got[table], rows) {
				t.Errorf("table %s: got %d rows, want %d equal rows", table, len(got[table]), len(rows))
			}
		}
	})
	t.Run("a server on the import seeds nothing and realigns nothing", func(t *testing.T) {
		p, al := testPipeline(t)
		srv, err := server.New(server.Options{Store: dst})
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.Start(ctx, p, al, true); err != nil {
			t.Fatal(err)
		}
		if e := entityWith(t, srv, "Khmeimim"); e.Preferred != "Khmeimim" || e.By != "desk" {
			t.Errorf("house spelling: got %q by %q, want Khmeimim by desk", e.Preferred, e.By)
		}
		if d := entityWith(t, srv, "Hmeymim"); d.ID == entityWith(t, srv, "Khmeimim").ID {
			t.Error("the detached spelling Hmeymim is back in its old entity")
		}
		if third := exportOf(t, dst); !bytes.Equal(third, first) {
			t.Errorf("starting a server on the import changed it:\n%s", firstDiff(first, third))
		}
	})
	t.Run("a backup exports the same", func(t *testing.T) {
		src := openStore(t, path)
		bak := filepath.Join(t.TempDir(), "backup.db")
		if err := src.Backup(ctx, bak); err != nil {
			t.Fatal(err)
		}
		if got := exportOf(t, openStore(t, bak)); !bytes.Equal(got, first) {
			t.Errorf("backup differs:\n%s", firstDiff(first, got))
		}
	})
}

// firstDiff shows the first line where two exports differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n want %.300s\n  got %.300s", i+1, x, y)
		}
	}
	return "no line differs"
}

func TestImportRefusesNonEmptyDatabase(t *testing.T) {
	path, data := corpus(t)
	ctx := context.Background()
	oneStory, _ := newStore(t)
	if _, err := oneStory.CreateStory(ctx, "A story a desk started"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		st   *store.Store
		want string
	}{
		{"the seeded corpus", openStore(t, path), "5 in articles"},
		{"one manual story", oneStory, "1 in stories"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := exportOf(t, c.st)
			err := c.st.Import(ctx, bytes.NewReader(data))
			if !errors.Is(err, store.ErrNotEmpty) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got error %v, want ErrNotEmpty mentioning %q", err, c.want)
			}
			if after := exportOf(t, c.st); !bytes.Equal(after, before) {
				t.Errorf("a refused import changed the database:\n%s", firstDiff(before, after))
			}
		})
	}
}

// lineOf returns the 0-based index of the first line whose record is of kind
// (and, when has is not empty, contains has).
func lineOf(t testing.TB, lines []string, kind, has string) int {
	t.Helper()
	for i, l := range lines {
		if strings.HasPrefix(l, `{"kind":"`+kind+`"`) && strings.Contains(l, has) {
			return i
		}
	}
	t.Fatalf("no %s line containing %q", kind, has)
	return -1
}

// edit decodes a record, lets fn change it, and encodes it again.
func edit(t testing.TB, line string, fn func(m map[string]any)) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	fn(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestImportRejectsCorruptInput(t *testing.T) {
	_, data := corpus(t)
	ctx := context.Background()
	st, _ := newStore(t)
	empty := exportOf(t, st)
	base := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	withMention := lineOf(t, base, "article", `"variant_id"`)

	// Each case changes a copy of the export and says at which line
	// (1-based) the import must stop, and why.
	cases := []struct {
		name string
		edit func(l []string) ([]string, int)
		want string
	}{
		{"bad JSON", func(l []string) ([]string, int) {
			l[1] = `{"kind":"story","id":1,`
			return l, 2
		}, "not a JSON object"},
		{"unknown kind", func(l []string) ([]string, int) {
			return slices.Insert(l, 1, `{"kind":"comment","text":"hello"}`), 2
		}, `unknown kind "comment"`},
		{"no kind", func(l []string) ([]string, int) {
			return slices.Insert(l, 1, `{"id":1}`), 2
		}, `no "kind"`},
		{"unknown field", func(l []string) ([]string, int) {
			i := lineOf(t, l, "story", "")
			l[i] = strings.TrimSuffix(l[i], "}") + `,"colour":"red"}`
			return l, i + 1
		}, `unknown field "colour"`},
		{"meta missing", func(l []string) ([]string, int) { return l[1:], 1 }, "starts with its meta record"},
		{"second meta", func(l []string) ([]string, int) { return slices.Insert(l, 2, l[0]), 3 }, "second meta"},
		{"other schema version", func(l []string) ([]string, int) {
			l[0] = edit(t, l[0], func(m map[string]any) { m["schema_version"] = 99 })
			return l, 1
		}, "schema version 99"},
		{"other format", func(l []string) ([]string, int) {
			l[0] = edit(t, l[0], func(m map[string]any) { m["format"] = "csv" })
			return l, 1
		}, `format "csv"`},
		{"article in a story that is not there", func(l []string) ([]string, int) {
			i := lineOf(t, l, "article", "")
			l[i] = edit(t, l[i], func(m map[string]any) { m["story_id"] = 999999 })
			return l, i + 1
		}, "story 999999 is not defined before it"},
		{"mention of a variant that is not there", func(l []string) ([]string, int) {
			l[withMention] = edit(t, l[withMention], func(m map[string]any) {
				for _, p := range m["passages"].([]any) {
					if ms := p.(map[string]any)["mentions"].([]any); len(ms) > 0 {
						ms[0].(map[string]any)["variant_id"] = 999999
						return
					}
				}
			})
			return l, withMention + 1
		}, "variant 999999 is not defined before it"},
		{"key of an entity that is not there", func(l []string) ([]string, int) {
			i := lineOf(t, l, "entity_key", "")
			l[i] = edit(t, l[i], func(m map[string]any) { m["entity_id"] = 999999 })
			return l, i + 1
		}, "entity 999999 is not defined before it"},
		{"variant before its entity", func(l []string) ([]string, int) {
			i := lineOf(t, l, "variant", "")
			v := l[i]
			l = slices.Delete(l, i, i+1)
			return slices.Insert(l, 1, v), 2
		}, "is not defined before it"},
		{"alignment of a story that is not there", func(l []string) ([]string, int) {
			i := lineOf(t, l, "alignment", "")
			l[i] = edit(t, l[i], func(m map[string]any) { m["story_id"] = 999999 })
			return l, i + 1
		}, "story 999999 is not defined before it"},
		{"duplicate story", func(l []string) ([]string, int) {
			i := lineOf(t, l, "story", "")
			return slices.Insert(l, i+1, l[i]), i + 2
		}, "appears twice"},
		{"duplicate gazetteer id, refused by the database", func(l []string) ([]string, int) {
			i := lineOf(t, l, "entity", `"gazetteer_id":"`)
			dup := edit(t, l[i], func(m map[string]any) { m["id"] = 999999 })
			return slices.Insert(l, i+1, dup), i + 2
		}, "UNIQUE constraint failed: entities.gazetteer_id"},
		{"passage beyond its source", func(l []string) ([]string, int) {
			i := lineOf(t, l, "article", "")
			l[i] = edit(t, l[i], func(m map[string]any) {
				p := m["passages"].([]any)[0].(map[string]any)
				p["end"] = len(m["source"].(string)) + 1
			})
			return l, i + 1
		}, "do not lie within"},
		{"passages out of order", func(l []string) ([]string, int) {
			i := lineOf(t, l, "article", "")
			l[i] = edit(t, l[i], func(m map[string]any) {
				ps := m["passages"].([]any)
				ps[0], ps[1] = ps[1], ps[0]
			})
			return l, i + 1
		}, "does not follow"},
		{"confidence out of range", func(l []string) ([]string, int) {
			i := lineOf(t, l, "article", "")
			l[i] = edit(t, l[i], func(m map[string]any) { m["language_confidence"] = 1.5 })
			return l, i + 1
		}, "not between 0 and 1"},
		{"alignment body not JSON", func(l []string) ([]string, int) {
			i := lineOf(t, l, "alignment", "")
			l[i] = edit(t, l[i], func(m map[string]any) { m["body"] = "{truncated" })
			return l, i + 1
		}, "body is not JSON"},
		{"unknown key prefix", func(l []string) ([]string, int) {
			i := lineOf(t, l, "entity_key", "")
			l[i] = edit(t, l[i], func(m map[string]any) { m["key"] = "name:Putin" })
			return l, i + 1
		}, "want gaz:, key: or sp:"},
		{"blank line", func(l []string) ([]string, int) { return slices.Insert(l, 2, ""), 3 }, "empty line"},
		{"not UTF-8", func(l []string) ([]string, int) {
			return slices.Insert(l, 1, "{\"kind\":\"setting\",\"key\":\"a\xff\",\"value\":\"\"}"), 2
		}, "not valid UTF-8"},
		{"line too long", func(l []string) ([]string, int) {
			return slices.Insert(l, 1, `{"kind":"story","id":1,"title":"`+strings.Repeat("x", store.MaxExportLine)+`"}`), 2
		}, "longer than"},
		{"cut short", func(l []string) ([]string, int) { return l[:len(l)-1], len(l) }, "cut short"},
		{"a record missing", func(l []string) ([]string, int) {
			i := lineOf(t, l, "setting", "")
			return slices.Delete(l, i, i+1), len(l) - 1
		}, "records are missing"},
		{"a record after the end", func(l []string) ([]string, int) {
			return append(l, `{"kind":"setting","key":"late","value":"x"}`), len(l) + 1
		}, "after the end record"},
		{"empty input", func(l []string) ([]string, int) { return nil, 1 }, "empty input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, wantLine := c.edit(slices.Clone(base))
			in := strings.Join(lines, "\n")
			if len(lines) > 0 {
				in += "\n"
			}
			err := st.Import(ctx, strings.NewReader(in))
			var ie *store.ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("got error %v, want an *ImportError", err)
			}
			if ie.Line != wantLine || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got line %d %q, want line %d mentioning %q", ie.Line, err, wantLine, c.want)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("line %d:", wantLine)) {
				t.Errorf("the message %q does not name line %d", err, wantLine)
			}
			if got := exportOf(t, st); !bytes.Equal(got, empty) {
				t.Errorf("a failed import left data behind:\n%s", firstDiff(empty, got))
			}
		})
	}
	t.Run("the database takes the intact export afterwards", func(t *testing.T) {
		if err := st.Import(ctx, bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		if got := exportOf(t, st); !bytes.Equal(got, data) {
			t.Errorf("got a different export:\n%s", firstDiff(data, got))
		}
	})
}

// plainArticle is an article built by hand, without the language pipeline.
func plainArticle(outlet string, n int, text string) *store.Article {
	src := fmt.Sprintf("%s report %d. %s", outlet, n, text)
	return &store.Article{
		Outlet: outlet, Title: fmt.Sprintf("Report %d", n), Language: store.Language{Code: "en", Confidence: 1},
		InputKind: "text", Input: src, Source: src,
		Passages: []store.Passage{{Text: src, Start: 0, End: len(src), Language: store.Language{Code: "en", Confidence: 0.98}}},
	}
}

func TestBackupDuringWrites(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	live := openStore(t, path) // the server's store, writing
	filler := strings.Repeat("Troops left the Hmeimim air base on Monday. ", 700)
	for i := range 150 {
		if _, err := live.CreateArticle(ctx, plainArticle("Wire", i, filler), "", nil); err != nil {
			t.Fatal(err)
		}
	}

	var (
		mu        sync.Mutex
		committed []int64
		writeErr  error
	)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			a := plainArticle("Live", i, filler)
			if _, err := live.CreateArticle(ctx, a, "", nil); err != nil {
				mu.Lock()
				writeErr = err
				mu.Unlock()
				return
			}
			mu.Lock()
			committed = append(committed, a.ID)
			mu.Unlock()
		}
	}()
	count := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(committed)
	}
	for count() < 20 { // the writer is under way
		time.Sleep(time.Millisecond)
	}

	backup := openStore(t, path) // the backup command's own store, as the CLI opens it
	bak := filepath.Join(dir, "backup.db")
	mu.Lock()
	before := slices.Clone(committed)
	mu.Unlock()
	start := time.Now()
	if err := backup.Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	during := count() - len(before)
	// The writer goes on after the backup.
	deadline := time.Now().Add(10 * time.Second)
	for n := count(); count() == n && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	close(stop)
	<-done
	if writeErr != nil {
		t.Fatalf("a write failed while the backup ran: %v", writeErr)
	}
	t.Logf("backup of %d+ articles took %v; %d articles were committed meanwhile", 150+len(before), took, during)

	db, err := sql.Open("sqlite3", "file:"+bak+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check, mode string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check: got %q (%v), want ok", check, err)
	}
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("journal mode of the backup: got %q (%v), want delete (one self-contained file)", mode, err)
	}
	have := map[int64]bool{}
	rows, err := db.Query(`SELECT id FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		have[id] = true
	}
	rows.Close()
	for _, id := range before {
		if !have[id] {
			t.Errorf("article %d, committed before the backup started, is not in it", id)
		}
	}
	if len(have) < 150+len(before) {
		t.Errorf("got %d articles in the backup, want at least %d", len(have), 150+len(before))
	}

	t.Run("an existing file is left alone", func(t *testing.T) {
		info, _ := os.Stat(bak)
		err := backup.Backup(ctx, bak)
		if err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Errorf("got %v, want an error saying the file exists", err)
		}
		if after, _ := os.Stat(bak); after.Size() != info.Size() || !after.ModTime().Equal(info.ModTime()) {
			t.Error("the existing backup was changed")
		}
	})
	t.Run("no temporary files are left", func(t *testing.T) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), "backup.db-") {
				t.Errorf("left behind: %s", e.Name())
			}
		}
	})
}

// smallCorpus fills st by hand: two articles with names, a story from
// placement, a manual story, a house spelling and an alignment.
func smallCorpus(t testing.TB, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	place := func(a *store.Article) (store.StoryChange, error) {
		return store.StoryChange{NewTitle: "Hmeimim visit"}, nil
	}
	a := plainArticle("TASS", 1, "Putin visited Hmeimim & met Assad <there>.")
	a.Mentions = []store.MentionInput{{Passage: 0, Start: strings.Index(a.Source, "Putin"), End: strings.Index(a.Source, "Putin") + 5,
		Surface: "Putin", GazetteerID: "vladimir-putin", Canonical: "Vladimir Putin", Type: "person", Key: "putin", Skeleton: "PTN", Script: "Latin"}}
	if _, err := st.CreateArticle(ctx, a, "seed:a", place); err != nil {
		t.Fatal(err)
	}
	b := plainArticle("RT", 2, "Путин посетил Хмеймим.")
	at := strings.Index(b.Source, "Хмеймим")
	b.Mentions = []store.MentionInput{{Passage: 0, Start: at, End: at + len("Хмеймим"), Surface: "Хмеймим", Key: "khmeimim", Skeleton: "KHMM", Script: "Cyrillic"}}
	if _, err := st.CreateArticle(ctx, b, "", func(*store.Article) (store.StoryChange, error) {
		return store.StoryChange{StoryID: a.StoryID}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateStory(ctx, "Desk story"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetPreferred(ctx, b.Passages[0].Mentions[0].EntityID, "Khmeimim"); err != nil {
		t.Fatal(err)
	}
	state, err := st.AlignmentStateOf(ctx, a.StoryID)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutAlignment(ctx, a.StoryID, state.StoryRevision, []byte(`{"links":[],"note":"<b>"}`)); err != nil {
		t.Fatal(err)
	}
}

// emptyOut deletes every row of the database at path (in an order the
// foreign keys accept), so that a fuzz iteration can reuse it.
func emptyOut(t testing.TB, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, table := range []string{"alignments", "mentions", "removed_lines", "passages", "articles", "stories", "variants", "entity_keys", "entities", "settings"} {
		if _, err := db.Exec(`DELETE FROM ` + table); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzImport feeds Import arbitrary input: it must not panic, a failure
// must leave the database empty, and whatever it accepts must export to
// something that imports and exports again unchanged. Two databases are
// reused across iterations (emptied after an accepted input), since
// opening one per input would make the fuzzer crawl.
func FuzzImport(f *testing.F) {
	st, path := newStore(f)
	smallCorpus(f, st)
	valid := exportOf(f, st)
	f.Add(valid)
	lines := bytes.SplitAfter(valid, []byte("\n"))
	f.Add(bytes.Join(lines[:len(lines)/2], nil))
	f.Add([]byte(`{"kind":"meta","format":"interlinear-export","format_version":1,"schema_version":5}` + "\n" + `{"kind":"end","records":{}}` + "\n"))
	f.Add([]byte("{}\n"))
	emptyOut(f, path)
	empty := exportOf(f, st)
	again, againPath := newStore(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := st.Import(context.Background(), bytes.NewReader(data)); err != nil {
			if got := exportOf(t, st); !bytes.Equal(got, empty) {
				t.Fatalf("a failed import (%v) left data behind", err)
			}
			return
		}
		defer emptyOut(t, path)
		once := exportOf(t, st)
		defer emptyOut(t, againPath)
		if err := again.Import(context.Background(), bytes.NewReader(once)); err != nil {
			t.Fatalf("the export of an accepted input does not import: %v", err)
		}
		if twice := exportOf(t, again); !bytes.Equal(twice, once) {
			t.Fatalf("export → import → export changed:\n%s", firstDiff(once, twice))
		}
	})
}
