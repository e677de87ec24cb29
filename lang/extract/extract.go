package extract

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// Article is the main content of a page and its metadata.
type Article struct {
	// Title is the headline, from the page metadata or its first heading.
	Title string
	// Text is the main content as plain text: no markup, one paragraph per
	// block of the page (paragraph, heading, list item, table), paragraphs
	// separated by a blank line ("\n\n"). Inside a paragraph a <br> becomes
	// "\n" and, in a table row, cells are separated by "\t". Whitespace is
	// collapsed and control characters dropped; the text is NFC and valid
	// UTF-8.
	Text string
	// Language is the ISO 639-1 code trafilatura's classifier (whatlanggo)
	// gives the text, or "" when it has none. It is a hint: lang/detect
	// decides per passage.
	Language string
	// Published is the publication date found in the metadata or the page,
	// or the zero time.
	Published time.Time
	// Author is the byline found in the metadata, or "".
	Author string
}

// Options tune one extraction. The zero value is ready to use.
type Options struct {
	// URL is the address the page was fetched from. It is optional and
	// used as a hint for metadata; an unparsable URL is ignored.
	URL string
	// MaxBytes bounds the length of the page; longer pages are refused with
	// ErrTooComplex. Zero means DefaultMaxBytes.
	MaxBytes int
	// MaxNodes bounds the size of the document: pages that would parse into
	// more nodes are refused with ErrTooComplex. Zero means DefaultMaxNodes.
	MaxNodes int
	// MaxDepth bounds how deeply elements may nest; deeper pages are refused
	// with ErrTooComplex. Zero means DefaultMaxDepth, which is also the
	// largest value honoured.
	MaxDepth int
	// Timeout, when positive, bounds the wait for the extractor: FromHTML
	// returns ErrTimeout once it has passed. The library cannot be
	// cancelled, so the abandoned extraction runs on to completion in the
	// background; MaxNodes and MaxDepth bound how long that can be.
	Timeout time.Duration
}

// Errors returned by FromHTML; test for them with errors.Is.
var (
	// ErrNoContent means the page has no main text the extractor trusts.
	ErrNoContent = errors.New("extract: no main text found")
	// ErrTooComplex means the page exceeds MaxBytes, MaxNodes or MaxDepth,
	// or holds so many paragraphs of so much text that the extractor would
	// take seconds, and was refused before extraction.
	ErrTooComplex = errors.New("extract: document too complex")
	// ErrTimeout means the extraction did not finish within Options.Timeout.
	ErrTimeout = errors.New("extract: timed out")
)

// profile is the trafilatura configuration; newsProfile is the one used.
type profile struct {
	focus    trafilatura.ExtractionFocus
	fallback bool // readability and DOM-distiller as candidates
	tables   bool
}

// newsProfile returns the configuration FromHTML uses, the best of the
// twelve measured by TestQuality on the benchmark dev slice (see the table
// there): balanced focus (FavorPrecision drops whole paragraphs and scored
// lower in precision too), readability and DOM-distiller as fallback
// candidates, tables kept (news pages put results, polls and figures in
// them). Comments are always excluded.
func newsProfile() profile {
	return profile{focus: trafilatura.Balanced, fallback: true, tables: true}
}

// FromHTML extracts the main text and metadata of the news page src, which
// must be UTF-8 (decode other charsets first; invalid bytes become U+FFFD).
// It returns ErrTooComplex for pathologically large or deep documents,
// ErrNoContent when no main text is found, and ErrTimeout when
// opt.Timeout has passed. It never panics: a panic inside the extractor is
// returned as an error.
func FromHTML(src string, opt Options) (Article, error) {
	return fromHTML(src, opt, newsProfile())
}

func fromHTML(src string, opt Options, p profile) (Article, error) {
	lim := opt.limits()
	if err := precheck(src, lim); err != nil {
		return Article{}, err
	}
	if opt.Timeout <= 0 {
		return run(src, opt, lim, p)
	}
	type result struct {
		a   Article
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned run must not block
	go func() {
		a, err := run(src, opt, lim, p)
		done <- result{a, err}
	}()
	timer := time.NewTimer(opt.Timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.a, r.err
	case <-timer.C:
		return Article{}, fmt.Errorf("%w after %v", ErrTimeout, opt.Timeout)
	}
}

// run parses and extracts; the input has passed precheck.
func run(src string, opt Options, lim limits, p profile) (a Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = Article{}, fmt.Errorf("extract: extractor panicked: %v", r)
		}
	}()
	// Parse here rather than through trafilatura.Extract, which would sniff
	// the charset of what is already a UTF-8 string. Normalise to NFC as
	// trafilatura's own parser does.
	doc, err := html.Parse(strings.NewReader(norm.NFC.String(src)))
	if err != nil {
		// The one error Parse can return for a string is its own depth
		// limit (more than 512 open elements).
		return Article{}, fmt.Errorf("%w: %v", ErrTooComplex, err)
	}
	if err := checkTree(doc, lim); err != nil {
		return Article{}, err
	}
	topt := trafilatura.Options{
		Focus:           p.focus,
		EnableFallback:  p.fallback,
		ExcludeTables:   !p.tables,
		ExcludeComments: true,
	}
	if opt.URL != "" {
		if u, err := url.ParseRequestURI(opt.URL); err == nil {
			topt.OriginalURL = u
		}
	}
	res, err := trafilatura.ExtractDocument(doc, topt)
	if err != nil {
		return Article{}, fmt.Errorf("%w: %v", ErrNoContent, err)
	}
	text := paragraphs(res.ContentNode)
	if text == "" {
		return Article{}, ErrNoContent
	}
	return Article{
		Title:     cleanLine(res.Metadata.Title),
		Text:      text,
		Language:  res.Metadata.Language,
		Published: res.Metadata.Date,
		Author:    cleanLine(res.Metadata.Author),
	}, nil
}

// cleanLine collapses whitespace in a metadata field to single spaces and
// drops control characters; the result is valid UTF-8.
func cleanLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s { // ranging turns invalid bytes into U+FFFD
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		case unicode.IsControl(r):
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
