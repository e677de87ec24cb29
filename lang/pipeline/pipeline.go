package pipeline

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"interlinear/lang/clean"
	"interlinear/lang/detect"
	"interlinear/lang/extract"
	"interlinear/lang/names"
	"interlinear/lang/segment"
)

// ErrEmpty is returned when nothing of the article is left after cleaning.
var ErrEmpty = errors.New("pipeline: no text left after cleaning")

// ErrTooManyPassages is returned, wrapped, for an article of more than
// MaxPassages sentences: no news article is that long, and analysing one
// would hold a worker for many seconds.
var ErrTooManyPassages = errors.New("pipeline: too many sentences")

const (
	// MaxPassages is the most sentences one article may have.
	MaxPassages = 5000
	// maxPassageBytes caps one passage: a "sentence" longer than this
	// (a page with no full stops) is cut at the last space before it, so
	// that language detection and name matching work on bounded pieces.
	maxPassageBytes = 2000
	// maxDetectBytes is how much of an article its language is decided on.
	maxDetectBytes = 32 << 10
)

// Input is one article as a desk or client posts it. Exactly one of Text
// and HTML is expected; HTML wins when both are set.
type Input struct {
	Text     string
	HTML     string
	URL      string
	Title    string
	Language string // declared by the caller; detection still runs
}

// Passage is one sentence with its paragraph and language.
type Passage struct {
	Paragraph int
	Text      string
	Start     int // byte offsets into Document.Source
	End       int
	Language  detect.Guess
	Mentions  []names.Mention // byte spans relative to Text
}

// Document is the analysed article.
type Document struct {
	Title    string // the caller's title, else the extractor's
	Source   string // the text that offsets point into (after extraction and NFC)
	Language detect.Guess
	Passages []Passage
	Removed  []clean.Removed
}

// Pipeline holds the shared language detector and name matcher. It is
// safe for concurrent use.
type Pipeline struct {
	det   *detect.Detector
	gaz   *names.Gazetteer
	names *names.Matcher
}

// New returns a pipeline that tags languages with det and finds names
// known to the gazetteer g, and others by their shape (no names are
// looked for when g is nil).
func New(det *detect.Detector, g *names.Gazetteer) *Pipeline {
	p := &Pipeline{det: det, gaz: g}
	if g != nil {
		p.names = names.NewMatcher(g)
	}
	return p
}

// Names returns the name matcher, or nil.
func (p *Pipeline) Names() *names.Matcher { return p.names }

// Entity returns the gazetteer entity with the given id.
func (p *Pipeline) Entity(id string) (names.Entity, bool) {
	if p.gaz == nil {
		return names.Entity{}, false
	}
	return p.gaz.Entity(id)
}

// Detector returns the detector the pipeline uses.
func (p *Pipeline) Detector() *detect.Detector { return p.det }

// Process analyses one article.
func (p *Pipeline) Process(in Input) (Document, error) {
	text, title := in.Text, in.Title
	if in.HTML != "" {
		art, err := extract.FromHTML(in.HTML, extract.Options{URL: in.URL, Timeout: 10 * time.Second})
		if err != nil {
			return Document{}, fmt.Errorf("pipeline: %w", err)
		}
		text = art.Text
		if title == "" {
			title = art.Title
		}
	}
	cd := clean.Clean(text, clean.Options{Title: title})
	doc := Document{Title: title, Source: cd.Source, Removed: cd.Removed}
	var body strings.Builder
	for pi, para := range cd.Paragraphs {
		offsets := offsetMap(cd.Source, para)
		for _, s := range segment.Sentences(para.Text) {
			for _, piece := range cutLong(s, maxPassageBytes) {
				if len(doc.Passages) == MaxPassages {
					return Document{}, fmt.Errorf("%w: more than %d", ErrTooManyPassages, MaxPassages)
				}
				start, end := offsets[piece.Start], offsets[piece.End]
				if piece.End > 0 {
					// The end is just after the sentence's last byte.
					end = offsets[piece.End-1] + 1
				}
				doc.Passages = append(doc.Passages, Passage{Paragraph: pi, Text: piece.Text, Start: start, End: end})
			}
		}
		if body.Len() < maxDetectBytes {
			body.WriteString(para.Text)
			body.WriteString("\n")
		}
	}
	if len(doc.Passages) == 0 {
		return Document{}, ErrEmpty
	}
	for i := range doc.Passages {
		doc.Passages[i].Language = p.det.Detect(doc.Passages[i].Text).Language
	}
	doc.Language = p.det.Detect(truncateUTF8(body.String(), maxDetectBytes)).Language
	p.findNames(&doc)
	return doc, nil
}

// findNames runs name extraction over the whole article at once, so that
// an alias the text defines in one sentence ("Daesh (ISIS)") binds the
// acronym in later ones, then hands each passage its own mentions with
// spans relative to the passage.
func (p *Pipeline) findNames(doc *Document) {
	if p.names == nil {
		return
	}
	var joined strings.Builder
	starts := make([]int, len(doc.Passages))
	for i, ps := range doc.Passages {
		if i > 0 {
			joined.WriteString("\n")
		}
		starts[i] = joined.Len()
		joined.WriteString(ps.Text)
	}
	ms := p.names.Extract(joined.String(), doc.Language.Code)
	slices.SortStableFunc(ms, func(a, b names.Mention) int { return a.Start - b.Start })
	i := 0
	for _, m := range ms {
		for i+1 < len(starts) && m.Start >= starts[i+1] {
			i++
		}
		end := starts[i] + len(doc.Passages[i].Text)
		if m.Start < starts[i] || m.End > end {
			continue // spans two passages: not a name of either
		}
		m.Start -= starts[i]
		m.End -= starts[i]
		doc.Passages[i].Mentions = append(doc.Passages[i].Mentions, m)
	}
}

// offsetMap maps every byte offset of a cleaned paragraph (0 through
// len(para.Text)) to the source offset it came from. Cleaning only
// collapses whitespace runs to one space and drops invisible characters,
// so walking both texts once in step finds every correspondence; a byte
// the walk cannot place maps to the paragraph's end, which still bounds
// the sentence.
func offsetMap(src string, para clean.Paragraph) []int {
	region := src[para.Start:para.End]
	pt := para.Text
	m := make([]int, len(pt)+1)
	ri := 0
	for ci := 0; ci < len(pt); {
		if pt[ci] == ' ' {
			// One space in the cleaned text stands for a run of whitespace
			// and invisible characters in the source: skip to the next
			// byte that matches what follows the space.
			m[ci] = para.Start + ri
			ci++
			for ri < len(region) && ci < len(pt) && region[ri] != pt[ci] {
				ri++
			}
			continue
		}
		for ri < len(region) && region[ri] != pt[ci] {
			ri++ // an invisible character the cleaner dropped
		}
		m[ci] = para.Start + ri
		ci++
		if ri < len(region) {
			ri++
		}
	}
	m[len(pt)] = para.Start + ri
	return m
}

// cutLong splits a sentence longer than max bytes at spaces (or, with no
// space, at a rune boundary) into pieces of at most max bytes.
func cutLong(s segment.Sentence, max int) []segment.Sentence {
	if len(s.Text) <= max {
		return []segment.Sentence{s}
	}
	var out []segment.Sentence
	text, off := s.Text, s.Start
	for len(text) > max {
		cut := strings.LastIndexByte(text[:max], ' ')
		if cut <= 0 {
			cut = len(truncateUTF8(text, max))
			if cut == 0 {
				_, size := utf8.DecodeRuneInString(text)
				cut = size
			}
		}
		piece := strings.TrimSpace(text[:cut])
		lead := strings.Index(text, piece)
		if piece != "" {
			out = append(out, segment.Sentence{Text: piece, Start: off + lead, End: off + lead + len(piece)})
		}
		text, off = text[cut:], off+cut
	}
	if piece := strings.TrimSpace(text); piece != "" {
		lead := strings.Index(text, piece)
		out = append(out, segment.Sentence{Text: piece, Start: off + lead, End: off + lead + len(piece)})
	}
	return out
}

// truncateUTF8 returns at most max bytes of s, cut at a rune boundary.
func truncateUTF8(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max]
}
