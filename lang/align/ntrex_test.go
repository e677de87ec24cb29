package align

import (
	"path/filepath"
	"strings"
	"testing"

	"interlinear/internal/evaldata"
)

// TestParallelNTREX aligns the 32 NTREX documents sentence by sentence:
// English against each translation, and the two independent French and
// Chinese translations against each other (the same sentence translated
// twice must align). Gold: same line number. Figures are logged; the
// thresholds are the measured values rounded down (see doc.go).
func TestParallelNTREX(t *testing.T) {
	if testing.Short() {
		t.Skip("about a minute: 192 alignments with entity extraction")
	}
	dir := evaldata.Dir(t, "parallel")
	rows := readTSV(t, filepath.Join(dir, "ntrex_newstest2019_dev.tsv"))
	if len(rows) < 2 {
		t.Fatalf("ntrex: %d rows", len(rows))
	}
	header := rows[0]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, c := range []string{"line_no", "doc_id", "eng", "arb", "rus", "zho_CN", "fra", "fra_CA", "zho_TW"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("ntrex: no column %q", c)
		}
	}
	type docRows struct {
		id    string
		lines [][]string
	}
	var docs []*docRows
	byID := map[string]*docRows{}
	for _, r := range rows[1:] {
		id := r[col["doc_id"]]
		d := byID[id]
		if d == nil {
			d = &docRows{id: id}
			byID[id] = d
			docs = append(docs, d)
		}
		d.lines = append(d.lines, r)
	}
	langOf := map[string]string{"eng": "en", "arb": "ar", "rus": "ru", "zho_CN": "zh", "fra": "fr", "fra_CA": "fr", "zho_TW": "zh"}
	pairs := [][2]string{{"eng", "arb"}, {"eng", "rus"}, {"eng", "zho_CN"}, {"eng", "fra"}, {"fra", "fra_CA"}, {"zho_CN", "zho_TW"}}
	// measured (precision, recall) floors, see doc.go
	want := map[string][2]float64{
		"eng-arb": {0.88, 0.38}, "eng-rus": {0.88, 0.42}, "eng-zho_CN": {0.90, 0.08},
		"eng-fra": {0.90, 0.45}, "fra-fra_CA": {0.88, 0.80}, "zho_CN-zho_TW": {0.88, 0.65},
	}
	a := fullAligner(t)
	for _, pc := range pairs {
		name := pc[0] + "-" + pc[1]
		t.Run(name, func(t *testing.T) {
			var tp, fp, gold int
			for _, d := range docs {
				mk := func(c string) Document {
					lang := langOf[c]
					doc := Document{ID: d.id + "/" + c, Lang: lang}
					for _, r := range d.lines {
						text := strings.TrimSpace(r[col[c]])
						doc.Passages = append(doc.Passages, passage(t, r[col["line_no"]], text, lang))
					}
					return doc
				}
				x, y := mk(pc[0]), mk(pc[1])
				gold += len(d.lines)
				res := a.Align([]Document{x, y}, a.DefaultThreshold())
				for _, l := range res.Links {
					if l.A.Passage == l.B.Passage {
						tp++
					} else {
						fp++
					}
				}
			}
			p := float64(tp) / float64(max(1, tp+fp))
			r := float64(tp) / float64(max(1, gold))
			t.Logf("%s: %d documents, precision %.3f (%d/%d), recall %.3f (%d/%d)", name, len(docs), p, tp, tp+fp, r, tp, gold)
			w := want[name]
			if p < w[0] {
				t.Errorf("%s precision %.3f, want ≥ %.2f", name, p, w[0])
			}
			if r < w[1] {
				t.Errorf("%s recall %.3f, want ≥ %.2f", name, r, w[1])
			}
		})
	}
}
