package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"maps"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"interlinear/internal/testengines"
	"interlinear/server"
	"interlinear/server/store"
)

// The end-to-end test is tiny by default so that CI runs it; the flags
// make it a profiling harness: the server runs in the test process, so
//
//	go test ./cmd/loadtest/ -run TestRunEndToEnd -cpuprofile cpu.out -args -loadtest.articles 300
//
// profiles ingest and reads (the client's share shows as package main).
var (
	ltArticles    = flag.Int("loadtest.articles", 10, "articles TestRunEndToEnd ingests")
	ltDuration    = flag.Duration("loadtest.duration", 2*time.Second, "read phase of TestRunEndToEnd")
	ltConcurrency = flag.Int("loadtest.concurrency", 4, "read concurrency of TestRunEndToEnd")
)

// startServer runs the real server in-process, wired as the interlinear
// command wires it (all default languages, the gazetteer, the installed
// lexicons, the seeds), on a fresh database, behind an httptest server on
// 127.0.0.1.
func startServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st, _, err := store.Open(ctx, filepath.Join(t.TempDir(), "loadtest.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := server.New(server.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	p, al := testengines.Engines(t)
	if err := srv.Start(ctx, p, al, true); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

func TestRunEndToEnd(t *testing.T) {
	ts := startServer(t)
	pid := strconv.Itoa(os.Getpid())
	cases := []struct {
		name      string
		args      []string
		articles  int
		endpoints int
	}{
		{"ingest then default reads, json", []string{"-articles", strconv.Itoa(*ltArticles), "-ingest-workers", "2",
			"-duration", ltDuration.String(), "-concurrency", strconv.Itoa(*ltConcurrency), "-out", "json", "-pid", pid}, *ltArticles, len(defaultEndpoints)},
		{"reads by id only, json", []string{"-duration", "300ms", "-concurrency", "2", "-out", "json",
			"-endpoint", "/api/v1/articles/{article},/api/v1/entities/{entity}", "-endpoint", "/api/v1/stories/{story}"}, 0, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := append([]string{"-addr", ts.URL}, c.args...)
			if err := run(context.Background(), args, &out, &errOut); err != nil {
				t.Fatalf("run: %v\n%s", err, errOut.String())
			}
			var rep report
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatalf("the json report does not parse: %v\n%s", err, out.String())
			}
			var text bytes.Buffer
			if err := writeText(&text, rep); err != nil {
				t.Fatal(err)
			}
			t.Logf("\n%s", text.String())
			if c.articles > 0 {
				if rep.Ingest == nil {
					t.Fatal("got no ingest report, want one")
				}
				if rep.Ingest.Created != c.articles || total(rep.Ingest.Errors) != 0 {
					t.Errorf("got %d articles created and errors %v, want %d and none", rep.Ingest.Created, rep.Ingest.Errors, c.articles)
				}
				if rep.Ingest.PerSecond <= 0 || rep.Ingest.Latency.P50 <= 0 || rep.Ingest.Latency.Max < rep.Ingest.Latency.P99 {
					t.Errorf("implausible ingest figures %+v", rep.Ingest)
				}
				if len(rep.Server) != 3 || rep.Server[0].RSSKiB <= 0 || rep.Server[2].HWMKiB < rep.Server[2].RSSKiB ||
					rep.Server[2].CPUSeconds <= rep.Server[0].CPUSeconds {
					t.Errorf("got server samples %+v, want start, after ingest and after read with RSS <= peak and CPU time growing", rep.Server)
				}
				if rep.Ingest.ServerCPUMsPerArticle <= 0 || rep.Read.ServerCPUMsPerRequest <= 0 {
					t.Errorf("got CPU per article %v ms and per request %v ms, want both measured", rep.Ingest.ServerCPUMsPerArticle, rep.Read.ServerCPUMsPerRequest)
				}
				checkStories(t, rep.Ingest.Stories, c.articles)
			} else if rep.Ingest != nil {
				t.Errorf("got an ingest report %+v, want none with -articles 0", rep.Ingest)
			}
			if rep.Read == nil || len(rep.Read.Endpoints) != c.endpoints {
				t.Fatalf("got read report %+v, want %d endpoints", rep.Read, c.endpoints)
			}
			for _, e := range rep.Read.Endpoints {
				if e.Requests == 0 || total(e.Errors) != 0 || e.MeanBytes == 0 {
					t.Errorf("%s: got %d requests, %d bytes each, errors %v; want some requests, a body and no errors", e.Endpoint, e.Requests, e.MeanBytes, e.Errors)
				}
				if strings.Contains(e.Example, "{") {
					t.Errorf("%s: placeholder left in %q", e.Endpoint, e.Example)
				}
			}
		})
	}
	t.Run("text report", func(t *testing.T) {
		var out, errOut bytes.Buffer
		args := []string{"-addr", ts.URL, "-duration", "200ms", "-concurrency", "2", "-endpoint", "/api/v1/stories"}
		if err := run(context.Background(), args, &out, &errOut); err != nil {
			t.Fatalf("run: %v\n%s", err, errOut.String())
		}
		for _, want := range []string{"phase 2: reads, concurrency 2", "/api/v1/stories", "p99 ms"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("got report %q, want it to contain %q", out.String(), want)
			}
		}
	})
	t.Run("unknown story endpoint fails before the run", func(t *testing.T) {
		var out, errOut bytes.Buffer
		args := []string{"-addr", ts.URL, "-duration", "1s", "-endpoint", "/api/v1/stories/999999/alignment"}
		if err := run(context.Background(), args, &out, &errOut); err == nil || !strings.Contains(err.Error(), "404") {
			t.Errorf("got error %v, want one naming the 404", err)
		}
	})
}

// checkStories checks that the grouping figures of n ingested articles
// are present and plausible.
func checkStories(t *testing.T, st *storiesReport, n int) {
	t.Helper()
	if st == nil {
		t.Fatal("got no stories figures, want them after ingest")
	}
	in01 := func(x float64) bool { return x >= 0 && x <= 1 }
	if !in01(st.Precision) || !in01(st.Recall) || st.Stories < 1 || st.Stories > n || st.Events < 1 || len(st.ByEvent) != st.Events {
		t.Errorf("got stories figures %+v, want precision and recall in [0,1], 1 to %d stories and one line per event", st, n)
	}
	sum := 0
	for _, e := range st.ByEvent {
		sum += e.Articles
		if e.Event == "" || !in01(e.Share) || e.Story <= 0 {
			t.Errorf("got event figures %+v, want a name, a story and a share in [0,1]", e)
		}
	}
	if sum != n || st.Unplaced != 0 {
		t.Errorf("got %d articles over the events and %d in no story, want %d and none", sum, st.Unplaced, n)
	}
}

func TestGroupingScores(t *testing.T) {
	// Six articles of three events; 99 is a seed article, not ingested.
	events := map[int64]string{1: "x", 2: "x", 3: "x", 4: "y", 5: "y", 6: "z"}
	cases := []struct {
		name    string
		eventOf map[int64]string
		storyOf map[int64]int64
		want    storiesReport
	}{
		{"perfect grouping", events,
			map[int64]int64{1: 10, 2: 10, 3: 10, 4: 20, 5: 20, 6: 30, 99: 10},
			storiesReport{Stories: 3, Events: 3, Precision: 1, Recall: 1, ByEvent: []eventGrouping{
				{"x", 3, 10, 1}, {"y", 2, 20, 1}, {"z", 1, 30, 1}}}},
		// Precision: x 3/6 three times, y 2/6 twice, z 1/6: (9+4+1)/6/6.
		{"everything in one story", events,
			map[int64]int64{1: 10, 2: 10, 3: 10, 4: 10, 5: 10, 6: 10},
			storiesReport{Stories: 1, Events: 3, Precision: 14.0 / 36, Recall: 1, ByEvent: []eventGrouping{
				{"x", 3, 10, 1}, {"y", 2, 10, 1}, {"z", 1, 10, 1}}}},
		// Recall: x 1/3 three times, y 1/2 twice, z 1: 3/6.
		{"every article alone", events,
			map[int64]int64{1: 11, 2: 12, 3: 13, 4: 14, 5: 15, 6: 16},
			storiesReport{Stories: 6, Events: 3, Precision: 1, Recall: 0.5, ByEvent: []eventGrouping{
				{"x", 3, 11, 1.0 / 3}, {"y", 2, 14, 0.5}, {"z", 1, 16, 1}}}},
		// Stories {1,2,99} and {3,4,5,6}. Precision: 1, 1, 1/4, 2/4,
		// 2/4, 1/4 = 3.5/6. Recall: 2/3, 2/3, 1/3, 1, 1, 1 = (14/3)/6.
		{"mixed, with a seed article", events,
			map[int64]int64{1: 1, 2: 1, 99: 1, 3: 2, 4: 2, 5: 2, 6: 2},
			storiesReport{Stories: 2, Events: 3, Precision: 7.0 / 12, Recall: 7.0 / 9, ByEvent: []eventGrouping{
				{"x", 3, 1, 2.0 / 3}, {"y", 2, 2, 1}, {"z", 1, 2, 1}}}},
		// 3 and 6 are in no story, so each is alone. Precision: 1, 1, 1,
		// 1, 1, 1. Recall: 2/3, 2/3, 1/3, 1, 1, 1 = (14/3)/6.
		{"articles in no story", events,
			map[int64]int64{1: 1, 2: 1, 4: 2, 5: 2},
			storiesReport{Stories: 4, Events: 3, Precision: 1, Recall: 7.0 / 9, Unplaced: 2, ByEvent: []eventGrouping{
				{"x", 3, 1, 2.0 / 3}, {"y", 2, 2, 1}, {"z", 1, 0, 0}}}},
		{"no articles", map[int64]string{}, map[int64]int64{99: 1}, storiesReport{}},
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := groupingScores(c.eventOf, c.storyOf)
			same := got.Stories == c.want.Stories && got.Events == c.want.Events && got.Unplaced == c.want.Unplaced &&
				near(got.Precision, c.want.Precision) && near(got.Recall, c.want.Recall) && len(got.ByEvent) == len(c.want.ByEvent)
			for i := 0; same && i < len(got.ByEvent); i++ {
				g, w := got.ByEvent[i], c.want.ByEvent[i]
				same = g.Event == w.Event && g.Articles == w.Articles && g.Story == w.Story && near(g.Share, w.Share)
			}
			if !same {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestStoryOfArticle(t *testing.T) {
	got := storyOfArticle([]storyMembers{{ID: 1, Articles: []int64{5, 6}}, {ID: 2, Articles: []int64{7}}, {ID: 3}})
	want := map[int64]int64{5: 1, 6: 1, 7: 2}
	if !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestWriteStories(t *testing.T) {
	var b bytes.Buffer
	writeStories(&b, &storiesReport{Stories: 9, Events: 6, Precision: 0.912, Recall: 0.838, ByEvent: []eventGrouping{{"hmeimim", 300, 1, 0.92}}})
	want := "  stories: 9 for 6 events; B-cubed precision 0.91 recall 0.84\n    hmeimim: 300 articles, 92% in story 1\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestLoopbackURL(t *testing.T) {
	cases := []struct {
		in, want string // want "" means refused
	}{
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080"},
		{"http://127.9.9.9", "http://127.9.9.9"},
		{"http://localhost:1234", "http://localhost:1234"},
		{"http://[::1]:8080", "http://[::1]:8080"},
		{"https://127.0.0.1", "https://127.0.0.1"},
		{"http://10.0.0.1:8080", ""},
		{"http://0.0.0.0:8080", ""},
		{"http://example.com", ""},
		{"http://localhost.example.com", ""},
		{"ftp://127.0.0.1", ""},
		{"127.0.0.1:8080", ""},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			u, err := loopbackURL(c.in)
			switch {
			case c.want == "" && err == nil:
				t.Errorf("got %q, want it refused", u)
			case c.want != "" && err != nil:
				t.Errorf("got error %v, want %q", err, c.want)
			case c.want != "" && u.String() != c.want:
				t.Errorf("got %q, want %q", u, c.want)
			}
		})
	}
}

func TestRefuseNonLoopback(t *testing.T) {
	cases := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:80", true},
		{"[::1]:80", true},
		{"192.0.2.1:80", false},
		{"[2001:db8::1]:80", false},
		{"nonsense", false},
	}
	for _, c := range cases {
		t.Run(c.addr, func(t *testing.T) {
			err := refuseNonLoopback("tcp", c.addr, nil)
			if (err == nil) != c.ok {
				t.Errorf("got %v, want allowed=%v", err, c.ok)
			}
		})
	}
}

func TestParseFlagsRefuses(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"remote address", []string{"-addr", "http://93.184.216.34"}, "not a loopback"},
		{"no workers", []string{"-ingest-workers", "0"}, "ingest-workers"},
		{"no concurrency", []string{"-concurrency", "0"}, "concurrency"},
		{"relative endpoint", []string{"-endpoint", "api/v1/stories"}, "starting with /"},
		{"bad format", []string{"-out", "xml"}, "-out"},
		{"stray argument", []string{"extra"}, "unexpected"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseFlags(c.args, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error mentioning %q", err, c.want)
			}
		})
	}
}

func TestSummarise(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	got := summarise(d)
	want := latency{P50: 50, P90: 90, P95: 95, P99: 99, Max: 100, Mean: 50.5}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := summarise(nil); got != (latency{}) {
		t.Errorf("got %+v for no samples, want zeros", got)
	}
}

func TestRateByTenth(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 20; i++ { // one item every 100 ms, then one every 500 ms
		step := 100 * time.Millisecond
		if i > 10 {
			step = 500 * time.Millisecond
		}
		last := time.Duration(0)
		if len(d) > 0 {
			last = d[len(d)-1]
		}
		d = append(d, last+step)
	}
	got := rateByTenth(d)
	if len(got) != 10 || got[0] != 10 || got[9] != 2 {
		t.Errorf("got %v, want 10 tenths from 10/s down to 2/s", got)
	}
}

func TestReadServer(t *testing.T) {
	m, err := readServer(os.Getpid(), "now")
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	if m.RSSKiB <= 0 || m.HWMKiB < m.RSSKiB || m.CPUSeconds < 0 {
		t.Errorf("got %+v, want RSS > 0, peak >= RSS and a CPU time", m)
	}
}
