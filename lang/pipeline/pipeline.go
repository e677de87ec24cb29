package pipeline

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"interlinear/lang/clean"
	"interlinear/lang/detect"
	"interlinear/lang/extract"
	"interlinear/lang/names"
	"interlinear/lang/segment"
)

// ErrEmpty is returned when nothing of the article is left after cleaning.
var ErrEmpty = errors.New("pipeline: no text left after cleaning")

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
		for _, s := range segment.Sentences(para.Text) {
			start, end := sourceSpan(cd.Source, para, s)
			doc.Passages = append(doc.Passages, Passage{
				Paragraph: pi,
				Text:      s.Text,
				Start:     start,
				End:       end,
				Language:  p.det.Detect(s.Text).Language,
			})
		}
		body.WriteString(para.Text)
		body.WriteString("\n")
	}
	if len(doc.Passages) == 0 {
		return Document{}, ErrEmpty
	}
	doc.Language = p.det.Detect(body.String()).Language
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

// sourceSpan maps a sentence span inside a cleaned paragraph back onto the
// source. Cleaning only collapses whitespace and drops invisible controls,
// so a sentence's first and last characters are found in order within the
// paragraph's source span; when that fails (never expected) the paragraph's
// whole span is returned, which still contains the sentence.
func sourceSpan(src string, para clean.Paragraph, s segment.Sentence) (int, int) {
	region := src[para.Start:para.End]
	if s.Start == 0 && s.End == len(para.Text) {
		return para.Start, para.End
	}
	// Walk the cleaned paragraph and the source region together, skipping
	// in the source what cleaning removed (extra spaces, controls).
	ci, ri := 0, 0
	start, end := -1, -1
	pt := para.Text
	for ci <= len(pt) && ri <= len(region) {
		if ci == s.Start && start < 0 {
			start = ri
		}
		if ci == s.End {
			end = ri
			break
		}
		if ci == len(pt) || ri == len(region) {
			break
		}
		if pt[ci] == region[ri] {
			ci++
			ri++
			continue
		}
		// Cleaned text has a single space where the source has any run of
		// whitespace or invisible characters; skip source bytes until the
		// next byte matches.
		if pt[ci] == ' ' {
			ci++
			for ri < len(region) && ci < len(pt) && region[ri] != pt[ci] {
				ri++
			}
			continue
		}
		ri++
	}
	if start < 0 || end < start {
		return para.Start, para.End
	}
	return para.Start + start, para.Start + end
}
