package detect

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"interlinear/internal/evaldata"
)

// sample is one line of the lingua test data: a text in a known language.
type sample struct {
	lang, kind, text string
}

// kinds are the sample kinds of the lingua test data, longest first.
var kinds = []string{"sentences", "word-pairs", "single-words"}

// loadSamples reads the shared language identification set: a TSV with the
// columns lang, kind and text under a header line.
func loadSamples(t testing.TB) []sample {
	t.Helper()
	dir := evaldata.Dir(t, "langid")
	f, err := os.Open(filepath.Join(dir, "lingua_testdata_dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sample
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 0; sc.Scan(); line++ {
		if line == 0 {
			continue
		}
		cols := strings.SplitN(sc.Text(), "\t", 3)
		if len(cols) != 3 {
			t.Fatalf("line %d: got %d columns, want 3", line+1, len(cols))
		}
		out = append(out, sample{lang: cols[0], kind: cols[1], text: cols[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no samples")
	}
	return out
}

// tally counts outcomes of one kind (or one language of a kind).
type tally struct {
	n, correct, und, wrong int // wrong: a language other than the gold one (not Und)
}

func (c *tally) add(gold, got string) {
	c.n++
	switch got {
	case gold:
		c.correct++
	case Und:
		c.und++
	default:
		c.wrong++
	}
}

func (c tally) accuracy() float64  { return ratio(c.correct, c.n) }
func (c tally) undRate() float64   { return ratio(c.und, c.n) }
func (c tally) wrongRate() float64 { return ratio(c.wrong, c.n) }

// precision is the accuracy among the texts that got a language.
func (c tally) precision() float64 { return ratio(c.correct, c.correct+c.wrong) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c tally) String() string {
	return fmt.Sprintf("accuracy %6.2f%%  und %6.2f%%  wrong %5.2f%%  precision %6.2f%%  (n=%d)",
		100*c.accuracy(), 100*c.undRate(), 100*c.wrongRate(), 100*c.precision(), c.n)
}

// report holds the tallies of one evaluation.
type report struct {
	byKind     map[string]*tally
	byKindLang map[string]map[string]*tally
}

func newReport() report {
	return report{byKind: map[string]*tally{}, byKindLang: map[string]map[string]*tally{}}
}

func (r report) add(s sample, got string) {
	if r.byKind[s.kind] == nil {
		r.byKind[s.kind] = &tally{}
		r.byKindLang[s.kind] = map[string]*tally{}
	}
	r.byKind[s.kind].add(s.lang, got)
	if r.byKindLang[s.kind][s.lang] == nil {
		r.byKindLang[s.kind][s.lang] = &tally{}
	}
	r.byKindLang[s.kind][s.lang].add(s.lang, got)
}

func (r report) kind(k string) tally {
	if c := r.byKind[k]; c != nil {
		return *c
	}
	return tally{}
}

func (r report) langs(k string) []string {
	var ls []string
	for l := range r.byKindLang[k] {
		ls = append(ls, l)
	}
	slices.Sort(ls)
	return ls
}
