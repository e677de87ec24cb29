package clean_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"interlinear/lang/clean"
	"interlinear/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seedArticles returns the embedded seed articles.
func seedArticles(t testing.TB) []seeds.Article {
	t.Helper()
	arts, err := seeds.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 {
		t.Fatal("no seed articles")
	}
	return arts
}

// render lists a Doc in source order, one piece per line: kept paragraphs
// as "KEEP", removed pieces as "DROP" with their reason.
func render(d clean.Doc) string {
	type piece struct {
		start int
		line  string
	}
	var ps []piece
	for _, p := range d.Paragraphs {
		ps = append(ps, piece{p.Start, fmt.Sprintf("KEEP [%d:%d] %s", p.Start, p.End, p.Text)})
	}
	for _, r := range d.Removed {
		ps = append(ps, piece{r.Start, fmt.Sprintf("DROP [%d:%d] (%s) %s", r.Start, r.End, r.Reason, r.Text)})
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start < ps[j].start })
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.line)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestGolden pins the cleaning of every seed article, with its manifest
// title, in testdata/seed_NNN.golden. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	for _, a := range seedArticles(t) {
		name := "seed_" + strings.SplitN(a.File, "_", 2)[0]
		t.Run(name, func(t *testing.T) {
			got := fmt.Sprintf("# %s\n# title: %s\n%s", a.File, a.Title, render(clean.Clean(a.Text, clean.Options{Title: a.Title})))
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("Clean(%s) differs from %s (run with -update after checking):\ngot:\n%s\nwant:\n%s", a.File, path, got, want)
			}
		})
	}
}

// BenchmarkClean measures cleaning all five seed articles.
func BenchmarkClean(b *testing.B) {
	arts := seedArticles(b)
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			clean.Clean(a.Text, clean.Options{Title: a.Title})
		}
	}
}
