package detect

import (
	"math"
	"slices"
)

// The decision thresholds. The package documentation gives the
// measurements behind each.
const (
	// minLetters is the least weighted letter count (see script.weight) a
	// text or run needs to be labelled at all.
	minLetters = 3
	// shortLetters is the weighted letter count under which a text or run is
	// short (about two words) and needs shortConfidence.
	shortLetters = 14
	// shortConfidenceLow and shortConfidenceHigh are the least confidence of
	// the best language of a short text in each accuracy mode. Low accuracy
	// mode is overconfident on short text, so it needs more.
	shortConfidenceLow  = 0.99
	shortConfidenceHigh = 0.80
	// majority is the confidence the best language must exceed at any
	// length: it must hold more than half of lingua's probability mass.
	majority = 0.5
	// dominantShare is the least share of the weighted letters the main
	// script must hold for the text to get a language.
	dominantShare = 0.7
	// minCandidate and maxCandidates bound Result.Candidates.
	minCandidate  = 0.05
	maxCandidates = 5
)

// rules are the decision thresholds as values, so that tests can vary them.
type rules struct {
	minLetters      int
	shortLetters    int
	shortConfidence [2]float64 // indexed by Accuracy
	majority        float64
	dominantShare   float64
}

// defaultRules returns the rules Detect applies.
func defaultRules() rules {
	return rules{
		minLetters:      minLetters,
		shortLetters:    shortLetters,
		shortConfidence: [2]float64{LowAccuracy: shortConfidenceLow, HighAccuracy: shortConfidenceHigh},
		majority:        majority,
		dominantShare:   dominantShare,
	}
}

// label returns the best of scores (computed in accuracy mode acc over
// letters weighted letters) if it passes the rules, else Und:
//
//   - at least minLetters letters;
//   - a confidence above majority;
//   - under shortLetters letters, a confidence of at least the mode's
//     shortConfidence.
func (rl rules) label(letters int, scores []Guess, acc Accuracy) string {
	if letters < rl.minLetters || len(scores) == 0 {
		return Und
	}
	c := scores[0].Confidence
	if c <= rl.majority || letters < rl.shortLetters && c < rl.shortConfidence[acc] {
		return Und
	}
	return scores[0].Code
}

// decide applies the rules to the scores of an analysis:
//
//   - The runs of a script taken together get the label of their scores
//     (see label).
//   - The text gets the label of its main script (the one with most
//     weighted letters) if that script holds at least dominantShare of the
//     letters, with lingua's confidence within the script.
//   - Each run gets the label of its script's runs together: they are most
//     often one sentence cut by a name in another script, and a fragment
//     like "Defence Minister Sergey Shoygu" alone is Turkish to lingua with
//     confidence 0.999. Only when the runs together get Und is each run
//     judged alone.
//   - A candidate's confidence is the sum over scripts of the script's share
//     of the weighted letters times lingua's confidence within the script.
func (a *analysis) decide(rl rules) Result {
	res := Result{Language: Guess{Code: Und}, Candidates: []Guess{}, Spans: make([]Span, len(a.runs))}
	if a.total == 0 {
		return res
	}
	var labels [numScripts]string
	main := scriptNone
	for s := range a.groups {
		g := &a.groups[s]
		if g.runs == 0 {
			continue
		}
		labels[s] = rl.label(g.letters, g.scores, g.accuracy)
		if main == scriptNone || g.letters > a.groups[main].letters {
			main = script(s)
		}
		share := float64(g.letters) / float64(a.total)
		for _, c := range g.scores {
			res.Candidates = append(res.Candidates, Guess{Code: c.Code, Confidence: round6(share * c.Confidence)})
		}
	}
	sortGuesses(res.Candidates)
	res.Candidates = slices.DeleteFunc(res.Candidates, func(g Guess) bool { return g.Confidence < minCandidate })
	if len(res.Candidates) > maxCandidates {
		res.Candidates = res.Candidates[:maxCandidates]
	}
	if g := a.groups[main]; labels[main] != Und && float64(g.letters) >= rl.dominantShare*float64(a.total) {
		res.Language = Guess{Code: g.scores[0].Code, Confidence: round6(g.scores[0].Confidence)}
	}
	for i, r := range a.runs {
		code := labels[r.script]
		if code == Und && a.groups[r.script].runs > 1 && len(a.groups[r.script].scores) > 0 {
			code = rl.label(r.letters, a.runScores(i), a.groups[r.script].accuracy)
		}
		res.Spans[i] = Span{Start: r.start, End: r.end, Code: code, Script: r.script.String()}
	}
	return res
}

// round6 rounds a confidence to six decimals. lingua sums probabilities in
// map order, so the last bits of its values differ from call to call;
// rounding makes Detect's output repeatable (and shorter in JSON).
func round6(x float64) float64 {
	return clamp01(math.Round(x*1e6) / 1e6)
}
