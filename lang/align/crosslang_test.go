package align

import (
	"fmt"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// crossDocs reads testdata/crosslang/report.tsv into documents (one
// passage per row, entities from lang/names) and the fact of each passage.
func crossDocs(t *testing.T) ([]Document, map[Ref]string) {
	t.Helper()
	var docs []Document
	index := map[string]int{}
	facts := map[Ref]string{}
	for _, row := range readTSV(t, filepath.Join("testdata", "crosslang", "report.tsv")) {
		if len(row) != 5 {
			t.Fatalf("report.tsv: %d columns in %q", len(row), row)
		}
		id, lang, date, fact, text := row[0], row[1], row[2], row[3], row[4]
		k, ok := index[id]
		if !ok {
			pub, err := time.Parse("2006-01-02", date)
			if err != nil {
				t.Fatalf("report.tsv: %v", err)
			}
			k = len(docs)
			index[id] = k
			docs = append(docs, Document{ID: id, Lang: lang, Published: pub})
		}
		p := passage(t, fmt.Sprintf("s%d", len(docs[k].Passages)), text, lang)
		docs[k].Passages = append(docs[k].Passages, p)
		facts[Ref{id, p.ID}] = fact
	}
	return docs, facts
}

// TestCrossLanguage aligns the five renderings of one report together with
// look-alike distractors and measures, per language pair, the precision
// and recall of the sentence links (gold: same fact). Thresholds are the
// measured figures rounded down (see doc.go).
func TestCrossLanguage(t *testing.T) {
	docs, facts := crossDocs(t)
	a := fullAligner(t)
	res := a.Align(docs, a.DefaultThreshold())
	langOf := map[string]string{}
	for _, d := range docs {
		langOf[d.ID] = d.Lang
	}
	type counts struct{ tp, fp, gold int }
	per := map[string]*counts{}
	pairName := func(x, y string) string {
		lx, ly := langOf[x], langOf[y]
		if lx > ly {
			lx, ly = ly, lx
		}
		return lx + "-" + ly
	}
	isReport := func(id string) bool { return len(id) > 4 && id[:4] == "rep-" }
	// gold counts between report documents
	for i, x := range docs {
		for _, y := range docs[i+1:] {
			if !isReport(x.ID) || !isReport(y.ID) {
				continue
			}
			c := per[pairName(x.ID, y.ID)]
			if c == nil {
				c = &counts{}
				per[pairName(x.ID, y.ID)] = c
			}
			for _, p := range x.Passages {
				for _, q := range y.Passages {
					if facts[Ref{x.ID, p.ID}] == facts[Ref{y.ID, q.ID}] {
						c.gold++
					}
				}
			}
		}
	}
	var distractorFP, distractorTP, distractorGold int
	for i, x := range docs {
		for _, y := range docs[i+1:] {
			if isReport(x.ID) && isReport(y.ID) {
				continue
			}
			for _, p := range x.Passages {
				for _, q := range y.Passages {
					if facts[Ref{x.ID, p.ID}] == facts[Ref{y.ID, q.ID}] {
						distractorGold++
					}
				}
			}
		}
	}
	for _, l := range res.Links {
		same := facts[l.A] == facts[l.B]
		if isReport(l.A.Document) && isReport(l.B.Document) {
			c := per[pairName(l.A.Document, l.B.Document)]
			if same {
				c.tp++
			} else {
				c.fp++
				t.Logf("false link %.3f %s %q — %s %q", l.Score, l.A.Document, facts[l.A], l.B.Document, facts[l.B])
			}
			continue
		}
		if same {
			distractorTP++
		} else {
			distractorFP++
			t.Logf("false distractor link %.3f %s %q — %s %q %v", l.Score, l.A.Document, facts[l.A], l.B.Document, facts[l.B], l.Evidence.Terms)
		}
	}
	// Thresholds from measurement, per pair: precision, recall.
	// Floors: the measured figures less one sentence of seven (recall) and
	// precision 0.75 (see doc.go for the figures).
	want := map[string][2]float64{
		"ar-en": {0.75, 0.85}, "ar-fr": {0.75, 0.42}, "ar-ru": {0.75, 0.28}, "ar-zh": {0.75, 0.42},
		"en-fr": {0.75, 0.85}, "en-ru": {0.75, 0.85}, "en-zh": {0.75, 0.57}, "fr-ru": {0.75, 0.42},
		"fr-zh": {0.75, 0.14}, "ru-zh": {0.75, 0.57},
	}
	names := make([]string, 0, len(per))
	for n := range per {
		names = append(names, n)
	}
	sort.Strings(names)
	var sumTP, sumFP, sumGold int
	for _, n := range names {
		c := per[n]
		p := float64(c.tp) / float64(max(1, c.tp+c.fp))
		r := float64(c.tp) / float64(max(1, c.gold))
		sumTP, sumFP, sumGold = sumTP+c.tp, sumFP+c.fp, sumGold+c.gold
		t.Logf("%s: precision %.3f (%d/%d), recall %.3f (%d/%d)", n, p, c.tp, c.tp+c.fp, r, c.tp, c.gold)
		w, ok := want[n]
		if !ok {
			t.Errorf("no threshold for %s", n)
			continue
		}
		if c.tp+c.fp > 0 && p < w[0] {
			t.Errorf("%s precision %.3f, want ≥ %.2f", n, p, w[0])
		}
		if r < w[1] {
			t.Errorf("%s recall %.3f, want ≥ %.2f", n, r, w[1])
		}
	}
	t.Logf("all report pairs: precision %.3f, recall %.3f", float64(sumTP)/float64(max(1, sumTP+sumFP)), float64(sumTP)/float64(max(1, sumGold)))
	t.Logf("distractors: %d false links, %d of %d same-fact links (background and the two 2016 renderings)", distractorFP, distractorTP, distractorGold)
	if distractorFP > 2 {
		t.Errorf("%d false links to distractors, want ≤ 2", distractorFP)
	}
}
