//go:build unix

package e2e

// Durability tests of the built binary: SIGKILL in the middle of a stream
// of ingests must lose no acknowledged article and leave a database that
// opens, passes PRAGMA integrity_check and gets its alignments back at
// the next start; many writers and readers at once must lose nothing and
// get no 5xx.

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // to open the database file after the server is dead

	"interlinear/seeds"
	"interlinear/server"
)

var durableSoak = flag.Bool("soak", false, "run TestDurableConcurrency for 30 s instead of 5 s")

// durableArticle is the body of POST /api/v1/articles.
type durableArticle struct {
	Outlet      string `json:"outlet"`
	Title       string `json:"title"`
	URL         string `json:"url,omitempty"`
	PublishedAt string `json:"published_at,omitempty"`
	Language    string `json:"language,omitempty"`
	Text        string `json:"text"`
}

// durableGen makes realistic articles from the seed articles: a random
// run of paragraphs of one seed (sometimes followed by paragraphs of
// another about the same visit), under another outlet, with the names
// spelled the way that outlet might (Hmeimim/Hmeymim/Khmeimim,
// Shoigu/Shoygu, Daesh/ISIS/ISIL).
type durableGen struct {
	r     *rand.Rand
	seeds []seeds.Article
	paras [][]string
}

var durableOutlets = []string{"TASS", "Sputnik", "SANA", "Al Jazeera", "Xinhua", "AFP", "Reuters", "The New Arab", "Anadolu Agency", "RIA Novosti", "BBC News", "Al Arabiya"}

func newDurableGen(t *testing.T, seed uint64) *durableGen {
	t.Helper()
	list, err := seeds.Articles()
	if err != nil {
		t.Fatal(err)
	}
	g := &durableGen{r: rand.New(rand.NewPCG(seed, 0xd0)), seeds: list}
	for _, a := range list {
		var ps []string
		for _, l := range strings.Split(a.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				ps = append(ps, l)
			}
		}
		g.paras = append(g.paras, ps)
	}
	return g
}

func (g *durableGen) next(n int) durableArticle {
	i := g.r.IntN(len(g.seeds))
	k := 8 + g.r.IntN(min(30, len(g.paras[i]))-8+1)
	paras := durablePick(g.r, g.paras[i], k)
	if i < 4 && g.r.IntN(3) == 0 { // seeds 0-3 report the same visit
		j := g.r.IntN(4)
		paras = append(paras, durablePick(g.r, g.paras[j], min(4, len(g.paras[j])))...)
	}
	pick := func(vs ...string) string { return vs[g.r.IntN(len(vs))] }
	base, shoigu, daesh := pick("Hmeimim", "Hmeymim", "Khmeimim"), pick("Shoigu", "Shoygu"), pick("Daesh", "ISIS", "ISIL")
	spell := strings.NewReplacer("Hmeimim", base, "Hmeymim", base, "Khmeimim", base,
		"Shoygu", shoigu, "Shoigu", shoigu, "Daesh", daesh, "ISIS", daesh, "ISIL", daesh)
	outlet := durableOutlets[g.r.IntN(len(durableOutlets))]
	day := time.Date(2017, 12, 11, 0, 0, 0, 0, time.UTC).Add(time.Duration(g.r.IntN(72*3600)) * time.Second)
	return durableArticle{
		Outlet:      outlet,
		Title:       spell.Replace(pick("", "Update: ", "Analysis: ") + g.seeds[i].Title),
		URL:         "https://news.example/" + strings.ToLower(strings.ReplaceAll(outlet, " ", "-")) + "/" + strconv.Itoa(n),
		PublishedAt: day.Format(time.RFC3339),
		Language:    pick("", "en"),
		Text:        spell.Replace(strings.Join(paras, "\n\n")),
	}
}

// durablePick returns k of list's items at random, in their order.
func durablePick(r *rand.Rand, list []string, k int) []string {
	idx := r.Perm(len(list))[:k]
	sort.Ints(idx)
	out := make([]string, 0, k)
	for _, i := range idx {
		out = append(out, list[i])
	}
	return out
}

// durableAck is what a 201 said about an article.
type durableAck struct {
	sent    durableArticle
	article server.ArticleJSON
}

// durableAcks collects acknowledged articles from many goroutines.
type durableAcks struct {
	mu   sync.Mutex
	byID map[int64]durableAck
	ids  []int64
}

func (a *durableAcks) add(ack durableAck) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.byID == nil {
		a.byID = map[int64]durableAck{}
	}
	a.byID[ack.article.ID] = ack
	a.ids = append(a.ids, ack.article.ID)
}

func (a *durableAcks) len() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.ids)
}

func (a *durableAcks) all() []durableAck {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]durableAck, 0, len(a.ids))
	for _, id := range a.ids {
		out = append(out, a.byID[id])
	}
	return out
}

// durablePostArticle posts one article; it returns the 201's article, or
// the status (0 for a transport error) and error.
func durablePostArticle(ctx context.Context, base string, in durableArticle) (server.ArticleJSON, int, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return server.ArticleJSON{}, 0, err
	}
	status, out, err := procPost(ctx, durableHTTP, base+"/api/v1/articles", body)
	if err != nil {
		return server.ArticleJSON{}, 0, err
	}
	if status != 201 {
		return server.ArticleJSON{}, status, fmt.Errorf("POST /api/v1/articles: %d %s", status, durableCut(out))
	}
	var a server.ArticleJSON
	if err := json.Unmarshal(out, &a); err != nil || a.ID <= 0 {
		return a, status, fmt.Errorf("201 with an unreadable article: %v %s", err, durableCut(out))
	}
	return a, status, nil
}

// durableHTTP is shared by the durability tests so connections are
// reused; every request has procClient's timeout.
var durableHTTP = procClient()

func durableCut(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}

// durableVerify checks that every acknowledged article is served as the
// 201 showed it: same outlet and title as sent, same passages (ids and
// text) as acknowledged.
func durableVerify(t *testing.T, ctx context.Context, base string, acks []durableAck) {
	t.Helper()
	missing := 0
	for _, ack := range acks {
		id := ack.article.ID
		status, body, err := procGet(ctx, durableHTTP, base+"/api/v1/articles/"+strconv.FormatInt(id, 10))
		if err != nil || status != 200 {
			missing++
			if missing <= 10 {
				t.Errorf("article %d (acknowledged with 201): got %d %v, want 200", id, status, err)
			}
			continue
		}
		var got server.ArticleJSON
		if err := json.Unmarshal(body, &got); err != nil {
			t.Errorf("article %d: %v", id, err)
			continue
		}
		if got.Outlet != ack.sent.Outlet || got.Outlet != ack.article.Outlet {
			t.Errorf("article %d: got outlet %q, want %q", id, got.Outlet, ack.sent.Outlet)
		}
		if got.Title != ack.article.Title || got.Title != ack.sent.Title {
			t.Errorf("article %d: got title %q, want %q", id, got.Title, ack.sent.Title)
		}
		if len(got.Passages) == 0 || len(got.Passages) != len(ack.article.Passages) {
			t.Errorf("article %d: got %d passages, want the %d of the 201", id, len(got.Passages), len(ack.article.Passages))
			continue
		}
		for i, p := range got.Passages {
			want := ack.article.Passages[i]
			if p.ID != want.ID || p.Text != want.Text {
				t.Errorf("article %d passage %d: got %d %q, want %d %q", id, i, p.ID, p.Text, want.ID, want.Text)
				break
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged articles are missing", missing, len(acks))
	}
}

// durableStories pages through GET /api/v1/stories (at most 200 pages).
func durableStories(t *testing.T, ctx context.Context, base string) []server.StoryJSON {
	t.Helper()
	var out []server.StoryJSON
	cursor := ""
	for range 200 {
		status, body, err := procGet(ctx, durableHTTP, base+"/api/v1/stories?limit=100&cursor="+url.QueryEscape(cursor))
		if err != nil || status != 200 {
			t.Fatalf("GET /api/v1/stories: %d %v", status, err)
		}
		var page server.ListJSON[server.StoryJSON]
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatal(err)
		}
		out = append(out, page.Items...)
		if page.Next == "" {
			return out
		}
		cursor = page.Next
	}
	t.Fatal("GET /api/v1/stories: more than 200 pages")
	return nil
}

// durableDBCheck opens the database file (the server being dead, or
// read-only beside a live one) and runs PRAGMA integrity_check and
// foreign_key_check. It returns the number of articles and the number of
// stories without a stored alignment.
func durableDBCheck(t *testing.T, path string, readOnly bool) (articles, stale int) {
	t.Helper()
	dsn := "file:" + path + "?_busy_timeout=10000"
	if readOnly {
		dsn += "&mode=ro"
	}
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`PRAGMA integrity_check`)
	if err != nil {
		t.Fatalf("the database does not open: %v", err)
	}
	var res []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		res = append(res, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if len(res) != 1 || res[0] != "ok" {
		t.Errorf("PRAGMA integrity_check: got %q, want [ok]", res)
	}
	var fk int
	if err := db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if fk != 0 {
		t.Errorf("PRAGMA foreign_key_check: got %d violations, want none", fk)
	}
	if err := db.QueryRow(`SELECT count(*) FROM articles`).Scan(&articles); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM stories WHERE id NOT IN (SELECT story_id FROM alignments)`).Scan(&stale); err != nil {
		t.Fatal(err)
	}
	return articles, stale
}

// TestDurableCrash streams ingests from several goroutines, SIGKILLs the
// server after a random short delay, and checks the database and every
// acknowledged article after a restart; twice on the same file (once
// with -short).
func TestDurableCrash(t *testing.T) {
	const (
		writers = 4
		maxPer  = 300 // articles a round may post at most
	)
	rounds := 2
	if testing.Short() {
		rounds = 1
	}
	bin := procBinary(t)
	db := filepath.Join(t.TempDir(), "crash.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	gen := newDurableGen(t, seed)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	var acks durableAcks
	srv := procStart(t, bin, db)
	for round := 1; round <= rounds; round++ {
		bodies := make([]durableArticle, maxPer)
		for i := range bodies {
			bodies[i] = gen.next(round*1000 + i)
		}
		var next, inFlightLost, unexpected atomic.Int64
		before := acks.len()
		var wg sync.WaitGroup
		for range writers {
			wg.Go(func() {
				for {
					i := next.Add(1) - 1
					if i >= int64(len(bodies)) || ctx.Err() != nil {
						return
					}
					a, status, err := durablePostArticle(ctx, srv.URL, bodies[i])
					switch {
					case err == nil:
						acks.add(durableAck{sent: bodies[i], article: a})
					case status == 0: // the connection died with the server
						inFlightLost.Add(1)
						return
					default:
						unexpected.Add(1)
						t.Errorf("round %d: %v", round, err)
					}
				}
			})
		}
		// Kill after a few acknowledgements plus a random 0-2 s, with
		// requests in flight.
		for i := 0; i < 6000 && acks.len() < before+3 && ctx.Err() == nil; i++ {
			time.Sleep(10 * time.Millisecond)
		}
		delay := time.Duration(r.IntN(2000)) * time.Millisecond
		time.Sleep(delay)
		srv.Kill(t)
		wg.Wait()
		t.Logf("round %d: SIGKILL %v after the third 201; %d acknowledged this round, %d requests cut off, %d unexpected answers",
			round, delay, acks.len()-before, inFlightLost.Load(), unexpected.Load())
		if acks.len() == before {
			t.Fatalf("round %d: no article was acknowledged before the kill; the test proved nothing", round)
		}

		n, stale := durableDBCheck(t, db, false)
		t.Logf("round %d: after the kill the database holds %d articles (%d acknowledged in all); %d stories without alignment", round, n, acks.len(), stale)
		if want := acks.len() + len(gen.seeds); n < want {
			t.Errorf("round %d: got %d articles in the database, want at least %d (acknowledged and seeds)", round, n, want)
		}

		srv = procStart(t, bin, db)
		if _, stale := durableDBCheck(t, db, true); stale != 0 {
			t.Errorf("round %d: got %d stories without alignment once ready, want every one recomputed at start-up", round, stale)
		}
		durableVerify(t, ctx, srv.URL, acks.all())
		stories := durableStories(t, ctx, srv.URL)
		inStory := map[int64]bool{}
		for _, st := range stories {
			for _, a := range st.Articles {
				inStory[a.ID] = true
			}
			docs, err := durableAlignedDocs(ctx, srv.URL, st.ID)
			if err != nil {
				t.Errorf("round %d: story %d alignment: %v", round, st.ID, err)
				continue
			}
			// The alignment served must be of the story as it is: every
			// article is in a group or has passages only its outlet
			// reports, and no other article is there.
			if missing, extra := durableDocDiff(st, docs); len(missing)+len(extra) > 0 {
				t.Errorf("round %d: story %d has %d articles; its alignment after restart lacks articles %v and has articles %v no longer in it (an alignment older than the story was kept)",
					round, st.ID, len(st.Articles), missing, extra)
			}
		}
		for _, ack := range acks.all() {
			if !inStory[ack.article.ID] {
				t.Errorf("round %d: article %d is in no story", round, ack.article.ID)
			}
		}
		t.Logf("round %d: restarted; %d acknowledged articles verified, %d stories with their alignment", round, acks.len(), len(stories))
	}
	if err := srv.Stop(t); err != nil {
		t.Errorf("stop after recovery: %v, want a clean exit", err)
	}
	if lines := srv.procErrorLines(); len(lines) > 0 {
		t.Errorf("the server logged %d errors, first: %s", len(lines), lines[0])
	}
}

// durableDocDiff compares the documents of a story's alignment with the
// story's articles.
func durableDocDiff(st server.StoryJSON, docs map[int64]bool) (missing, extra []int64) {
	arts := map[int64]bool{}
	for _, a := range st.Articles {
		arts[a.ID] = true
		if !docs[a.ID] {
			missing = append(missing, a.ID)
		}
	}
	for id := range docs {
		if !arts[id] {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	return missing, extra
}

// durableAlignedDocs walks every page of a story's alignment and its
// coverage and returns the articles they show: those with a passage in a
// group and those with a passage only their outlet reports.
func durableAlignedDocs(ctx context.Context, base string, story int64) (map[int64]bool, error) {
	docs := map[int64]bool{}
	add := func(v any) {
		if f, ok := v.(float64); ok {
			docs[int64(f)] = true
		}
	}
	path := base + "/api/v1/stories/" + strconv.FormatInt(story, 10)
	var rev int64
	for cursor, first := "", true; first || cursor != ""; first = false {
		status, body, err := procGet(ctx, durableHTTP, path+"/alignment?limit=500&cursor="+url.QueryEscape(cursor))
		var page server.AlignmentPageJSON
		if err != nil || status != 200 || json.Unmarshal(body, &page) != nil {
			return nil, fmt.Errorf("got %d %v, want 200 with a page of the alignment", status, err)
		}
		if !first && page.Revision != rev {
			return nil, fmt.Errorf("the alignment changed from revision %d to %d between pages with no writes", rev, page.Revision)
		}
		rev = page.Revision
		for _, d := range page.Documents {
			add(d.ID)
		}
		cursor = page.Next
	}
	status, body, err := procGet(ctx, durableHTTP, path+"/coverage")
	var cov server.CoverageJSON
	if err != nil || status != 200 || json.Unmarshal(body, &cov) != nil {
		return nil, fmt.Errorf("coverage: got %d %v, want 200", status, err)
	}
	for _, u := range cov.Unique {
		for _, r := range u.Passages {
			add(r.Document)
		}
	}
	return docs, nil
}

// durableIDs is a pool of ids readers learn from listings.
type durableIDs struct {
	mu  sync.Mutex
	ids []int64
	set map[int64]bool
}

func (p *durableIDs) add(ids ...int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.set == nil {
		p.set = map[int64]bool{}
	}
	for _, id := range ids {
		if !p.set[id] {
			p.set[id] = true
			p.ids = append(p.ids, id)
		}
	}
}

func (p *durableIDs) random(r *rand.Rand) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.ids) == 0 {
		return 0
	}
	return p.ids[r.IntN(len(p.ids))]
}

// durableTally counts requests and failures per endpoint.
type durableTally struct {
	mu       sync.Mutex
	requests map[string]int
	failures map[string]map[string]int // endpoint -> "500", "transport", ...
	latency  map[string][]time.Duration
}

// record counts one request; kind is "" for a success, else what went
// wrong ("500", "transport", ...).
func (d *durableTally) record(endpoint, kind string, took time.Duration) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.requests == nil {
		d.requests, d.failures, d.latency = map[string]int{}, map[string]map[string]int{}, map[string][]time.Duration{}
	}
	d.requests[endpoint]++
	d.latency[endpoint] = append(d.latency[endpoint], took)
	if kind != "" {
		if d.failures[endpoint] == nil {
			d.failures[endpoint] = map[string]int{}
		}
		d.failures[endpoint][kind]++
	}
}

// TestDurableConcurrency runs 8 writers and 32 readers against the binary
// for 5 s (30 s with -soak): no 5xx, no failed read, and every article
// acknowledged with 201 is served afterwards.
func TestDurableConcurrency(t *testing.T) {
	const writers, readers = 8, 32
	duration := 5 * time.Second
	if *durableSoak {
		duration = 30 * time.Second
	}
	bin := procBinary(t)
	srv := procStart(t, bin, filepath.Join(t.TempDir(), "concurrency.db"))
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d, %d writers and %d readers for %v", seed, writers, readers, duration)
	ctx, cancel := context.WithTimeout(context.Background(), duration+5*time.Minute)
	defer cancel()

	var acks durableAcks
	var stories, entities durableIDs
	var tally durableTally
	nSeeds := len(newDurableGen(t, 0).seeds)
	articles := &durableIDs{}
	for id := range nSeeds { // the seeds are the first articles
		articles.add(int64(id + 1))
	}
	stories.add(1)
	entities.add(1)
	deadline := time.Now().Add(duration)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range writers {
		gen := newDurableGen(t, seed+uint64(w))
		wg.Go(func() {
			for i := 0; i < 100_000 && time.Now().Before(deadline); i++ {
				in := gen.next(w*100_000 + i)
				t0 := time.Now()
				a, status, err := durablePostArticle(ctx, srv.URL, in)
				tally.record("POST /api/v1/articles", durableKind(status, 201, err), time.Since(t0))
				if err == nil {
					acks.add(durableAck{sent: in, article: a})
					articles.add(a.ID)
				}
			}
		})
	}
	for rd := range readers {
		r := rand.New(rand.NewPCG(seed, uint64(rd)))
		wg.Go(func() {
			for i := 0; i < 1_000_000 && time.Now().Before(deadline); i++ {
				var endpoint, path string
				var learn func([]byte)
				switch (rd + i) % 7 {
				case 0:
					endpoint, path = "GET /api/v1/articles", "/api/v1/articles?limit="+strconv.Itoa(1+r.IntN(100))
					learn = func(b []byte) { articles.add(durableListIDs(b)...) }
				case 1:
					endpoint, path = "GET /api/v1/articles/{id}", "/api/v1/articles/"+strconv.FormatInt(articles.random(r), 10)
				case 2:
					endpoint, path = "GET /api/v1/stories", "/api/v1/stories?limit="+strconv.Itoa(1+r.IntN(50))
					learn = func(b []byte) { stories.add(durableListIDs(b)...) }
				case 3:
					endpoint, path = "GET /api/v1/stories/{id}", "/api/v1/stories/"+strconv.FormatInt(stories.random(r), 10)
				case 4:
					endpoint, path = "GET /api/v1/stories/{id}/alignment", "/api/v1/stories/"+strconv.FormatInt(stories.random(r), 10)+"/alignment"
				case 5:
					endpoint, path = "GET /api/v1/entities", "/api/v1/entities?limit="+strconv.Itoa(1+r.IntN(100))
					learn = func(b []byte) { entities.add(durableListIDs(b)...) }
				case 6:
					endpoint, path = "GET /api/v1/entities/{id}", "/api/v1/entities/"+strconv.FormatInt(entities.random(r), 10)
				}
				t0 := time.Now()
				status, body, err := procGet(ctx, durableHTTP, srv.URL+path)
				tally.record(endpoint, durableKind(status, 200, err), time.Since(t0))
				if err == nil && status == 200 && learn != nil {
					learn(body)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	total, failed := 0, 0
	names := slices.Sorted(maps.Keys(tally.requests))
	for _, name := range names {
		n := tally.requests[name]
		total += n
		lat := slices.Clone(tally.latency[name])
		slices.Sort(lat)
		p99 := lat[min(len(lat)-1, len(lat)*99/100)]
		t.Logf("%-36s %6d requests %7.1f/s  p50 %8v  p99 %8v  failures %v", name, n, float64(n)/elapsed.Seconds(),
			lat[len(lat)/2].Round(time.Microsecond), p99.Round(time.Microsecond), tally.failures[name])
		for kind, k := range tally.failures[name] {
			failed += k
			if strings.HasPrefix(kind, "5") {
				t.Errorf("%s: got %d answers %s, want no 5xx", name, k, kind)
			} else {
				t.Errorf("%s: got %d failures (%s), want none", name, k, kind)
			}
		}
	}
	t.Logf("%d requests in %v (%.0f/s), %d failed; %d articles acknowledged", total, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(), failed, acks.len())
	if tally.requests["POST /api/v1/articles"] == 0 || acks.len() == 0 {
		t.Errorf("got %d articles acknowledged, want some", acks.len())
	}
	for _, name := range names {
		if name != "POST /api/v1/articles" && tally.requests[name] < readers/7 {
			t.Errorf("%s: only %d requests, want every read endpoint exercised", name, tally.requests[name])
		}
	}
	durableVerify(t, ctx, srv.URL, acks.all())
	if err := srv.Stop(t); err != nil {
		t.Errorf("stop: %v, want a clean exit", err)
	}
	if n, stale := durableDBCheck(t, srv.DB, false); n < acks.len()+nSeeds || stale != 0 {
		t.Errorf("after a clean stop: got %d articles and %d stale stories, want at least %d and none", n, stale, acks.len()+nSeeds)
	}
	if lines := srv.procErrorLines(); len(lines) > 0 {
		t.Errorf("the server logged %d errors, first: %s", len(lines), lines[0])
	}
}

// durableKind names the outcome of a request: "" when it got the status
// wanted, else the status or "transport" (no answer, or a body that did
// not read).
func durableKind(status, want int, err error) string {
	switch {
	case status == want && err == nil:
		return ""
	case status == 0 || status == want:
		return "transport"
	default:
		return strconv.Itoa(status)
	}
}

// durableListIDs reads the ids of a {"items": [...]} listing.
func durableListIDs(body []byte) []int64 {
	var page struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	if json.Unmarshal(body, &page) != nil {
		return nil
	}
	ids := make([]int64, 0, len(page.Items))
	for _, it := range page.Items {
		ids = append(ids, it.ID)
	}
	return ids
}

// TestProcGracefulRestart starts the binary, stops it with SIGTERM, and
// starts it again on the same file: a clean exit, and the seeds are
// neither lost nor ingested twice.
func TestProcGracefulRestart(t *testing.T) {
	bin := procBinary(t)
	db := filepath.Join(t.TempDir(), "restart.db")
	nSeeds := len(newDurableGen(t, 0).seeds)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	count := func(srv *procServer) int {
		status, body, err := procGet(ctx, durableHTTP, srv.URL+"/api/v1/articles?limit=500")
		if err != nil || status != 200 {
			t.Fatalf("GET /api/v1/articles: %d %v", status, err)
		}
		return len(durableListIDs(body))
	}
	for i := range 2 {
		srv := procStart(t, bin, db)
		status, _, err := procGet(ctx, durableHTTP, srv.URL+"/healthz")
		if err != nil || status != 200 {
			t.Errorf("start %d: /healthz got %d %v, want 200", i+1, status, err)
		}
		if n := count(srv); n != nSeeds {
			t.Errorf("start %d: got %d articles, want the %d seeds", i+1, n, nSeeds)
		}
		if err := srv.Stop(t); err != nil {
			t.Errorf("start %d: SIGTERM: got %v, want a clean exit", i+1, err)
		}
	}
	if _, stale := durableDBCheck(t, db, false); stale != 0 {
		t.Errorf("got %d stories without alignment after clean stops, want none", stale)
	}
}
