package extract

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFromHTMLNewsPages runs the handcrafted pages in testdata: the body
// paragraphs must come out, each as its own paragraph, and the page
// furniture (navigation, share buttons, cookie banner, related links,
// footer, scripts) must not. The full text is pinned in <page>.golden.
func TestFromHTMLNewsPages(t *testing.T) {
	tests := []struct {
		name, file                    string
		title, author, language, date string
		paragraphs                    []string // each must be one whole paragraph of Text
		absent                        []string // furniture that must not appear
	}{
		{
			name:     "english",
			file:     "news_en.html",
			title:    "Dam talks resume in Addis Ababa after two-year pause",
			author:   "Hannah Okafor",
			language: "en",
			date:     "2024-03-14",
			paragraphs: []string{
				"Negotiators from Egypt, Ethiopia and Sudan met in Addis Ababa on Thursday for the first direct talks on the Grand Ethiopian Renaissance Dam in more than two years, officials from all three delegations said.",
				"Sudan's representative, speaking to reporters outside the venue, said Khartoum wanted a binding agreement on the filling schedule before the start of the rainy season in July.\n\"We cannot plan our own dams without data,\" he said.",
				"A decade of disputes",
				"The reservoir can hold 74 billion cubic metres of water.",
				"Four turbines are already producing power.",
				"The three delegations agreed to meet again in Cairo next month, according to a joint statement released late on Thursday.",
			},
			absent: []string{"Subscribe", "Share on", "Email this story", "cookies",
				"Related stories", "Nile flows hit record low", "All rights reserved",
				"Privacy policy", "TRACKING-PIXEL-CODE", "dataLayer", "display:flex", "·"},
		},
		{
			name:     "arabic rtl",
			file:     "news_ar.html",
			title:    "استئناف محادثات سد النهضة في أديس أبابا بعد توقف دام عامين",
			author:   "ليلى حسن",
			language: "ar",
			date:     "2024-03-14",
			paragraphs: []string{
				"التقى مفاوضون من مصر وإثيوبيا والسودان يوم الخميس في أديس أبابا، في أول محادثات مباشرة حول سد النهضة الإثيوبي الكبير منذ أكثر من عامين، بحسب ما أفاد مسؤولون من الوفود الثلاثة.",
				"وقال ممثل السودان للصحفيين خارج مقر الاجتماع إن الخرطوم تريد اتفاقا ملزما بشأن جدول الملء قبل بدء موسم الأمطار في يوليو/تموز.",
				"واتفقت الوفود الثلاثة على الاجتماع مجددا في القاهرة الشهر المقبل، وفقا لبيان مشترك صدر في وقت متأخر من مساء الخميس.",
			},
			absent: []string{"الرئيسية", "أخبار العالم", "شارك على", "اقرأ أيضا",
				"منسوب النيل", "جميع الحقوق محفوظة", "سياسة الخصوصية", "AD-SLOT-SCRIPT-CODE"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromHTML(readFile(t, tt.file), Options{URL: "https://news.example/2024/03/14/dam-talks"})
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if a.Title != tt.title {
				t.Errorf("Title: got %q, want %q", a.Title, tt.title)
			}
			if a.Author != tt.author {
				t.Errorf("Author: got %q, want %q", a.Author, tt.author)
			}
			if a.Language != tt.language {
				t.Errorf("Language: got %q, want %q", a.Language, tt.language)
			}
			if got := a.Published.Format(time.DateOnly); got != tt.date {
				t.Errorf("Published: got %q, want %q", got, tt.date)
			}
			paras := strings.Split(a.Text, "\n\n")
			for _, want := range tt.paragraphs {
				found := false
				for _, p := range paras {
					found = found || p == want
				}
				if !found {
					t.Errorf("paragraph missing: want %q in %q", want, paras)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Text, s) {
					t.Errorf("furniture in text: got %q in %q", s, a.Text)
				}
			}
			checkText(t, a.Text)

			golden := filepath.Join("testdata", strings.TrimSuffix(tt.file, ".html")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(a.Text+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got := a.Text + "\n"; got != string(want) {
				t.Errorf("Text differs from %s:\ngot  %q\nwant %q", golden, got, want)
			}
		})
	}
}

// checkText verifies the shape Article.Text promises.
func checkText(t *testing.T, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Errorf("text is not valid UTF-8: %q", text)
	}
	if text == "" {
		return
	}
	for _, p := range strings.Split(text, "\n\n") {
		if p == "" || strings.TrimSpace(p) != p {
			t.Errorf("paragraph %q is empty or has surrounding whitespace", p)
		}
		for _, line := range strings.Split(p, "\n") {
			if line == "" || strings.TrimSpace(line) != line || strings.Contains(line, "  ") {
				t.Errorf("line %q is empty or has stray spaces", line)
			}
		}
		if strings.ContainsFunc(p, func(r rune) bool { return r < ' ' && r != '\n' && r != '\t' || r == 0x7f }) {
			t.Errorf("paragraph %q holds control characters", p)
		}
	}
}

// TestParagraphs pins how an extracted tree becomes plain text.
func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"whitespace collapsed", "<p>  One \n\t two  </p>", "One two"},
		{"inline elements join", "<p>A <em>bold</em> <a href=x>claim</a>.</p>", "A bold claim."},
		{"br is a line break", "<p>line one<br>line two</p>", "line one\nline two"},
		{"br br is a paragraph break", "<div>one<br><br>two</div>", "one\n\ntwo"},
		{"headings and list items", "<h2>Head</h2><ul><li>first</li><li>second</li></ul>", "Head\n\nfirst\n\nsecond"},
		{"table rows and cells", "<table><tr><th>City</th><th>Pop</th></tr><tr><td>Cairo</td><td>10m</td></tr></table>", "City\tPop\nCairo\t10m"},
		{"scripts and styles skipped", "<p>a<script>var x</script><style>p{}</style>b</p>", "ab"},
		{"furniture-only paragraph dropped", "<p>·</p><p>text</p><p> | </p>", "text"},
		{"control characters dropped", "<p>a\x00b\x07c\u0085d</p>", "abc d"},
		{"invalid UTF-8 replaced", "<p>a\xffb</p>", "a\uFFFDb"},
		{"pre keeps lines", "<pre>x = 1\ny = 2</pre>", "x = 1\ny = 2"},
		{"rtl text", `<p dir="rtl">مرحبا <b>بالعالم</b></p><p>سطر</p>`, "مرحبا بالعالم\n\nسطر"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if got := paragraphs(doc); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHostileInput feeds pathological documents: each must come back fast,
// without a panic, either refused with the right error or extracted.
func TestHostileInput(t *testing.T) {
	words := strings.Repeat("word ", 50)
	fonts := func(n, m int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString("<p><font id=" + strconv.Itoa(i) + ">x</p>")
		}
		b.WriteString(strings.Repeat("<p>x</p>", m))
		return b.String()
	}
	tests := []struct {
		name    string
		html    string
		opt     Options
		wantErr error // nil: must extract some text
	}{
		{"100,000 nested divs", strings.Repeat("<div>", 100_000) + "text" + strings.Repeat("</div>", 100_000), Options{}, ErrTooComplex},
		{"100,000 unclosed spans", strings.Repeat("<span>", 100_000) + "text", Options{}, ErrTooComplex},
		{"100,000 self-closing divs", strings.Repeat("<div/>", 100_000) + "text", Options{}, ErrTooComplex},
		{"deeply nested tables", strings.Repeat("<table><tr><td>", 20_000) + "text", Options{}, ErrTooComplex},
		// 500 distinct unclosed <font>s, each reconstructed into every later
		// paragraph: 810 kB that x/net/html turns into 50 million nodes.
		{"formatting element bomb", fonts(500, 100_000), Options{}, ErrTooComplex},
		{"a million elements", strings.Repeat("<b>x</b>", 1_000_000), Options{}, ErrTooComplex},
		{"paragraph scan bomb", "<article>" + strings.Repeat("<p>"+words+"</p>", 8000) + "</article>", Options{}, ErrTooComplex},
		{"over MaxBytes", "<p>" + strings.Repeat("x", 1000) + "</p>", Options{MaxBytes: 999}, ErrTooComplex},
		{"over MaxNodes", strings.Repeat("<p>"+words+"</p>", 100), Options{MaxNodes: 150}, ErrTooComplex},
		{"over MaxDepth", strings.Repeat("<div>", 40) + words, Options{MaxDepth: 30}, ErrTooComplex},
		{"2 MiB single text node", "<html><body><p>" + strings.Repeat("word ", 2<<20/5) + "</p></body></html>", Options{}, nil},
		{"2 MiB without spaces", "<p>" + strings.Repeat("x", 2<<20) + "</p>", Options{}, nil},
		{"500 nested divs with text", strings.Repeat("<div>", 500) + "<p>" + words + "</p>" + strings.Repeat("</div>", 500), Options{}, nil},
		{"binary garbage", strings.Repeat("\x00\xff\xfe<\x01>&#0;\x80<</", 50_000), Options{}, ErrNoContent},
		{"unterminated comment", "<p>" + words + "<!--" + strings.Repeat("x", 100_000), Options{}, nil},
		{"unterminated tag", "<p>" + words + "</p><div " + strings.Repeat("a=b ", 100_000), Options{}, nil},
		{"empty", "", Options{}, ErrNoContent},
		{"whitespace", " \n\t ", Options{}, ErrNoContent},
		{"text only", "Just some text, not HTML at all.", Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			a, err := FromHTML(tt.html, tt.opt)
			elapsed := time.Since(start)
			t.Logf("%v, %d bytes in, %d bytes out, err: %v", elapsed.Round(time.Millisecond), len(tt.html), len(a.Text), err)
			// Generous for a shared 2-core machine; locally all of these
			// take under 1.5 s, the refusals a few milliseconds.
			if elapsed > 10*time.Second {
				t.Errorf("took %v, want well under 10s", elapsed)
			}
			switch {
			case tt.wantErr == nil && err != nil:
				t.Errorf("got error %v, want text", err)
			case tt.wantErr == nil && a.Text == "":
				t.Errorf("got no text, want some")
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Errorf("got error %v, want %v", err, tt.wantErr)
			}
			checkText(t, a.Text)
		})
	}
}

func TestTimeout(t *testing.T) {
	src := readFile(t, "news_en.html")
	if _, err := FromHTML(src, Options{Timeout: time.Nanosecond}); !errors.Is(err, ErrTimeout) {
		t.Errorf("got error %v, want %v", err, ErrTimeout)
	}
	a, err := FromHTML(src, Options{Timeout: time.Minute})
	if err != nil || a.Text == "" {
		t.Errorf("with a minute: got %d bytes and error %v, want text", len(a.Text), err)
	}
}

// TestEvalPagesWithinLimits checks that the guard leaves real news pages
// far from its limits: a refusal of a real page would be a silent loss.
func TestEvalPagesWithinLimits(t *testing.T) {
	lim := Options{}.limits()
	var bytes, nodes, depth, work int
	for _, p := range loadEval(t) {
		g, err := scan(p.html, lim)
		if err != nil {
			t.Errorf("%s: %v", p.ID, err)
			continue
		}
		bytes, nodes = max(bytes, len(p.html)), max(nodes, g.nodes)
		depth, work = max(depth, g.depth), max(work, g.paras*g.textBytes)
	}
	t.Logf("largest page: %d bytes, %d nodes, depth %d, paragraph work %d", bytes, nodes, depth, work)
	if bytes > lim.maxBytes/4 || nodes > lim.maxNodes/10 || depth > lim.maxDepth/4 || work > maxParagraphWork/10 {
		t.Errorf("a benchmark page comes close to a limit: got %d bytes, %d nodes, depth %d, work %d; limits %+v, work %d",
			bytes, nodes, depth, work, lim, maxParagraphWork)
	}
}

// TestGuardErrsLow checks the guard's depth estimate against the tree the
// parser really builds, on the sloppy markup real pages are made of: the
// estimate may be low (checkTree measures exactly afterwards) but must not
// be high, or real pages would be refused.
func TestGuardErrsLow(t *testing.T) {
	tests := []struct{ name, html string }{
		{"unclosed paragraphs", strings.Repeat("<p>text", 1000)},
		{"bold left open across paragraphs", strings.Repeat("<p><b>text</p>", 1000)},
		{"font left open in cells", "<table>" + strings.Repeat("<tr><td><font size=2>x</td><td><font size=2>y", 1000) + "</table>"},
		{"unclosed list items", "<ul>" + strings.Repeat("<li>item", 1000) + "</ul>"},
		{"nested lists", strings.Repeat("<ul><li>", 100) + "x" + strings.Repeat("</li></ul>", 100)},
		{"unclosed links", strings.Repeat("<a href=x>link", 1000)},
		{"nested forms", strings.Repeat("<form>", 1000) + "x"},
		{"definition lists", "<dl>" + strings.Repeat("<dt>term<dd>def", 1000) + "</dl>"},
		{"divs in paragraphs", strings.Repeat("<p>a<div>b</div>", 1000)},
		{"headings left open", strings.Repeat("<h2>title<h3>sub", 1000)},
		{"svg self-closing", "<svg>" + strings.Repeat("<path d=\"x\"/>", 1000) + "</svg>"},
		{"options", "<select>" + strings.Repeat("<option>o", 1000) + "</select>"},
		{"nested divs", strings.Repeat("<div>", 300) + "x"},
	}
	lim := limits{maxBytes: 1 << 30, maxNodes: 1 << 30, maxDepth: 1 << 30}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			real := 0
			type item struct {
				n *html.Node
				d int
			}
			for work := []item{{doc, 0}}; len(work) > 0; {
				it := work[len(work)-1]
				work = work[:len(work)-1]
				if it.n.Type == html.ElementNode {
					real = max(real, it.d)
				}
				for c := it.n.FirstChild; c != nil; c = c.NextSibling {
					work = append(work, item{c, it.d + 1})
				}
			}
			g, err := scan(tt.html, lim)
			if err != nil {
				t.Fatal(err)
			}
			if g.depth > real {
				t.Errorf("estimated depth %d, want <= real depth %d", g.depth, real)
			}
		})
	}
}
