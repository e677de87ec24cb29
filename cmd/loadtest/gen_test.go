package main

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func generate(seed uint64, n int) []Article {
	g := NewGenerator(seed)
	out := make([]Article, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

func TestGeneratorDeterministic(t *testing.T) {
	a, b := generate(7, 300), generate(7, 300)
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("article %d differs between two runs with seed 7:\n%+v\n%+v", i, a[i], b[i])
		}
	}
	c := generate(8, 300)
	same := 0
	for i := range a {
		if a[i].Text == c[i].Text && a[i].HTML == c[i].HTML {
			same++
		}
	}
	if same > 3 {
		t.Errorf("got %d of 300 identical articles with seeds 7 and 8, want different sequences", same)
	}
}

func TestGeneratorVaried(t *testing.T) {
	list := generate(1, 1000)
	body := func(a Article) string { return a.Text + a.HTML }
	events, outletSet, langs, dates, titles := map[string]int{}, map[string]int{}, map[string]int{}, map[string]bool{}, map[string]bool{}
	short, long, longest, htmlN := 0, 0, 0, 0
	for i, a := range list {
		events[a.Event]++
		outletSet[a.Outlet]++
		langs[a.Lang]++
		dates[a.PublishedAt] = true
		titles[a.Title] = true
		if a.HTML != "" {
			htmlN++
		}
		if (a.Text == "") == (a.HTML == "") {
			t.Errorf("article %d: want exactly one of text and html", i)
		}
		if a.Sentences < 8 || a.Sentences > 30 {
			t.Errorf("article %d: got %d sentences, want 8 to 30", i, a.Sentences)
		}
		if a.Sentences < 12 {
			short++
		}
		if a.Sentences > 20 {
			long++
		}
		if a.Sentences == 30 {
			longest++
		}
		if !utf8.ValidString(body(a)) || !utf8.ValidString(a.Title) {
			t.Errorf("article %d: invalid UTF-8", i)
		}
		if strings.Contains(body(a), "{") || strings.Contains(a.Title, "{") {
			t.Errorf("article %d: a placeholder was left unfilled: %q", i, a.Title)
		}
		if a.Outlet == "" || a.Title == "" || !strings.HasPrefix(a.URL, "https://") {
			t.Errorf("article %d: outlet %q, title %q, url %q: want all set", i, a.Outlet, a.Title, a.URL)
		}
	}
	counts := []struct {
		name      string
		got, want int
	}{
		{"events", len(events), 6},
		{"outlets", len(outletSet), 12},
		{"languages", len(langs), 5},
		{"distinct dates", len(dates), 200},
		{"distinct titles", len(titles), 30},
		{"articles of 8-11 sentences", short, 100},
		{"articles of 21-30 sentences", long, 50},
		{"articles of 30 sentences", longest, 1},
		{"html articles", htmlN, 50},
	}
	for _, c := range counts {
		t.Run(c.name, func(t *testing.T) {
			if c.got < c.want {
				t.Errorf("got %d, want at least %d", c.got, c.want)
			}
			t.Logf("%s: %d", c.name, c.got)
		})
	}
	for ev, n := range events {
		if n > len(list)/2 {
			t.Errorf("event %s has %d of %d articles, want no event to dominate", ev, n, len(list))
		}
	}
	for _, spelling := range []string{"Hmeimim", "Hmeymim", "Khmeimim", "Shoigu", "Shoygu", "Daesh", "ISIS", "ISIL", "Хмеймим", "حميميم", "赫梅米姆", "Erdoğan", "el-Sisi", "Defence"} {
		t.Run("spelling "+spelling, func(t *testing.T) {
			n := 0
			for _, a := range list {
				if strings.Contains(body(a), spelling) {
					n++
				}
			}
			if n == 0 {
				t.Errorf("got no article spelling %+q, want some", spelling)
			}
		})
	}
	for _, a := range list {
		if strings.Contains(a.Text, "Hmeimim") && strings.Contains(a.Text, "Khmeimim") {
			t.Errorf("article %q spells the base two ways, want one spelling per article", a.Title)
			break
		}
	}
}

func TestGroupThousands(t *testing.T) {
	cases := []struct {
		in   int
		want string
	}{{7, "7"}, {999, "999"}, {1000, "1,000"}, {465000, "465,000"}, {12345678, "12,345,678"}}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := groupThousands(c.in); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
