// Command loadtest measures a running Interlinear server from a second
// process. Phase 1 ingests synthetic but realistic articles (see
// Generator) through POST /api/v1/articles and reports the sustained
// articles/s and the ingest latency; phase 2 hammers read endpoints with
// keep-alive connections at a fixed concurrency and reports requests/s,
// latency percentiles and errors per endpoint. With -pid it also reports
// the server's resident memory from /proc.
//
// It only ever talks to a loopback address: -addr must name 127.0.0.0/8,
// ::1 or localhost, and every connection is checked again when it is
// dialled.
//
//	go run ./cmd/loadtest -addr http://127.0.0.1:8080 -articles 1000 -duration 30s -concurrency 32
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"
)

func main() {
	err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// config is what the flags say.
type config struct {
	base          *url.URL
	articles      int
	workers       int
	seed          uint64
	ingestTimeout time.Duration
	duration      time.Duration
	concurrency   int
	endpoints     []string
	maxRequests   int64
	timeout       time.Duration
	readyTimeout  time.Duration
	out           string
	pid           int
}

// defaultEndpoints is the read mix when -endpoint is not given: the
// alignment of the story with the most articles, and the list endpoints.
var defaultEndpoints = []string{
	"/api/v1/stories/{story}/alignment",
	"/api/v1/stories",
	"/api/v1/articles",
	"/api/v1/entities",
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	var addr string
	var endpoints []string
	fs.StringVar(&addr, "addr", "http://127.0.0.1:8080", "base URL of the server; must be a loopback address")
	fs.IntVar(&c.articles, "articles", 0, "articles to ingest in phase 1 (0 skips the phase)")
	fs.IntVar(&c.workers, "ingest-workers", 4, "concurrent ingest requests in phase 1")
	fs.Uint64Var(&c.seed, "seed", 1, "seed of the article generator")
	fs.DurationVar(&c.ingestTimeout, "ingest-timeout", time.Hour, "give up phase 1 after this long")
	fs.DurationVar(&c.duration, "duration", 30*time.Second, "length of phase 2 (0 skips the phase)")
	fs.IntVar(&c.concurrency, "concurrency", 32, "concurrent requests in phase 2")
	fs.Func("endpoint", "GET path to load in phase 2, repeatable or comma-separated; {story} is the biggest story, {article} and {entity} cycle through known ids (default: the biggest story's alignment and the article, story and entity lists)", func(v string) error {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				if !strings.HasPrefix(p, "/") {
					return fmt.Errorf("%q is not a path starting with /", p)
				}
				endpoints = append(endpoints, p)
			}
		}
		return nil
	})
	fs.Int64Var(&c.maxRequests, "max-requests", 10_000_000, "stop phase 2 after this many requests even if -duration has not passed")
	fs.DurationVar(&c.timeout, "timeout", 60*time.Second, "timeout of one request")
	fs.DurationVar(&c.readyTimeout, "ready-timeout", 2*time.Minute, "how long to wait for /readyz before starting")
	fs.StringVar(&c.out, "out", "text", "report format: text or json")
	fs.IntVar(&c.pid, "pid", 0, "process id of the server, to report its resident memory (Linux /proc)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	base, err := loopbackURL(addr)
	if err != nil {
		return c, err
	}
	c.base = base
	c.endpoints = endpoints
	if len(c.endpoints) == 0 {
		c.endpoints = defaultEndpoints
	}
	switch {
	case c.articles < 0:
		return c, errors.New("-articles must not be negative")
	case c.workers < 1:
		return c, errors.New("-ingest-workers must be at least 1")
	case c.concurrency < 1:
		return c, errors.New("-concurrency must be at least 1")
	case c.duration < 0:
		return c, errors.New("-duration must not be negative")
	case c.maxRequests < 1:
		return c, errors.New("-max-requests must be at least 1")
	case c.timeout <= 0 || c.ingestTimeout <= 0 || c.readyTimeout <= 0:
		return c, errors.New("timeouts must be positive")
	case c.out != "text" && c.out != "json":
		return c, fmt.Errorf("-out %q: use text or json", c.out)
	}
	return c, nil
}

// loopbackURL parses the server's base URL and refuses anything but
// http(s) on a loopback address: this tool generates load, and load is
// only ever aimed at this machine.
func loopbackURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("-addr %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("-addr %q: want an http:// URL such as http://127.0.0.1:8080", raw)
	}
	host := u.Hostname()
	if !isLoopbackHost(host) {
		return nil, fmt.Errorf("-addr %q: %q is not a loopback address; loadtest only targets 127.0.0.1, ::1 or localhost", raw, host)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// newClient returns a keep-alive client for conns concurrent requests that
// refuses, at dial time, any address that is not loopback (so a name that
// resolves elsewhere, or a redirect, cannot take the load off this
// machine) and ignores proxy settings.
func newClient(conns int, timeout time.Duration) *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second, Control: refuseNonLoopback}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:               nil,
			DialContext:         d.DialContext,
			MaxIdleConns:        conns + 8,
			MaxIdleConnsPerHost: conns + 8,
			IdleConnTimeout:     90 * time.Second,
		},
	}
}

// refuseNonLoopback is a net.Dialer Control function: it runs after name
// resolution and before the connection is attempted, and refuses any
// address that is not loopback.
func refuseNonLoopback(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("refusing to connect to %s: not a loopback address", address)
	}
	return nil
}

// report is everything measured, printed as text or JSON.
type report struct {
	Addr   string         `json:"addr"`
	Ingest *ingestReport  `json:"ingest,omitempty"`
	Read   *readReport    `json:"read,omitempty"`
	Server []serverSample `json:"server,omitempty"` // with -pid: memory and CPU time at the start and after each phase
}

// latency summarises durations in milliseconds.
type latency struct {
	P50  float64 `json:"p50_ms"`
	P90  float64 `json:"p90_ms"`
	P95  float64 `json:"p95_ms"`
	P99  float64 `json:"p99_ms"`
	Max  float64 `json:"max_ms"`
	Mean float64 `json:"mean_ms"`
}

// ingestReport is phase 1.
type ingestReport struct {
	Articles  int            `json:"articles"`
	Workers   int            `json:"workers"`
	Created   int            `json:"created"`
	Errors    map[string]int `json:"errors"`
	Seconds   float64        `json:"seconds"`
	PerSecond float64        `json:"articles_per_second"`
	// RateByTenth is the articles/s over each tenth of the articles, in
	// order of completion: whether ingest slows as the database grows.
	RateByTenth []float64 `json:"rate_by_tenth"`
	Latency     latency   `json:"latency"`
	// ServerCPUMsPerArticle is the server's CPU time (user + system, all
	// threads) over the phase divided by the articles created (with -pid):
	// a figure the other load on a shared machine barely moves.
	ServerCPUMsPerArticle float64 `json:"server_cpu_ms_per_article,omitempty"`
	// Stories is how the server grouped the ingested articles into
	// stories, against the event each was generated from.
	Stories *storiesReport `json:"stories,omitempty"`
}

// storiesReport scores the stories the ingested articles landed in
// against the events they were generated from. Only ingested articles
// count: seed articles already on the server are ignored.
type storiesReport struct {
	Stories int `json:"stories"` // distinct stories holding ingested articles
	Events  int `json:"events"`
	// Precision and Recall are B-cubed, averaged over the articles: the
	// share of the articles in an article's story that report its event,
	// and the share of the articles reporting its event that are in its
	// story.
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	// Unplaced counts ingested articles found in no story; each counts as
	// a story of its own.
	Unplaced int             `json:"unplaced,omitempty"`
	ByEvent  []eventGrouping `json:"by_event"`
}

// eventGrouping is one event: its articles and the story holding most
// of them.
type eventGrouping struct {
	Event    string  `json:"event"`
	Articles int     `json:"articles"`
	Story    int64   `json:"story"` // 0 if none of its articles is in a story
	Share    float64 `json:"share"` // of the event's articles in Story
}

// readReport is phase 2.
type readReport struct {
	Concurrency int              `json:"concurrency"`
	Seconds     float64          `json:"seconds"`
	Requests    int              `json:"requests"`
	Errors      int              `json:"errors"`
	PerSecond   float64          `json:"requests_per_second"`
	Endpoints   []endpointReport `json:"endpoints"`
	// ServerCPUMsPerRequest is the server's CPU time over the phase per
	// request (with -pid).
	ServerCPUMsPerRequest float64 `json:"server_cpu_ms_per_request,omitempty"`
}

// endpointReport is one endpoint of phase 2.
type endpointReport struct {
	Endpoint  string         `json:"endpoint"`
	Example   string         `json:"example"`
	Requests  int            `json:"requests"`
	Errors    map[string]int `json:"errors"`
	PerSecond float64        `json:"requests_per_second"`
	MeanBytes int64          `json:"mean_bytes"`
	Latency   latency        `json:"latency"`
}

// serverSample is the server process at a point of the run.
type serverSample struct {
	At         string  `json:"at"`
	RSSKiB     int64   `json:"rss_kib"`
	HWMKiB     int64   `json:"hwm_kib"` // peak RSS since the process started
	CPUSeconds float64 `json:"cpu_seconds"`
	// LoadAvg1 is the machine's one-minute load average: how much else
	// competed for the cores.
	LoadAvg1 float64 `json:"loadavg_1m"`
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	client := newClient(max(cfg.concurrency, cfg.workers), cfg.timeout)
	defer client.CloseIdleConnections()
	rep := report{Addr: cfg.base.String()}
	if err := waitReady(ctx, client, cfg.base, cfg.readyTimeout); err != nil {
		return err
	}
	// sample records the server process and returns the CPU seconds it
	// used since the previous sample (-1 without -pid).
	sample := func(at string) float64 {
		if cfg.pid == 0 {
			return -1
		}
		m, err := readServer(cfg.pid, at)
		if err != nil {
			fmt.Fprintln(stderr, "loadtest: server process:", err)
			return -1
		}
		rep.Server = append(rep.Server, m)
		if n := len(rep.Server); n > 1 {
			return m.CPUSeconds - rep.Server[n-2].CPUSeconds
		}
		return -1
	}
	sample("start")
	var ingested []int64
	if cfg.articles > 0 {
		fmt.Fprintf(stderr, "loadtest: phase 1: ingesting %d articles with %d workers\n", cfg.articles, cfg.workers)
		ir, ids, events := ingest(ctx, client, cfg)
		rep.Ingest, ingested = ir, ids
		if cpu := sample("after ingest"); cpu >= 0 && ir.Created > 0 {
			ir.ServerCPUMsPerArticle = math.Round(cpu*1e3/float64(ir.Created)*10) / 10
		}
		if len(events) > 0 {
			stories, err := listStories(ctx, client, cfg.base)
			if err != nil {
				fmt.Fprintln(stderr, "loadtest: grouping into stories:", err)
			} else {
				gr := groupingScores(events, storyOfArticle(stories))
				ir.Stories = &gr
			}
		}
	}
	if cfg.duration > 0 {
		targets, err := resolveEndpoints(ctx, client, cfg, ingested)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "loadtest: phase 2: %d endpoints, concurrency %d, for %s\n", len(targets), cfg.concurrency, cfg.duration)
		rep.Read = hammer(ctx, client, cfg, targets)
		if cpu := sample("after read"); cpu >= 0 && rep.Read.Requests > 0 {
			rep.Read.ServerCPUMsPerRequest = math.Round(cpu*1e3/float64(rep.Read.Requests)*1000) / 1000
		}
	}
	if cfg.out == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeText(stdout, rep)
}

// waitReady polls /readyz every 250 ms until it answers 200, for at most
// timeout.
func waitReady(ctx context.Context, client *http.Client, base *url.URL, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last string
	for attempt := 0; time.Now().Before(deadline); attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base.String()+"/readyz", nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = resp.Status
		} else {
			last = err.Error()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
	return fmt.Errorf("%s/readyz did not answer 200 within %s (last: %s)", base, timeout, last)
}

// ingest runs phase 1: the articles are generated and encoded before the
// clock starts, then workers post them in order. It returns the ids of
// the articles created and the event each was generated from.
func ingest(ctx context.Context, client *http.Client, cfg config) (*ingestReport, []int64, map[int64]string) {
	g := NewGenerator(cfg.seed)
	bodies := make([][]byte, cfg.articles)
	events := make([]string, cfg.articles)
	for i := range bodies {
		a := g.Next()
		bodies[i], _ = json.Marshal(a)
		events[i] = a.Event
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.ingestTimeout)
	defer cancel()
	type result struct {
		took   time.Duration
		doneAt time.Duration
		id     int64
		err    string
	}
	results := make([]result, len(bodies))
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range cfg.workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(bodies) || ctx.Err() != nil {
					return
				}
				t0 := time.Now()
				id, err := postArticle(ctx, client, cfg.base, bodies[i])
				results[i] = result{took: time.Since(t0), doneAt: time.Since(start), id: id, err: err}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	rep := &ingestReport{Articles: len(bodies), Workers: cfg.workers, Errors: map[string]int{}, Seconds: elapsed.Seconds()}
	var took, doneAt []time.Duration
	var ids []int64
	eventOf := map[int64]string{}
	for i, r := range results {
		switch {
		case r.id > 0:
			rep.Created++
			ids = append(ids, r.id)
			eventOf[r.id] = events[i]
			took = append(took, r.took)
			doneAt = append(doneAt, r.doneAt)
		case r.err != "":
			rep.Errors[r.err]++
		default:
			rep.Errors["not sent before -ingest-timeout"]++
		}
	}
	if elapsed > 0 {
		rep.PerSecond = float64(rep.Created) / elapsed.Seconds()
	}
	rep.Latency = summarise(took)
	rep.RateByTenth = rateByTenth(doneAt)
	return rep, ids, eventOf
}

// postArticle posts one article and returns its id, or a short error
// kind ("status 500", "transport") to count.
func postArticle(ctx context.Context, client *http.Client, base *url.URL, body []byte) (int64, string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base.String()+"/api/v1/articles", bytes.NewReader(body))
	if err != nil {
		return 0, "request: " + err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, errorKind(ctx, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, errorKind(ctx, err)
	}
	if resp.StatusCode != http.StatusCreated {
		return 0, "status " + strconv.Itoa(resp.StatusCode)
	}
	var a struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal(raw, &a); err != nil || a.ID <= 0 {
		return 0, "bad 201 body"
	}
	return a.ID, ""
}

// target is an endpoint with its placeholders resolved: one URL, or a
// cycle of URLs when it names {article} or {entity}.
type target struct {
	pattern string
	urls    []string
}

// resolveEndpoints fills in {story} (the story with the most articles),
// {article} and {entity}, and checks that every resulting URL answers 200
// before the clock starts.
func resolveEndpoints(ctx context.Context, client *http.Client, cfg config, ingested []int64) ([]target, error) {
	need := strings.Join(cfg.endpoints, " ")
	var story int64
	var articles, entities []int64
	if strings.Contains(need, "{story}") {
		var err error
		if story, err = biggestStory(ctx, client, cfg.base); err != nil {
			return nil, err
		}
	}
	if strings.Contains(need, "{article}") {
		articles = ingested
		if len(articles) == 0 {
			ids, err := listIDs(ctx, client, cfg.base, "/api/v1/articles?limit=500")
			if err != nil {
				return nil, err
			}
			articles = ids
		}
	}
	if strings.Contains(need, "{entity}") {
		ids, err := listIDs(ctx, client, cfg.base, "/api/v1/entities?limit=200")
		if err != nil {
			return nil, err
		}
		entities = ids
	}
	var out []target
	for _, p := range cfg.endpoints {
		p1 := strings.ReplaceAll(p, "{story}", strconv.FormatInt(story, 10))
		var urls []string
		switch {
		case strings.Contains(p1, "{article}"):
			for _, id := range articles {
				urls = append(urls, cfg.base.String()+strings.ReplaceAll(p1, "{article}", strconv.FormatInt(id, 10)))
			}
		case strings.Contains(p1, "{entity}"):
			for _, id := range entities {
				urls = append(urls, cfg.base.String()+strings.ReplaceAll(p1, "{entity}", strconv.FormatInt(id, 10)))
			}
		default:
			urls = []string{cfg.base.String() + p1}
		}
		if len(urls) == 0 {
			return nil, fmt.Errorf("endpoint %s: the server has no ids to fill it with", p)
		}
		if _, status, err := get(ctx, client, urls[0]); err != nil || status != http.StatusOK {
			return nil, fmt.Errorf("endpoint %s: %s answered %d %v before the run; fix the endpoint or the server", p, urls[0], status, err)
		}
		out = append(out, target{pattern: p, urls: urls})
	}
	return out, nil
}

// storyMembers is a story and the ids of its articles.
type storyMembers struct {
	ID       int64
	Articles []int64
}

// listStories pages through GET /api/v1/stories (at most 1,000 pages)
// and returns every story with its article ids.
func listStories(ctx context.Context, client *http.Client, base *url.URL) ([]storyMembers, error) {
	var out []storyMembers
	cursor := ""
	for page := 0; page < 1000; page++ {
		body, status, err := get(ctx, client, base.String()+"/api/v1/stories?limit=500&cursor="+url.QueryEscape(cursor))
		if err != nil || status != http.StatusOK {
			return nil, fmt.Errorf("list stories: status %d %v", status, err)
		}
		var list struct {
			Items []struct {
				ID       int64 `json:"id"`
				Articles []struct {
					ID int64 `json:"id"`
				} `json:"articles"`
			} `json:"items"`
			Next string `json:"next"`
		}
		if err := json.Unmarshal(body, &list); err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		for _, it := range list.Items {
			s := storyMembers{ID: it.ID, Articles: make([]int64, 0, len(it.Articles))}
			for _, a := range it.Articles {
				s.Articles = append(s.Articles, a.ID)
			}
			out = append(out, s)
		}
		if list.Next == "" {
			break
		}
		cursor = list.Next
	}
	return out, nil
}

// biggestStory returns the id of the story with the most articles.
func biggestStory(ctx context.Context, client *http.Client, base *url.URL) (int64, error) {
	stories, err := listStories(ctx, client, base)
	if err != nil {
		return 0, err
	}
	var best int64
	bestN := -1
	for _, s := range stories {
		if len(s.Articles) > bestN {
			best, bestN = s.ID, len(s.Articles)
		}
	}
	if best == 0 {
		return 0, errors.New("the server has no stories: ingest articles first (-articles)")
	}
	return best, nil
}

// storyOfArticle maps each article id to the id of its story.
func storyOfArticle(stories []storyMembers) map[int64]int64 {
	out := map[int64]int64{}
	for _, s := range stories {
		for _, a := range s.Articles {
			out[a] = s.ID
		}
	}
	return out
}

// groupingScores scores the stories of the articles of eventOf (article
// id to the event it reports) against their events; storyOf maps article
// ids to story ids and may hold other articles, which are ignored. An
// article of eventOf missing from storyOf counts as a story of its own.
// Events are listed by articles, most first, then by name.
func groupingScores(eventOf map[int64]string, storyOf map[int64]int64) storiesReport {
	type cell struct {
		story int64
		event string
	}
	ids := slices.Sorted(maps.Keys(eventOf)) // a fixed order, for the sums
	group := func(id int64) int64 {
		if s, ok := storyOf[id]; ok {
			return s
		}
		return -id // alone; article ids are positive, story ids too
	}
	storySize, eventSize, both := map[int64]int{}, map[string]int{}, map[cell]int{}
	var rep storiesReport
	for _, id := range ids {
		if _, ok := storyOf[id]; !ok {
			rep.Unplaced++
		}
		c := cell{group(id), eventOf[id]}
		storySize[c.story]++
		eventSize[c.event]++
		both[c]++
	}
	rep.Stories, rep.Events = len(storySize), len(eventSize)
	if len(ids) == 0 {
		return rep
	}
	for _, id := range ids {
		c := cell{group(id), eventOf[id]}
		rep.Precision += float64(both[c]) / float64(storySize[c.story])
		rep.Recall += float64(both[c]) / float64(eventSize[c.event])
	}
	rep.Precision /= float64(len(ids))
	rep.Recall /= float64(len(ids))
	for ev, n := range eventSize {
		g := eventGrouping{Event: ev, Articles: n}
		best := 0
		for c, k := range both {
			if c.event == ev && c.story > 0 && (k > best || (k == best && c.story < g.Story)) {
				g.Story, best = c.story, k
			}
		}
		g.Share = float64(best) / float64(n)
		rep.ByEvent = append(rep.ByEvent, g)
	}
	slices.SortFunc(rep.ByEvent, func(a, b eventGrouping) int {
		if a.Articles != b.Articles {
			return b.Articles - a.Articles
		}
		return strings.Compare(a.Event, b.Event)
	})
	return rep
}

// listIDs returns the ids of the first page of a listing.
func listIDs(ctx context.Context, client *http.Client, base *url.URL, path string) ([]int64, error) {
	body, status, err := get(ctx, client, base.String()+path)
	if err != nil || status != http.StatusOK {
		return nil, fmt.Errorf("GET %s: status %d %v", path, status, err)
	}
	var list struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	ids := make([]int64, 0, len(list.Items))
	for _, it := range list.Items {
		ids = append(ids, it.ID)
	}
	return ids, nil
}

func get(ctx context.Context, client *http.Client, u string) ([]byte, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return body, resp.StatusCode, err
}

// hammer runs phase 2: cfg.concurrency workers issue GETs back to back
// over keep-alive connections, spreading requests evenly over the
// endpoints, until cfg.duration has passed or cfg.maxRequests were sent.
// Requests in flight at the deadline finish and are counted.
func hammer(ctx context.Context, client *http.Client, cfg config, targets []target) *readReport {
	type stats struct {
		took   [][]time.Duration
		bytes  []int64
		errors []map[string]int
	}
	per := make([]stats, cfg.concurrency)
	var sent atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(cfg.duration)
	for w := range cfg.concurrency {
		st := &per[w]
		st.took = make([][]time.Duration, len(targets))
		st.bytes = make([]int64, len(targets))
		st.errors = make([]map[string]int, len(targets))
		for i := range st.errors {
			st.errors[i] = map[string]int{}
		}
		wg.Go(func() {
			buf := make([]byte, 32<<10)
			for i := w; ; i++ {
				if time.Now().After(deadline) || sent.Add(1) > cfg.maxRequests || ctx.Err() != nil {
					return
				}
				ti := i % len(targets)
				t := targets[ti]
				u := t.urls[(i/len(targets))%len(t.urls)]
				t0 := time.Now()
				n, kind := fetch(ctx, client, u, buf)
				st.took[ti] = append(st.took[ti], time.Since(t0))
				st.bytes[ti] += n
				if kind != "" {
					st.errors[ti][kind]++
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	rep := &readReport{Concurrency: cfg.concurrency, Seconds: elapsed.Seconds()}
	for ti, t := range targets {
		er := endpointReport{Endpoint: t.pattern, Example: strings.TrimPrefix(t.urls[0], cfg.base.String()), Errors: map[string]int{}}
		var took []time.Duration
		var nbytes int64
		for w := range per {
			took = append(took, per[w].took[ti]...)
			nbytes += per[w].bytes[ti]
			for k, n := range per[w].errors[ti] {
				er.Errors[k] += n
				rep.Errors += n
			}
		}
		er.Requests = len(took)
		er.PerSecond = float64(er.Requests) / elapsed.Seconds()
		if er.Requests > 0 {
			er.MeanBytes = nbytes / int64(er.Requests)
		}
		er.Latency = summarise(took)
		rep.Requests += er.Requests
		rep.Endpoints = append(rep.Endpoints, er)
	}
	rep.PerSecond = float64(rep.Requests) / elapsed.Seconds()
	return rep
}

// fetch GETs u and reads the whole body, returning its size and an error
// kind, "" for a 200.
func fetch(ctx context.Context, client *http.Client, u string, buf []byte) (int64, string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, "request"
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, errorKind(ctx, err)
	}
	defer resp.Body.Close()
	n, err := io.CopyBuffer(io.Discard, resp.Body, buf)
	switch {
	case err != nil:
		return n, errorKind(ctx, err)
	case resp.StatusCode != http.StatusOK:
		return n, "status " + strconv.Itoa(resp.StatusCode)
	}
	return n, ""
}

// errorKind names a failed request for the error counts: cut off by
// the run's own deadline, timed out (-timeout), or any other transport
// failure.
func errorKind(ctx context.Context, err error) string {
	var ne net.Error
	switch {
	case ctx.Err() != nil:
		return "cancelled at the deadline"
	case errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	default:
		return "transport"
	}
}

// summarise gives nearest-rank percentiles of d in milliseconds.
func summarise(d []time.Duration) latency {
	if len(d) == 0 {
		return latency{}
	}
	s := slices.Clone(d)
	slices.Sort(s)
	ms := func(x time.Duration) float64 { return math.Round(float64(x)/1e4) / 100 }
	rank := func(p float64) time.Duration {
		i := int(math.Ceil(p/100*float64(len(s)))) - 1
		return s[min(max(i, 0), len(s)-1)]
	}
	var sum time.Duration
	for _, x := range s {
		sum += x
	}
	return latency{P50: ms(rank(50)), P90: ms(rank(90)), P95: ms(rank(95)), P99: ms(rank(99)),
		Max: ms(s[len(s)-1]), Mean: ms(sum / time.Duration(len(s)))}
}

// rateByTenth splits completion times into tenths of the count and
// returns the rate of each tenth, in items per second.
func rateByTenth(doneAt []time.Duration) []float64 {
	if len(doneAt) < 10 {
		return nil
	}
	s := slices.Clone(doneAt)
	slices.Sort(s)
	out := make([]float64, 10)
	prev := time.Duration(0)
	for k := range 10 {
		lo, hi := k*len(s)/10, (k+1)*len(s)/10
		end := s[hi-1]
		if secs := (end - prev).Seconds(); secs > 0 {
			out[k] = math.Round(float64(hi-lo)/secs*10) / 10
		}
		prev = end
	}
	return out
}

// clockTicks is USER_HZ, the unit of the CPU times in /proc/<pid>/stat:
// 100 on every Linux architecture Go supports.
const clockTicks = 100

// readServer reads the memory (VmRSS, VmHWM from /proc/<pid>/status) and
// CPU time (utime + stime from /proc/<pid>/stat) of pid, and the
// machine's load average.
func readServer(pid int, at string) (serverSample, error) {
	m := serverSample{At: at}
	dir := "/proc/" + strconv.Itoa(pid)
	f, err := os.Open(dir + "/status")
	if err != nil {
		return m, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || (k != "VmRSS" && k != "VmHWM") {
			continue
		}
		fields := strings.Fields(v)
		if len(fields) == 0 {
			continue
		}
		n, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return m, fmt.Errorf("%s/status: %s: %w", dir, k, err)
		}
		if k == "VmRSS" {
			m.RSSKiB = n
		} else {
			m.HWMKiB = n
		}
	}
	if err := sc.Err(); err != nil {
		return m, err
	}
	if m.RSSKiB == 0 {
		return m, fmt.Errorf("%s/status has no VmRSS", dir)
	}
	stat, err := os.ReadFile(dir + "/stat")
	if err != nil {
		return m, err
	}
	// The command name (field 2) is in parentheses and may hold spaces;
	// utime and stime are fields 14 and 15, so 12th and 13th after it.
	i := bytes.LastIndexByte(stat, ')')
	fields := strings.Fields(string(stat[i+1:]))
	if i < 0 || len(fields) < 13 {
		return m, fmt.Errorf("%s/stat: unexpected format", dir)
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return m, fmt.Errorf("%s/stat: %w", dir, err)
	}
	m.CPUSeconds = float64(utime+stime) / clockTicks
	if la, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(la)); len(f) > 0 {
			m.LoadAvg1, _ = strconv.ParseFloat(f[0], 64)
		}
	}
	return m, nil
}

func writeText(w io.Writer, rep report) error {
	fmt.Fprintf(w, "server %s\n", rep.Addr)
	if r := rep.Ingest; r != nil {
		fmt.Fprintf(w, "\nphase 1: ingest of %d articles, %d workers\n", r.Articles, r.Workers)
		fmt.Fprintf(w, "  created %d in %.1f s: %.2f articles/s; errors %d %v\n", r.Created, r.Seconds, r.PerSecond, total(r.Errors), r.Errors)
		fmt.Fprintf(w, "  articles/s by tenth: %v\n", r.RateByTenth)
		fmt.Fprintf(w, "  latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n", r.Latency.P50, r.Latency.P95, r.Latency.P99, r.Latency.Max)
		if r.ServerCPUMsPerArticle > 0 {
			fmt.Fprintf(w, "  server CPU per article: %.1f ms\n", r.ServerCPUMsPerArticle)
		}
		if st := r.Stories; st != nil {
			writeStories(w, st)
		}
	}
	if r := rep.Read; r != nil {
		fmt.Fprintf(w, "\nphase 2: reads, concurrency %d, %.1f s: %d requests, %.0f/s, %d errors\n", r.Concurrency, r.Seconds, r.Requests, r.PerSecond, r.Errors)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "endpoint\trequests\treq/s\tp50 ms\tp90 ms\tp99 ms\tmax ms\tmean bytes\terrors\t\n")
		for _, e := range r.Endpoints {
			fmt.Fprintf(tw, "%s\t%d\t%.0f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t\n", e.Example, e.Requests, e.PerSecond,
				e.Latency.P50, e.Latency.P90, e.Latency.P99, e.Latency.Max, e.MeanBytes, total(e.Errors))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if r.ServerCPUMsPerRequest > 0 {
			fmt.Fprintf(w, "  server CPU per request: %.3f ms\n", r.ServerCPUMsPerRequest)
		}
		for _, e := range r.Endpoints {
			if len(e.Errors) > 0 {
				fmt.Fprintf(w, "  errors of %s: %v\n", e.Example, e.Errors)
			}
		}
	}
	if len(rep.Server) > 0 {
		fmt.Fprintf(w, "\nserver process\n")
		for _, m := range rep.Server {
			fmt.Fprintf(w, "  %-13s RSS %4.0f MiB  peak %4.0f MiB  CPU %7.1f s  (machine load %.1f)\n",
				m.At, float64(m.RSSKiB)/1024, float64(m.HWMKiB)/1024, m.CPUSeconds, m.LoadAvg1)
		}
	}
	return nil
}

// writeStories prints how the ingested articles were grouped.
func writeStories(w io.Writer, st *storiesReport) {
	fmt.Fprintf(w, "  stories: %d for %d events; B-cubed precision %.2f recall %.2f", st.Stories, st.Events, st.Precision, st.Recall)
	if st.Unplaced > 0 {
		fmt.Fprintf(w, "; %d articles in no story", st.Unplaced)
	}
	fmt.Fprintln(w)
	for _, e := range st.ByEvent {
		fmt.Fprintf(w, "    %s: %d articles, %.0f%% in story %d\n", e.Event, e.Articles, e.Share*100, e.Story)
	}
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
