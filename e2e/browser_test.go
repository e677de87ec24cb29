package e2e

// The browser tests drive the real server, built over a fresh SQLite file
// with the seed articles and served by httptest, from headless Chromium
// through chromedp. Page scripts are switched off in every tab
// (Emulation.setScriptExecutionDisabled), so each page read and each form
// submitted here also proves the page needs no JavaScript; the test's own
// DevTools evaluations still run. Every page is checked for console errors,
// failed loads and script elements.
//
// Chromium is /usr/bin/chromium (Debian's chromium package, with
// fonts-wqy-microhei and fonts-noto-core for Chinese and Arabic glyphs).
// Without it the tests skip, except under CI, where they fail.
//
// Screenshots (full-page PNG, 1280 CSS pixels wide) go to the directory
// named by INTERLINEAR_ARTIFACTS, else to a temporary directory; with
// -update-screenshots they are also written to docs/screenshots.

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image/png"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"interlinear/internal/testengines"
	"interlinear/server"
	"interlinear/server/store"
)

var browserUpdateScreenshots = flag.Bool("update-screenshots", false, "also write the browser tests' screenshots into docs/screenshots at the repository root")

const (
	// browserExecPath is where Debian's chromium package puts the browser.
	browserExecPath = "/usr/bin/chromium"
	// browserTimeout bounds each test: server, browser and every step.
	browserTimeout = 60 * time.Second
	// The viewport of every page, in CSS pixels.
	browserWidth, browserHeight = 1280, 900
	// browserMaxShotHeight caps a full-page screenshot, so a long story
	// page stays a reasonably sized file.
	browserMaxShotHeight = 8000
)

// browserEnv is one seeded server and one browser tab looking at it.
type browserEnv struct {
	base   string          // the server's URL
	ctx    context.Context // the chromedp tab
	client *http.Client
	shots  string // directory the screenshots go to

	mu       sync.Mutex
	problems []string // console errors and failed loads since the last check
}

func newBrowserEnv(t *testing.T) *browserEnv {
	t.Helper()
	if _, err := os.Stat(browserExecPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("browser tests need Chromium at %s under CI (apt-get install chromium fonts-wqy-microhei fonts-noto-core): %v", browserExecPath, err)
		}
		t.Skipf("no Chromium at %s: %v", browserExecPath, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	t.Cleanup(cancel)

	st, _, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "interlinear.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := server.New(server.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	p, al := testengines.Engines(t)
	if err := srv.Start(ctx, p, al, true); err != nil {
		t.Fatal(err)
	}
	t.Logf("server ready with the seeds in %v", time.Since(start).Round(time.Millisecond))
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)

	b := &browserEnv{base: ts.URL, client: ts.Client(), shots: os.Getenv("INTERLINEAR_ARTIFACTS")}
	if b.shots == "" {
		b.shots = t.TempDir()
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browserExecPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(browserWidth, browserHeight),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(ctx, opts...)
	tabCtx, tabCancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		if err := chromedp.Cancel(tabCtx); err != nil {
			t.Logf("closing the browser: %v", err)
		}
		tabCancel()
		allocCancel()
	})
	start = time.Now()
	if err := chromedp.Do(tabCtx); err != nil {
		t.Fatalf("start %s: %v", browserExecPath, err)
	}
	t.Logf("browser started in %v", time.Since(start).Round(time.Millisecond))
	b.ctx = tabCtx
	if err := chromedp.Listen(tabCtx, b.onEvent); err != nil {
		t.Fatal(err)
	}
	// Errors that arrive after the last page's check (a late favicon
	// request) still count; this runs before the browser closes.
	t.Cleanup(func() { b.consoleCheck(t, "at the end") })
	if _, err := chromedp.Call(tabCtx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tabCtx, chromedp.EmulateViewport(browserWidth, browserHeight)); err != nil {
		t.Fatal(err)
	}
	return b
}

// onEvent records what the DevTools console would show in red. It runs in
// the tab's event loop, so it only appends under the lock.
func (b *browserEnv) onEvent(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if a.Value != nil {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			msg = fmt.Sprintf("console.%s(%s)", ev.Type, strings.Join(args, ", "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg = "uncaught exception: " + d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
	case *cdplog.EventEntryAdded:
		if e := ev.Entry; e.Level == cdplog.EntryLevelError {
			msg = fmt.Sprintf("%s error: %s %s", e.Source, e.Text, e.URL)
		}
	}
	if msg != "" {
		b.mu.Lock()
		b.problems = append(b.problems, msg)
		b.mu.Unlock()
	}
}

// consoleCheck fails the test for every console error since the last
// check. A failed load (a favicon, a stylesheet) counts: DevTools shows it
// in red like any other error.
func (b *browserEnv) consoleCheck(t *testing.T, what string) {
	t.Helper()
	b.mu.Lock()
	problems := b.problems
	b.problems = nil
	b.mu.Unlock()
	for _, p := range problems {
		hint := ""
		if strings.Contains(p, "/favicon.ico") {
			hint = ` (the layout declares no icon, so the browser asks for /favicon.ico: add <link rel="icon" href="data:,"> or a real icon to layout.html)`
		}
		t.Errorf("%s: console: %s%s", what, p, hint)
	}
}

// check fails the test for console errors, and for a page that has no
// heading, lacks its stylesheet or carries any script.
func (b *browserEnv) check(t *testing.T, what string) {
	t.Helper()
	b.consoleCheck(t, what)
	type pageFacts struct {
		H1       string   `json:"h1"`
		Scripts  int      `json:"scripts"`
		Handlers []string `json:"handlers"`
		JSLinks  int      `json:"jsLinks"`
		Styled   bool     `json:"styled"`
	}
	f := browserEval[pageFacts](t, b, `(() => ({
		h1: (document.querySelector("main h1") || {textContent: ""}).textContent.trim(),
		scripts: document.scripts.length,
		handlers: [...document.querySelectorAll("*")].flatMap(e =>
			[...e.attributes].filter(a => /^on/i.test(a.name)).map(a => e.tagName.toLowerCase() + "@" + a.name)),
		jsLinks: document.querySelectorAll('[href^="javascript:" i], [action^="javascript:" i]').length,
		styled: document.styleSheets.length > 0 && getComputedStyle(document.body).margin === "0px",
	}))()`)
	if f.H1 == "" {
		t.Errorf("%s: the page has no heading", what)
	}
	if f.Scripts != 0 || len(f.Handlers) != 0 || f.JSLinks != 0 {
		t.Errorf("%s: got %d scripts, handlers %q, %d javascript: links, want none", what, f.Scripts, f.Handlers, f.JSLinks)
	}
	if !f.Styled {
		t.Errorf("%s: the stylesheet did not apply", what)
	}
}

// open loads a page, wants 200, and checks it.
func (b *browserEnv) open(t *testing.T, path string) {
	t.Helper()
	resp, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(b.base+path))
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	if resp.Status != http.StatusOK {
		t.Fatalf("open %s: got status %d, want 200", path, resp.Status)
	}
	b.check(t, path)
}

// submit clicks a form's button, follows the redirect, wants 200 and
// checks the page it lands on, whose path it returns.
func (b *browserEnv) submit(t *testing.T, button string) string {
	t.Helper()
	resp, err := chromedp.RunResponse(b.ctx, chromedp.Click(chromedp.CSS(button)))
	if err != nil {
		t.Fatalf("submit %s: %v", button, err)
	}
	if resp.Status != http.StatusOK {
		t.Fatalf("submit %s: got status %d, want 200", button, resp.Status)
	}
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	path := strings.TrimPrefix(loc, b.base)
	b.check(t, "after "+button+" → "+path)
	return path
}

// browserEval evaluates a JavaScript expression in the page and decodes
// its value. DevTools evaluation runs although page scripts are off.
func browserEval[T any](t *testing.T, b *browserEnv, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %.80q: %v", expr, err)
	}
	return v
}

// browserJS quotes a Go string as a JavaScript string literal.
func browserJS(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// screenshot saves the whole page as name.png.
func (b *browserEnv) screenshot(t *testing.T, name string) {
	t.Helper()
	shot, err := chromedp.Run(b.ctx, browserFullPage())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if cfg.Width != browserWidth {
		t.Errorf("screenshot %s: got width %d, want %d", name, cfg.Width, browserWidth)
	}
	dirs := []string{b.shots}
	if *browserUpdateScreenshots {
		dirs = append(dirs, filepath.Join(browserRepoRoot(t), "docs", "screenshots"))
	}
	for _, dir := range dirs {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshot %s.png: %d×%d, %d KiB", name, cfg.Width, cfg.Height, len(shot)>>10)
}

// browserFullPage captures the page's whole content (up to
// browserMaxShotHeight), not only the viewport, as a PNG.
func browserFullPage() chromedp.Action[[]byte] {
	return func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		m, err := cdp.Call(ctx, t, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		h := math.Min(math.Ceil(m.CSSContentSize.Height), browserMaxShotHeight)
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format:                page.CaptureScreenshotFormatPng,
			Clip:                  &page.Viewport{Width: browserWidth, Height: h, Scale: 1},
			FromSurface:           new(true),
			CaptureBeyondViewport: new(true),
		})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}
}

// browserRepoRoot is the directory holding go.mod, above the test's.
func browserRepoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// api sends a JSON request to the server, wants the status and decodes
// the answer into out (when not nil).
func (b *browserEnv) api(t *testing.T, method, path string, body any, want int, out any) {
	t.Helper()
	var r io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, b.base+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := b.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != want {
		t.Fatalf("%s %s: got %d, want %d: %.300s", method, path, resp.StatusCode, want, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s %s: %v: %.300s", method, path, err, raw)
		}
	}
}

// entity finds, through the API, the entity whose canonical name is given.
func (b *browserEnv) entity(t *testing.T, canonical string) server.EntityJSON {
	t.Helper()
	var list server.ListJSON[server.EntityJSON]
	b.api(t, "GET", "/api/v1/entities?q="+canonical, nil, http.StatusOK, &list)
	for _, e := range list.Items {
		if e.Canonical == canonical {
			var full server.EntityJSON
			b.api(t, "GET", "/api/v1/entities/"+strconv.FormatInt(e.ID, 10), nil, http.StatusOK, &full)
			return full
		}
	}
	t.Fatalf("no entity with canonical name %q among %d", canonical, len(list.Items))
	return server.EntityJSON{}
}

// storyOf returns the story most of whose articles mention the entity: for
// Hmeimim, the story of the visit.
func (b *browserEnv) storyOf(t *testing.T, entity int64) server.StoryJSON {
	t.Helper()
	var stories server.ListJSON[server.StoryJSON]
	b.api(t, "GET", "/api/v1/stories?limit=100", nil, http.StatusOK, &stories)
	best, bestN := server.StoryJSON{}, 0
	for _, s := range stories.Items {
		n := 0
		for _, a := range s.Articles {
			if b.mentions(t, a.ID, entity) {
				n++
			}
		}
		if n > bestN {
			best, bestN = s, n
		}
	}
	if bestN == 0 {
		t.Fatalf("no story has an article that mentions entity %d", entity)
	}
	return best
}

func (b *browserEnv) mentions(t *testing.T, article, entity int64) bool {
	t.Helper()
	var a server.ArticleJSON
	b.api(t, "GET", "/api/v1/articles/"+strconv.FormatInt(article, 10), nil, http.StatusOK, &a)
	for _, p := range a.Passages {
		for _, m := range p.Mentions {
			if m.EntityID == entity {
				return true
			}
		}
	}
	return false
}

// The Arabic report of the visit posted by the tests: Putin at Hmeimim,
// the withdrawal order, the meeting with Assad.
const (
	browserArabicOutlet = "روسيا اليوم"
	browserArabicTitle  = "بوتين يزور قاعدة حميميم ويأمر ببدء سحب القوات الروسية من سوريا"
	browserArabicText   = `قام الرئيس الروسي فلاديمير بوتين يوم الاثنين بزيارة مفاجئة إلى قاعدة حميميم الجوية في محافظة اللاذقية السورية، في أول زيارة له إلى سوريا منذ بدء العملية العسكرية الروسية.

وأمر بوتين وزير الدفاع سيرغي شويغو ببدء سحب الجزء الأكبر من القوات الروسية المنتشرة في سوريا وإعادتها إلى مواقعها الدائمة في روسيا.

والتقى بوتين في القاعدة الرئيس السوري بشار الأسد، الذي شكره على مساعدة روسيا في مكافحة الإرهاب والحفاظ على وحدة سوريا.

وقال بوتين أمام العسكريين الروس إن الوطن ينتظرهم، وإنهم يعودون إلى ديارهم منتصرين.

وأضاف أن روسيا ستحتفظ بقاعدة حميميم وبمنشأتها البحرية في طرطوس، وأنها سترد بضربات قوية إذا رفع الإرهابيون رؤوسهم من جديد.`
)

// postArabic posts the Arabic report through the JSON API, wants it read
// as Arabic, and makes sure it is in the story: moved there with PUT
// /api/v1/articles/{id}/story when ingest put it elsewhere.
func (b *browserEnv) postArabic(t *testing.T, story server.StoryJSON) server.ArticleJSON {
	t.Helper()
	var a server.ArticleJSON
	b.api(t, "POST", "/api/v1/articles", map[string]string{
		"outlet": browserArabicOutlet, "title": browserArabicTitle, "published_at": "2017-12-11", "text": browserArabicText,
	}, http.StatusCreated, &a)
	if a.Language.Code != "ar" {
		t.Errorf("Arabic article: got language %q, want %q", a.Language.Code, "ar")
	}
	var now server.StoryJSON
	b.api(t, "GET", "/api/v1/stories/"+strconv.FormatInt(story.ID, 10), nil, http.StatusOK, &now)
	for _, art := range now.Articles {
		if art.ID == a.ID {
			t.Logf("ingest put the Arabic article %d into story %d", a.ID, story.ID)
			return a
		}
	}
	t.Logf("ingest left the Arabic article %d out of story %d: moving it there", a.ID, story.ID)
	b.api(t, "PUT", fmt.Sprintf("/api/v1/articles/%d/story", a.ID), map[string]int64{"story": story.ID}, http.StatusOK, &now)
	for _, art := range now.Articles {
		if art.ID == a.ID {
			return a
		}
	}
	t.Fatalf("after the move, story %d does not list article %d", story.ID, a.ID)
	return a
}

func TestBrowserStoryList(t *testing.T) {
	b := newBrowserEnv(t)
	hm := b.entity(t, "Hmeimim")
	story := b.storyOf(t, hm.ID)
	b.postArabic(t, story)
	b.api(t, "GET", "/api/v1/stories/"+strconv.FormatInt(story.ID, 10), nil, http.StatusOK, &story)

	b.open(t, "/stories")
	type row struct {
		Href      string   `json:"href"`
		Title     string   `json:"title"`
		Articles  string   `json:"articles"`
		Outlets   []string `json:"outlets"`
		Languages []string `json:"languages"`
	}
	rows := browserEval[[]row](t, b, `[...document.querySelectorAll("table.list tbody tr")].map(tr => ({
		href: tr.querySelector("td a").getAttribute("href"),
		title: tr.querySelector("td a").textContent.trim(),
		articles: tr.cells[1].textContent.trim(),
		outlets: [...tr.cells[2].querySelectorAll("bdi")].map(e => e.textContent),
		languages: [...tr.cells[3].querySelectorAll(".badge")].map(e => e.textContent),
	}))`)
	want := "/stories/" + strconv.FormatInt(story.ID, 10)
	var got *row
	for i := range rows {
		if rows[i].Href == want {
			got = &rows[i]
		}
	}
	if got == nil {
		t.Fatalf("the story list has no link to %s (the Hmeimim story %q) among %d rows", want, story.Title, len(rows))
	}
	if got.Title != story.Title {
		t.Errorf("story title: got %q, want %q", got.Title, story.Title)
	}
	if n := strconv.Itoa(len(story.Articles)); got.Articles != n {
		t.Errorf("article count: got %q, want %q", got.Articles, n)
	}
	if strings.Join(got.Outlets, "|") != strings.Join(story.Outlets, "|") {
		t.Errorf("outlets: got %q, want %q", got.Outlets, story.Outlets)
	}
	if strings.Join(got.Languages, "|") != strings.Join(story.Languages, "|") || !slices.Contains(got.Languages, "ar") {
		t.Errorf("languages: got %q, want %q with ar", got.Languages, story.Languages)
	}
	b.screenshot(t, "stories")
}

func TestBrowserStorySideBySide(t *testing.T) {
	b := newBrowserEnv(t)
	hm := b.entity(t, "Hmeimim")
	story := b.storyOf(t, hm.ID)
	ar := b.postArabic(t, story)

	b.open(t, "/stories/"+strconv.FormatInt(story.ID, 10))
	type column struct {
		Outlet string `json:"outlet"`
		Lang   string `json:"lang"`
	}
	cols := browserEval[[]column](t, b, `[...document.querySelectorAll("table.aligned thead th")].slice(1).map(th => ({
		outlet: th.querySelector("a").textContent.trim(),
		lang: th.querySelector(".badge").textContent.trim(),
	}))`)
	var arCols, enCols int
	for _, c := range cols {
		switch c.Lang {
		case "ar":
			arCols++
			if c.Outlet != browserArabicOutlet {
				t.Errorf("Arabic column: got outlet %q, want %q", c.Outlet, browserArabicOutlet)
			}
		case "en":
			enCols++
		}
	}
	if arCols != 1 || enCols < 1 {
		t.Fatalf("columns %+v: got %d Arabic and %d English, want 1 and at least 1", cols, arCols, enCols)
	}

	// Side by side: rows where an Arabic passage and an English one sit in
	// the same row, apart horizontally and level vertically as rendered.
	type layout struct {
		Rows       int `json:"rows"`
		SideBySide int `json:"sideBySide"`
		Overlap    int `json:"overlap"`
	}
	l := browserEval[layout](t, b, `(() => {
		const out = {rows: 0, sideBySide: 0, overlap: 0};
		for (const tr of document.querySelectorAll("table.aligned tbody tr.group")) {
			out.rows++;
			const a = tr.querySelector('p.passage[lang="ar"]'), e = tr.querySelector('p.passage[lang="en"]');
			if (!a || !e) continue;
			const ra = a.getBoundingClientRect(), re = e.getBoundingClientRect();
			const apart = ra.left >= re.right || re.left >= ra.right;
			const level = Math.abs(ra.top - re.top) < 1;
			if (apart && level) out.sideBySide++; else out.overlap++;
		}
		return out;
	})()`)
	if l.SideBySide == 0 || l.Overlap != 0 {
		t.Errorf("of %d aligned rows, got %d with Arabic and English side by side and %d misplaced, want at least 1 and 0", l.Rows, l.SideBySide, l.Overlap)
	}
	t.Logf("%d aligned rows, %d with the Arabic report beside an English one", l.Rows, l.SideBySide)

	// Direction as computed by the browser, and highlighted names.
	type passages struct {
		Dirs     []string `json:"dirs"`
		Count    int      `json:"count"`
		Names    int      `json:"names"`
		NameHref []string `json:"hrefs"`
	}
	probe := func(lang, spelling string) passages {
		return browserEval[passages](t, b, `(() => {
			const ps = [...document.querySelectorAll('table.aligned p.passage[lang=`+browserJS(lang)+`]')];
			const names = ps.flatMap(p => [...p.querySelectorAll("a.name")]);
			return {
				dirs: [...new Set(ps.map(p => getComputedStyle(p).direction))],
				count: ps.length,
				names: names.length,
				hrefs: [...new Set(names.filter(a => a.textContent === `+browserJS(spelling)+`).map(a => a.getAttribute("href")))],
			};
		})()`)
	}
	hmHref := "/entities/" + strconv.FormatInt(hm.ID, 10)
	for _, c := range []struct{ lang, dir, spelling string }{
		{"ar", "rtl", "حميميم"},
		{"en", "ltr", "Hmeimim"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			p := probe(c.lang, c.spelling)
			if p.Count == 0 {
				t.Fatalf("no %s passage in the side-by-side table", c.lang)
			}
			if len(p.Dirs) != 1 || p.Dirs[0] != c.dir {
				t.Errorf("computed direction of %d %s passages: got %q, want only %q", p.Count, c.lang, p.Dirs, c.dir)
			}
			if p.Names == 0 {
				t.Errorf("no highlighted name (a.name) in the %s passages", c.lang)
			}
			if len(p.NameHref) != 1 || p.NameHref[0] != hmHref {
				t.Errorf("%+q highlighted in %s: got links %q, want %q", c.spelling, c.lang, p.NameHref, hmHref)
			}
		})
	}
	b.screenshot(t, "story")

	// The Arabic article's own page reads right to left too.
	b.open(t, "/articles/"+strconv.FormatInt(ar.ID, 10))
	dirs := browserEval[[]string](t, b, `[...new Set([...document.querySelectorAll("article.article h1, article.article p.passage")].map(e => getComputedStyle(e).direction))]`)
	if len(dirs) != 1 || dirs[0] != "rtl" {
		t.Errorf("Arabic article page: got heading and passage directions %q, want only %q", dirs, "rtl")
	}
	b.screenshot(t, "article-ar")
}

func TestBrowserEntitySpellings(t *testing.T) {
	b := newBrowserEnv(t)
	hm := b.entity(t, "Hmeimim")
	b.postArabic(t, b.storyOf(t, hm.ID))
	hm = b.entity(t, "Hmeimim")

	b.open(t, "/entities/"+strconv.FormatInt(hm.ID, 10))
	if h1 := browserEval[string](t, b, `document.querySelector("main h1").textContent`); h1 != hm.Preferred {
		t.Errorf("heading: got %q, want %q", h1, hm.Preferred)
	}
	type spelling struct {
		Spelling string         `json:"spelling"`
		Dir      string         `json:"dir"`
		Outlets  map[string]int `json:"outlets"`
	}
	rows := browserEval[[]spelling](t, b, `[...document.querySelector("table.list").tBodies[0].rows].map(tr => ({
		spelling: tr.cells[0].textContent.trim(),
		dir: getComputedStyle(tr.cells[0]).direction,
		outlets: Object.fromEntries([...tr.cells[3].querySelectorAll("bdi")].map(e =>
			[e.textContent, +((e.nextSibling && e.nextSibling.textContent.match(/\((\d+)\)/)) || [0, 0])[1]])),
	}))`)
	page := map[string]spelling{}
	for _, r := range rows {
		page[r.Spelling] = r
	}
	for _, want := range []string{"Hmeimim", "Khmeimim", "حميميم"} {
		if _, ok := page[want]; !ok {
			t.Errorf("the entity page lacks the spelling %+q (has %d rows)", want, len(rows))
		}
	}
	for _, v := range hm.Variants {
		t.Run(fmt.Sprintf("%+q", v.Spelling), func(t *testing.T) {
			r, ok := page[v.Spelling]
			if !ok {
				t.Fatalf("no row for %+q", v.Spelling)
			}
			for o, n := range v.Outlets {
				if r.Outlets[o] != n {
					t.Errorf("outlet %+q: got %d mentions on the page, want %d (API)", o, r.Outlets[o], n)
				}
			}
			if len(r.Outlets) != len(v.Outlets) {
				t.Errorf("got outlets %v, want %v", r.Outlets, v.Outlets)
			}
			want := "ltr"
			if v.Script == "Arab" || v.Language == "ar" {
				want = "rtl"
			}
			if r.Dir != want {
				t.Errorf("got direction %q, want %q", r.Dir, want)
			}
		})
	}
	if got := page["حميميم"].Outlets[browserArabicOutlet]; got == 0 {
		t.Errorf("حميميم: got no mention by %+q", browserArabicOutlet)
	}
	b.screenshot(t, "entity")

	// The spellings table: the Hmeimim row is divergent, and each outlet
	// column shows its own spelling.
	b.open(t, "/variants")
	type vrow struct {
		Divergent bool              `json:"divergent"`
		Cells     map[string]string `json:"cells"`
	}
	vr := browserEval[*vrow](t, b, `(() => {
		const t = document.querySelector("table.variants");
		const outlets = [...t.tHead.rows[0].cells].slice(1).map(th => th.textContent.trim());
		const tr = [...t.tBodies[0].rows].find(tr => tr.cells[0].querySelector("a").getAttribute("href") === `+browserJS("/entities/"+strconv.FormatInt(hm.ID, 10))+`);
		if (!tr) return null;
		return {
			divergent: tr.classList.contains("divergent"),
			cells: Object.fromEntries(outlets.map((o, i) => [o, tr.cells[i + 1].textContent.trim()])),
		};
	})()`)
	if vr == nil {
		t.Fatalf("/variants has no row for entity %d", hm.ID)
	}
	if !vr.Divergent {
		t.Errorf("Hmeimim row: not marked divergent")
	}
	if got := vr.Cells[browserArabicOutlet]; got != "حميميم" {
		t.Errorf("Hmeimim row, %+q column: got %+q, want %+q", browserArabicOutlet, got, "حميميم")
	}
	if got := vr.Cells["Unattributed news site (003)"]; got != "Khmeimim" {
		t.Errorf("Hmeimim row, outlet 003: got %q, want %q", got, "Khmeimim")
	}
	b.screenshot(t, "variants")
}

func TestBrowserHouseSpellingForm(t *testing.T) {
	b := newBrowserEnv(t)
	hm := b.entity(t, "Hmeimim")
	const want = "Khmeimim"
	if hm.Preferred == want {
		t.Fatalf("house spelling is already %q", want)
	}
	path := "/entities/" + strconv.FormatInt(hm.ID, 10)
	b.open(t, path)

	field := chromedp.CSS(`#preferred-form input[name="spelling"]`)
	if err := chromedp.Do(b.ctx, chromedp.Clear(field), chromedp.SendKeys(field, want)); err != nil {
		t.Fatal(err)
	}
	if got, err := chromedp.Run(b.ctx, chromedp.Value(field)); err != nil || got != want {
		t.Fatalf("typed into the field: got %q (%v), want %q", got, err, want)
	}
	if got := b.submit(t, "#preferred-form button"); got != path {
		t.Errorf("after submitting: got page %q, want %q", got, path)
	}

	var api server.EntityJSON
	b.api(t, "GET", "/api/v1/entities/"+strconv.FormatInt(hm.ID, 10), nil, http.StatusOK, &api)
	if api.Preferred != want {
		t.Errorf("API preferred: got %q, want %q", api.Preferred, want)
	}
	if api.PreferredBy == hm.PreferredBy {
		t.Errorf("API preferred_by: still %q after the desk set it", api.PreferredBy)
	}
	type facts struct {
		H1    string `json:"h1"`
		Value string `json:"value"`
		Meta  string `json:"meta"`
		Title string `json:"title"`
	}
	f := browserEval[facts](t, b, `({
		h1: document.querySelector("main h1").textContent,
		value: document.querySelector('#preferred-form input[name="spelling"]').value,
		meta: document.querySelector("main p.meta").textContent,
		title: document.title,
	})`)
	if f.H1 != want || f.Value != want {
		t.Errorf("page: got heading %q and field %q, want %q", f.H1, f.Value, want)
	}
	if !strings.Contains(f.Meta, "house spelling set by "+api.PreferredBy) {
		t.Errorf("page meta %q does not say the house spelling was set by %q", f.Meta, api.PreferredBy)
	}
	if !strings.HasPrefix(f.Title, want+" ") {
		t.Errorf("page title: got %q, want it to start with %q", f.Title, want)
	}

	// The spellings table names the entity by its new house spelling.
	b.open(t, "/variants")
	got := browserEval[string](t, b, `(document.querySelector('table.variants a[href=`+browserJS(path)+`]') || {textContent: ""}).textContent`)
	if got != want {
		t.Errorf("/variants: got %q for the entity, want %q", got, want)
	}
}

func TestBrowserAddArticleForm(t *testing.T) {
	b := newBrowserEnv(t)
	const (
		outlet = "Reuters"
		title  = "Putin visits Russian air base in Syria, orders partial pullout"
	)
	sentences := []string{
		"Russian President Vladimir Putin made a surprise visit to the Hmeimim air base in Syria on Monday.",
		"He ordered Defence Minister Sergei Shoigu to begin withdrawing a significant part of Russia's forces from the country.",
		"Putin was met at the base by Syrian President Bashar al-Assad.",
	}
	body := strings.Join(sentences, " ") + "\n\n" + "Russia will keep its naval facility in Tartus and the air base, Putin said, adding that the troops were coming home victorious."

	b.open(t, "/articles/new")
	if err := chromedp.Do(b.ctx,
		chromedp.SendKeys(chromedp.CSS(`form.add input[name="outlet"]`), outlet),
		chromedp.SendKeys(chromedp.CSS(`form.add input[name="title"]`), title),
		chromedp.Focus(chromedp.CSS(`form.add textarea[name="body"]`)),
	); err != nil {
		t.Fatal(err)
	}
	// Paste: the text arrives in one piece, as from the clipboard.
	if _, err := chromedp.Call(b.ctx, input.InsertText, input.InsertTextParams{Text: body}); err != nil {
		t.Fatal(err)
	}
	if got, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(`form.add textarea[name="body"]`))); err != nil || got != body {
		t.Fatalf("pasted body: got %q (%v), want %q", got, err, body)
	}
	path := b.submit(t, "form.add button")
	m := regexp.MustCompile(`^/articles/(\d+)$`).FindStringSubmatch(path)
	if m == nil {
		t.Fatalf("after submitting: got page %q, want /articles/{id}", path)
	}

	type facts struct {
		H1     string   `json:"h1"`
		Lang   string   `json:"lang"`
		Badge  string   `json:"badge"`
		Text   string   `json:"text"`
		PLangs []string `json:"plangs"`
		Meta   string   `json:"meta"`
	}
	f := browserEval[facts](t, b, `(() => {
		const a = document.querySelector("article.article");
		return {
			h1: a.querySelector("h1").textContent,
			lang: a.lang,
			badge: a.querySelector("p.meta .badge").textContent,
			text: [...a.querySelectorAll("p.passage .text")].map(p => p.textContent).join(" "),
			plangs: [...new Set([...a.querySelectorAll("p.passage")].map(p => p.lang))],
			meta: a.querySelector("p.meta").textContent,
		};
	})()`)
	if f.H1 != title {
		t.Errorf("heading: got %q, want %q", f.H1, title)
	}
	if f.Badge != "en" || f.Lang != "en" {
		t.Errorf("language: got badge %q and lang %q, want %q", f.Badge, f.Lang, "en")
	}
	if len(f.PLangs) != 1 || f.PLangs[0] != "en" {
		t.Errorf("passage languages: got %q, want only %q", f.PLangs, "en")
	}
	if !strings.Contains(f.Meta, outlet) {
		t.Errorf("meta %q lacks the outlet %q", f.Meta, outlet)
	}
	for _, s := range sentences {
		if !strings.Contains(f.Text, s) {
			t.Errorf("the page's text lacks %q", s)
		}
	}
	var a server.ArticleJSON
	b.api(t, "GET", "/api/v1/articles/"+m[1], nil, http.StatusOK, &a)
	if a.Outlet != outlet || a.Title != title || a.Language.Code != "en" {
		t.Errorf("API: got outlet %q, title %q, language %q; want %q, %q, %q", a.Outlet, a.Title, a.Language.Code, outlet, title, "en")
	}
	b.screenshot(t, "article")
}

// TestBrowserEveryPage visits every page the navigation bar links to, and
// one of each page that shows a single thing, for console errors, scripts
// and a heading (the checks of open).
func TestBrowserEveryPage(t *testing.T) {
	b := newBrowserEnv(t)
	b.open(t, "/")
	nav := browserEval[[]string](t, b, `[...document.querySelectorAll("header.top a")].map(a => a.getAttribute("href"))`)
	if len(nav) < 6 {
		t.Fatalf("navigation bar: got links %q, want at least 6", nav)
	}
	hm := b.entity(t, "Hmeimim")
	story := b.storyOf(t, hm.ID)
	paths := append(nav,
		"/stories/"+strconv.FormatInt(story.ID, 10),
		"/articles/"+strconv.FormatInt(story.Articles[0].ID, 10),
		"/entities/"+strconv.FormatInt(hm.ID, 10),
		fmt.Sprintf("/compare?a=%d&b=%d", story.Articles[0].ID, story.Articles[1].ID),
	)
	seen := map[string]bool{"/": true} // opened above
	for _, p := range paths {
		if seen[p] {
			continue
		}
		seen[p] = true
		t.Run(strings.TrimPrefix(p, "/"), func(t *testing.T) { b.open(t, p) })
	}
}
