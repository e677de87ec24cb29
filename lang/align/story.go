package align

import (
	"math"
	"sort"
	"time"
)

// Story constants (see doc.go, "Stories").
const (
	// leadPassages is how many passages open a document (headline,
	// standfirst, first paragraphs): the lead says what the event is.
	leadPassages = 3
	// sameDayWindow and maxDayGap bound the publication gap of two reports
	// of one event: full weight up to sameDayWindow days, none past
	// maxDayGap.
	sameDayWindow = 3
	maxDayGap     = 14
	// storyThreshold is the StorySimilarity above which SameStory holds.
	storyThreshold = 0.55
	// sameDaysBonus closes this share of the gap to 1 for two documents
	// published within sameDayWindow days of each other.
	sameDaysBonus = 0.3
	// weights of the lead alignment and the lead entity agreement.
	storyAlignWeight  = 0.5
	storyEntityWeight = 0.5
)

// StorySimilarity scores whether two documents report the same event, in
// [0, 1]. Sharing names is not enough (Putin, Assad and Syria are in every
// article of a long-running story); what counts is:
//
//   - time: publication dates more than maxDayGap days apart, or a date in
//     one text later than the other's publication, rule the pair out;
//   - the leads: the share of each document's first passages that align
//     (Align's passage score at the default threshold) with some passage of
//     the other, weighted by position;
//   - the lead entities: how specific the most specific entity named in
//     both leads is (Hmeimim in both first lines; Putin and Syria, named
//     throughout both documents, are not specific), with entity weights
//     from the two documents' passage frequencies;
//   - publication within sameDayWindow days of each other, when both
//     dates are known, closes part of the gap to 1.
func (a *Aligner) StorySimilarity(x, y Document) float64 {
	d := dateCompat(x, y)
	if d == 0 {
		return 0
	}
	pr := a.prepare([]Document{x, y})
	return a.storyScores(pr, a.scorePairs(pr, a.threshold), [2]int{0, 1})[[2]int{0, 1}]
}

// SameStory reports whether x and y report the same event
// (StorySimilarity ≥ the calibrated story threshold).
func (a *Aligner) SameStory(x, y Document) bool {
	return a.StorySimilarity(x, y) >= storyThreshold
}

// AssignStory finds the story a new document belongs to: the index of the
// story whose documents it is most similar to (the mean of its two best
// StorySimilarity scores with that story's documents, or the one score of
// a single-document story) when that reaches the story threshold, else -1
// for a new story. It is greedy and incremental: the server calls it once
// per ingested document.
func (a *Aligner) AssignStory(doc Document, stories [][]Document) (int, float64) {
	best, bestScore := -1, 0.0
	for i, st := range stories {
		var scores []float64
		for _, other := range st {
			scores = append(scores, a.StorySimilarity(doc, other))
		}
		if len(scores) == 0 {
			continue
		}
		sort.Sort(sort.Reverse(sort.Float64Slice(scores)))
		s := scores[0]
		if len(scores) > 1 {
			s = (scores[0] + scores[1]) / 2
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	if bestScore < storyThreshold {
		return -1, bestScore
	}
	return best, bestScore
}

// storyScores returns the story similarity of every pair of documents of
// a prepared set that has at least one scored passage pair (keys are
// document indices, smaller first). pairs are the scored passage pairs.
func (a *Aligner) storyScores(pr *prepared, pairs []pairScore, extra ...[2]int) map[[2]int]float64 {
	type pd struct {
		p   int32
		doc int
	}
	bestTo := map[pd]float64{}
	docPairs := map[[2]int]bool{}
	for _, p := range pairs {
		da, db := pr.ans[p.a].doc, pr.ans[p.b].doc
		ka, kb := pd{p.a, db}, pd{p.b, da}
		bestTo[ka] = math.Max(bestTo[ka], p.score)
		bestTo[kb] = math.Max(bestTo[kb], p.score)
		docPairs[[2]int{min(da, db), max(da, db)}] = true
	}
	for _, dp := range extra {
		docPairs[dp] = true
	}
	// Entity weights for stories: inverse passage frequency over the
	// content passages of the set (idf = ln(P/pf)), so that the names of
	// the whole conflict, in most passages (Putin, Syria), count little
	// beside those of one event (Hmeimim, Sochi).
	pf := map[string]int{}
	P := 0
	type leadP struct {
		p int32
		w float64
	}
	leads := make([][]leadP, len(pr.docs))
	leadEnts := make([]map[string]bool, len(pr.docs))
	for i, an := range pr.ans {
		if !isLeadPassage(an) {
			continue
		}
		P++
		seenE := map[string]bool{}
		for _, it := range an.items {
			if it.kind == itemEntity && !seenE[it.text] {
				seenE[it.text] = true
				pf[it.text]++
			}
		}
		if n := len(leads[an.doc]); n < leadPassages {
			leads[an.doc] = append(leads[an.doc], leadP{int32(i), 1 / (1 + float64(n)/2)})
			if leadEnts[an.doc] == nil {
				leadEnts[an.doc] = map[string]bool{}
			}
			for e := range seenE {
				leadEnts[an.doc][e] = true
			}
		}
	}
	out := make(map[[2]int]float64, len(docPairs))
	for dp := range docPairs {
		x, y := dp[0], dp[1]
		d := dateCompat(pr.docs[x], pr.docs[y])
		if d == 0 {
			out[dp] = 0
			continue
		}
		// Lead alignment: the weighted share of each lead's passages that
		// link to some passage of the other document.
		var align float64
		for _, k := range [][2]int{{x, y}, {y, x}} {
			var cov, wsum float64
			for _, lp := range leads[k[0]] {
				wsum += lp.w
				if bestTo[pd{lp.p, k[1]}] >= a.threshold {
					cov += lp.w
				}
			}
			if wsum > 0 {
				align += cov / wsum / 2
			}
		}
		// The most specific entity both leads name, relative to the idf
		// of an entity in two passages: two reports of one event name its
		// place or people in their first lines; two events of one
		// conflict share only the conflict's names.
		var maxShared float64
		for e := range leadEnts[x] {
			if leadEnts[y][e] {
				maxShared = math.Max(maxShared, math.Log(float64(P)/float64(pf[e])))
			}
		}
		agree := 0.0
		if P > 2 {
			agree = math.Min(1, maxShared/math.Log(float64(P)/2))
		}
		s := d * (storyAlignWeight*align + storyEntityWeight*agree)
		// Both published within a few days: the content evidence needs
		// less to convince (the same event is then the likely reading).
		if !pr.docs[x].Published.IsZero() && !pr.docs[y].Published.IsZero() && d == 1 {
			s += (1 - s) * sameDaysBonus
		}
		out[dp] = s
	}
	return out
}

// isLeadPassage: a passage of at least six words (headlines qualify;
// navigation, bylines and "Share" buttons do not).
func isLeadPassage(an *analysis) bool {
	n := 0
	for _, it := range an.items {
		if it.kind == itemWord || it.kind == itemName {
			n++
		}
	}
	return n >= 6
}

// dateCompat is 1 when two documents can report the same event as far as
// dates tell, falling to 0 as their publication dates part (see
// StorySimilarity); documents without any date are compatible.
func dateCompat(x, y Document) float64 {
	if !x.Published.IsZero() && !y.Published.IsZero() {
		return dayGapFactor(math.Abs(x.Published.Sub(y.Published).Hours() / 24))
	}
	// A document cannot have been published before the latest date its
	// text gives; if that is after the other one's publication, the two
	// report different times.
	if !y.Published.IsZero() {
		if l, ok := textDate(x); ok && l.Sub(y.Published).Hours()/24 > sameDayWindow {
			return 0
		}
	}
	if !x.Published.IsZero() {
		if l, ok := textDate(y); ok && l.Sub(x.Published).Hours()/24 > sameDayWindow {
			return 0
		}
	}
	return 1
}

func dayGapFactor(days float64) float64 {
	switch {
	case days <= sameDayWindow:
		return 1
	case days >= maxDayGap:
		return 0
	}
	return 1 - (days-sameDayWindow)/(maxDayGap-sameDayWindow)
}

// textDate is doc.TextDate when known, else LatestDate(doc).
func textDate(doc Document) (time.Time, bool) {
	if doc.TextDateKnown {
		return doc.TextDate, !doc.TextDate.IsZero()
	}
	return LatestDate(doc)
}

// LatestDate is the latest full date (yyyy-mm-dd) written in a document's
// passages, in any language Numbers reads.
func LatestDate(doc Document) (time.Time, bool) {
	var best time.Time
	for _, p := range doc.Passages {
		for _, k := range Numbers(p.Text, p.Lang) {
			if len(k) != 10 || k[4] != '-' || k[7] != '-' {
				continue
			}
			t, err := time.Parse("2006-01-02", k)
			if err == nil && t.After(best) {
				best = t
			}
		}
	}
	return best, !best.IsZero()
}
