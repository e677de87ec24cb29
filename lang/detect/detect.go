package detect

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/unicode/norm"
)

// Guess is a language with the confidence that a text is written in it.
type Guess struct {
	// Code is an ISO 639-1 code, or Und.
	Code string `json:"code"`
	// Confidence lies in [0, 1] (see Result for what it measures).
	Confidence float64 `json:"confidence"`
}

// Span is a run of text in one script, labelled with its language.
type Span struct {
	// Start and End are byte offsets into the text given to Detect; the spans
	// of a text tile it from the first byte to the last (a text without
	// letters has none).
	Start int `json:"start"`
	End   int `json:"end"`
	// Code is the ISO 639-1 code of the run's language, or Und.
	Code string `json:"code"`
	// Script is the ISO 15924 code of the run's script, such as "Latn",
	// "Arab", "Cyrl" or "Hani" (Han with kana), or "Zzzz" for scripts this
	// package does not name.
	Script string `json:"script"`
}

// Result is the outcome of Detect.
type Result struct {
	// Language is the language of the text's main script, with lingua's
	// confidence in it among the configured languages of that script; or Und
	// with confidence 0 when the text is too short, too ambiguous or too
	// mixed to name one (the package documentation gives the rules).
	Language Guess `json:"language"`
	// Candidates are the likeliest languages of the whole text, best first:
	// at most five, each with confidence at least 0.05. A candidate's
	// confidence is lingua's confidence within its script scaled by that
	// script's share of the text's weighted letters, so for a text in one
	// script they are lingua's values and for a mixed text they sum to at
	// most 1. They are given even when Language is Und.
	Candidates []Guess `json:"candidates"`
	// Spans are the script runs of the text in order.
	Spans []Span `json:"spans"`
}

// Accuracy selects lingua's model set.
type Accuracy int

const (
	// LowAccuracy scores with lingua's trigram models only: 13 MiB of heap
	// for the twelve default languages, nearly as accurate on sentences,
	// weaker on single words. It is the default.
	LowAccuracy Accuracy = iota
	// HighAccuracy scores texts under 120 characters with lingua's unigram
	// to fivegram models: about 225 MiB of heap and 450 MiB peak resident
	// memory for the twelve default languages.
	HighAccuracy
)

// String returns "low" or "high".
func (a Accuracy) String() string {
	switch a {
	case LowAccuracy:
		return "low"
	case HighAccuracy:
		return "high"
	}
	return fmt.Sprintf("Accuracy(%d)", int(a))
}

// Option configures New.
type Option func(*options)

type options struct {
	accuracy Accuracy
	preload  bool
	// For measurements in tests: scripts scored in high accuracy mode
	// whatever accuracy says, and turning the orthographic rules off.
	high          [numScripts]bool
	noOrthography bool
}

// WithAccuracy selects the accuracy mode (default LowAccuracy; the package
// documentation gives the measurements behind that choice).
func WithAccuracy(a Accuracy) Option {
	return func(o *options) { o.accuracy = a }
}

// WithPreload sets whether New loads every model up front (the default) or
// lingua loads each on first use. Preloading makes New take longer (under
// a second in low accuracy mode, 5 to 10 s in high on two busy cores) and
// the memory use known from the start, and spares the first requests the
// loading delay.
func WithPreload(preload bool) Option {
	return func(o *options) { o.preload = preload }
}

// Detector identifies the language of texts among a fixed set of
// languages. It is safe for concurrent use; build one at start-up with New
// and share it.
type Detector struct {
	codes    []string
	accuracy Accuracy
	models   [numScripts]scriptModel
}

// scriptModel scores the runs of one script.
type scriptModel struct {
	codes    []string    // configured languages in this script, sorted
	rules    []orthoRule // orthographic rules of the script
	accuracy Accuracy    // mode of the lingua detectors
	// lingua holds a detector for each set of two or more candidates the
	// rules can leave, keyed by its bit set over codes. lingua shares the
	// models between detectors, so each extra one costs little.
	lingua map[uint64]lingua.LanguageDetector
}

// New returns a Detector for the languages with the given ISO 639-1 codes
// (see ParseLanguages). It returns an error wrapping ErrUnsupportedLanguage
// for a code lingua does not support, and ErrNoLanguages for none.
func New(codes []string, opts ...Option) (*Detector, error) {
	o := options{accuracy: LowAccuracy, preload: true}
	for _, opt := range opts {
		opt(&o)
	}
	if o.accuracy != LowAccuracy && o.accuracy != HighAccuracy {
		return nil, fmt.Errorf("detect: unknown accuracy mode %v", o.accuracy)
	}
	codes, err := normaliseCodes(codes)
	if err != nil {
		return nil, err
	}
	d := &Detector{codes: codes, accuracy: o.accuracy}
	for _, c := range codes {
		l, _ := linguaLanguage(c) // validated above
		s := languageScript(l)
		d.models[s].codes = append(d.models[s].codes, c)
	}
	for s := range d.models {
		m := &d.models[s]
		m.accuracy = o.accuracy
		if o.high[s] {
			m.accuracy = HighAccuracy
		}
		if len(m.codes) < 2 {
			continue // a single language needs no model
		}
		slices.Sort(m.codes)
		if !o.noOrthography {
			m.rules = orthoRules(script(s))
		}
		m.lingua = make(map[uint64]lingua.LanguageDetector)
		for present := uint32(0); present < 1<<len(m.rules); present++ {
			set := candidates(m.codes, m.rules, present)
			if _, ok := m.lingua[set]; ok || bits.OnesCount64(set) < 2 {
				continue // lingua needs two languages; one is certain
			}
			var ls []lingua.Language
			for i, c := range m.codes {
				if set&(1<<i) != 0 {
					l, _ := linguaLanguage(c) // validated above
					ls = append(ls, l)
				}
			}
			b := lingua.NewLanguageDetectorBuilder().FromLanguages(ls...)
			if m.accuracy == LowAccuracy {
				b = b.WithLowAccuracyMode()
			}
			if o.preload {
				b = b.WithPreloadedLanguageModels()
			}
			m.lingua[set] = b.Build()
		}
	}
	return d, nil
}

// Languages returns the configured ISO 639-1 codes in the order given to
// New, without repeats.
func (d *Detector) Languages() []string {
	return slices.Clone(d.codes)
}

// Accuracy returns the accuracy mode of d.
func (d *Detector) Accuracy() Accuracy {
	return d.accuracy
}

// Detect identifies the language of text and of each of its script runs.
// It never fails: text it cannot judge gets Und.
func (d *Detector) Detect(text string) Result {
	return d.analyse(text).decide(defaultRules())
}

// analysis holds lingua's scores for a text before any decision. It
// belongs to one call of Detect.
type analysis struct {
	d      *Detector
	text   string
	runs   []run
	groups [numScripts]group
	total  int // weighted letters of all runs
}

// group gathers the runs of one script.
type group struct {
	letters  int
	runs     int
	scores   []Guess  // the configured languages of the script, best first
	accuracy Accuracy // mode the scores were computed in
}

// analyse splits text into script runs and scores each script's runs
// together.
func (d *Detector) analyse(text string) *analysis {
	a := &analysis{d: d, text: text, runs: splitRuns(text)}
	var parts [numScripts][]string
	for _, r := range a.runs {
		g := &a.groups[r.script]
		g.letters += r.letters
		g.runs++
		a.total += r.letters
		parts[r.script] = append(parts[r.script], text[r.start:r.end])
	}
	for s := range a.groups {
		if a.groups[s].runs > 0 {
			a.groups[s].scores = d.score(script(s), strings.Join(parts[s], " "))
			a.groups[s].accuracy = d.models[s].accuracy
		}
	}
	return a
}

// runScores returns the scores of run i alone.
func (a *analysis) runScores(i int) []Guess {
	r := a.runs[i]
	return a.d.score(r.script, a.text[r.start:r.end])
}

// score returns the confidence of each configured language of script s
// for text, best first (ties by code). A script with one configured
// language gives it confidence 1, as does a text the orthographic rules
// leave one candidate for (the way lingua's own rules do); a script with no
// configured language gives no scores.
func (d *Detector) score(s script, text string) []Guess {
	m := &d.models[s]
	switch len(m.codes) {
	case 0:
		return nil
	case 1:
		return []Guess{{Code: m.codes[0], Confidence: 1}}
	}
	text = prepare(s, text)
	set := candidates(m.codes, m.rules, presentRules(m.rules, text))
	out := make([]Guess, 0, len(m.codes))
	if det, ok := m.lingua[set]; ok {
		for _, v := range det.ComputeLanguageConfidenceValues(text) {
			out = append(out, Guess{Code: isoCode(v.Language()), Confidence: clamp01(v.Value())})
		}
	} else {
		out = append(out, Guess{Code: m.codes[bits.TrailingZeros64(set)], Confidence: 1})
	}
	for i, c := range m.codes {
		if set&(1<<i) == 0 {
			out = append(out, Guess{Code: c})
		}
	}
	sortGuesses(out)
	return out
}

// prepare readies a run for lingua, which splits words at anything that is
// not a letter: it composes decomposed letters (NFC), and in Arabic and
// Hebrew runs then drops the optional vowel points (harakat, niqqud:
// category Mn) and the Arabic tatweel U+0640, which would otherwise cut
// words into single letters.
func prepare(s script, text string) string {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	switch s {
	case scriptArabic, scriptHebrew:
		text = strings.Map(func(r rune) rune {
			if r == '\u0640' || unicode.Is(unicode.Mn, r) {
				return -1
			}
			return r
		}, text)
	}
	return text
}

// sortGuesses orders guesses by confidence, highest first, then by code.
func sortGuesses(gs []Guess) {
	slices.SortFunc(gs, func(x, y Guess) int {
		if c := cmp.Compare(y.Confidence, x.Confidence); c != 0 {
			return c
		}
		return strings.Compare(x.Code, y.Code)
	})
}

// clamp01 guards against rounding outside [0, 1] and NaN.
func clamp01(x float64) float64 {
	if !(x >= 0) {
		return 0
	}
	return min(x, 1)
}
