package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
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
