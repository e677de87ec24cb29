package detect

import (
	"fmt"
	"strings"
	"testing"
)

// Quality gates on the shared lingua evaluation set (12 languages, 500
// samples per language and kind; 365 Chinese sentences).
const (
	// minSentenceAccuracy is the least share of sentences labelled with
	// their language; Und counts as wrong.
	minSentenceAccuracy = 0.98
	// maxSingleWordWrong is the largest share of single words that may get
	// a wrong language (rather than the right one or Und).
	maxSingleWordWrong = 0.02
)

// TestAccuracy measures the default detector on the evaluation set. Run
// with -v for the figures per kind and language and for the effect of
// moving each threshold.
func TestAccuracy(t *testing.T) {
	samples := loadSamples(t)
	d := testDetector(t)
	analyses := make([]*analysis, len(samples))
	for i, s := range samples {
		analyses[i] = d.analyse(s.text)
	}
	rep := evaluate(samples, analyses, defaultRules())

	for _, k := range kinds {
		t.Logf("%-12s %v", k, rep.kind(k))
	}
	for _, k := range kinds {
		var b strings.Builder
		for _, l := range rep.langs(k) {
			fmt.Fprintf(&b, " %s %5.1f", l, 100*rep.byKindLang[k][l].accuracy())
		}
		t.Logf("%-12s accuracy per language:%s", k, b.String())
	}

	if got := rep.kind("sentences").accuracy(); got < minSentenceAccuracy {
		t.Errorf("sentences: got accuracy %.2f%%, want at least %.2f%%", 100*got, 100*minSentenceAccuracy)
	}
	if got := rep.kind("single-words").wrongRate(); got > maxSingleWordWrong {
		t.Errorf("single words: got %.2f%% wrong labels, want at most %.2f%%", 100*got, 100*maxSingleWordWrong)
	}

	if testing.Verbose() {
		logPrecision(t, d, samples, analyses)
		logCalibration(t, samples, analyses)
	}
}

// logPrecision logs how often lingua's best language is right for texts
// by weighted letter count and confidence, over the texts whose main
// script has two or more configured languages and holds dominantShare of
// the letters: the table behind shortLetters and shortConfidence.
func logPrecision(t *testing.T, d *Detector, samples []sample, analyses []*analysis) {
	t.Helper()
	letterEdges := []int{3, 6, 9, 14, 20, 40}
	confEdges := []float64{0, 0.5, 0.7, 0.9, 0.95, 0.99}
	type cell struct{ n, right int }
	cells := make([][]cell, len(letterEdges))
	for i := range cells {
		cells[i] = make([]cell, len(confEdges))
	}
	for i, a := range analyses {
		main := scriptNone
		for s := range a.groups {
			if a.groups[s].runs > 0 && (main == scriptNone || a.groups[s].letters > a.groups[main].letters) {
				main = script(s)
			}
		}
		g := a.groups[main]
		if main == scriptNone || len(d.models[main].codes) < 2 || float64(g.letters) < dominantShare*float64(a.total) {
			continue
		}
		li, ci := bucket(g.letters, letterEdges), bucket(g.scores[0].Confidence, confEdges)
		if li < 0 || ci < 0 {
			continue
		}
		cells[li][ci].n++
		if g.scores[0].Code == samples[i].lang {
			cells[li][ci].right++
		}
	}
	var b strings.Builder
	b.WriteString("lingua's best is right, by weighted letters (rows) and confidence (columns from):\n         ")
	for _, c := range confEdges {
		fmt.Fprintf(&b, " | %-14.2f", c)
	}
	for li, row := range cells {
		fmt.Fprintf(&b, "\n  %3d+   ", letterEdges[li])
		for _, c := range row {
			fmt.Fprintf(&b, " | %5.1f%% (%4d)", 100*ratio(c.right, c.n), c.n)
		}
	}
	t.Log(b.String())
}

// bucket returns the index of the last edge at or below x, or -1.
func bucket[T int | float64](x T, edges []T) int {
	i := -1
	for j, e := range edges {
		if x >= e {
			i = j
		}
	}
	return i
}

// evaluate applies rl to the analyses of samples and tallies the labels of
// the whole texts.
func evaluate(samples []sample, analyses []*analysis, rl rules) report {
	rep := newReport()
	for i, s := range samples {
		rep.add(s, analyses[i].decide(rl).Language.Code)
	}
	return rep
}

// logCalibration logs the figures with each threshold moved on its own,
// to show what the chosen values trade.
func logCalibration(t *testing.T, samples []sample, analyses []*analysis) {
	t.Helper()
	line := func(name string, rl rules) {
		rep := evaluate(samples, analyses, rl)
		var b strings.Builder
		for _, k := range kinds {
			c := rep.kind(k)
			fmt.Fprintf(&b, " | %s %5.2f%% und %5.2f%% wrong %5.2f%%", k, 100*c.accuracy(), 100*c.undRate(), 100*c.wrongRate())
		}
		t.Logf("%-26s%s", name, b.String())
	}
	line("lingua's best, no rules", rules{majority: -1})
	line("chosen", defaultRules())
	for _, n := range []int{10, 12, 16, 20} {
		rl := defaultRules()
		rl.shortLetters = n
		line(fmt.Sprintf("shortLetters %d", n), rl)
	}
	for _, c := range []float64{0.8, 0.9, 0.95, 0.999} {
		rl := defaultRules()
		rl.shortConfidence[LowAccuracy] = c
		line(fmt.Sprintf("shortConfidence %.3g", c), rl)
	}
	for _, c := range []float64{0.6, 0.7, 0.8} {
		rl := defaultRules()
		rl.majority = c
		line(fmt.Sprintf("majority %.2g", c), rl)
	}
	for _, s := range []float64{0.5, 0.6, 0.8} {
		rl := defaultRules()
		rl.dominantShare = s
		line(fmt.Sprintf("dominantShare %.2g", s), rl)
	}
	for _, n := range []int{1, 5} {
		rl := defaultRules()
		rl.minLetters = n
		line(fmt.Sprintf("minLetters %d", n), rl)
	}
}
