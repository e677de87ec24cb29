package extract

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// DefaultMaxBytes, DefaultMaxNodes and DefaultMaxDepth are the limits
// FromHTML applies when Options leaves them at zero. The 50 benchmark news
// pages are at most 1.5 MB, 4,000 nodes and 52 levels deep (checked by
// TestEvalPagesWithinLimits), so these leave ample room for real pages
// while bounding the time of the parser and of the extractor, whose tree
// walks are recursive and in places quadratic. 512 is also the depth at
// which x/net/html's parser gives up, so it is the most MaxDepth can be.
const (
	DefaultMaxNodes = 250_000
	DefaultMaxDepth = 512
	DefaultMaxBytes = 8 << 20
)

// maxParagraphWork bounds paragraphs × text bytes. trafilatura's main
// extractor concatenates the text of every <p> with += (extractContent,
// v1.12.2), once per candidate selector, so its time grows with that
// product: measured here, 8,000 paragraphs over 2 MB of text inside an
// <article> take 3 s and 16,000 over 4 MB take 8.7 s. The bound is 1/4 of
// the first case (about a second); the largest benchmark page uses 0.5%
// of it (2.1e7).
const maxParagraphWork = 4_000_000_000

// limits are the effective complexity bounds of one call.
type limits struct {
	maxBytes, maxNodes, maxDepth int
}

func (o Options) limits() limits {
	l := limits{maxBytes: o.MaxBytes, maxNodes: o.MaxNodes, maxDepth: o.MaxDepth}
	if l.maxBytes <= 0 {
		l.maxBytes = DefaultMaxBytes
	}
	if l.maxNodes <= 0 {
		l.maxNodes = DefaultMaxNodes
	}
	// x/net/html refuses more than 512 open elements itself.
	if l.maxDepth <= 0 || l.maxDepth > DefaultMaxDepth {
		l.maxDepth = DefaultMaxDepth
	}
	return l
}

// openElem is one element the guard believes is open.
type openElem struct {
	name atom.Atom // 0 for names the atom table does not know
	raw  string    // the name when name == 0
	// family is the Noah's Ark family (name and attributes) of a
	// formatting element.
	family string
}

// guard estimates, from tokens alone, how large and deep a tree the HTML
// parser will build. See precheck.
type guard struct {
	stack  []openElem
	open   map[string]int // count of open elements by name
	nodes  int
	depth  int // deepest len(stack)+fmtOff seen
	fmtOff int // formatting elements popped implicitly but still active
	// offFamilies counts the off-stack formatting elements by family; the
	// parser keeps at most three of one family (its Noah's Ark clause).
	offFamilies map[string]int
	// pending records an implicit pop since the last reconstruction.
	pending bool
	foreign int // svg and math elements on the stack
	// paras and textBytes estimate the extractor's paragraph scan, which
	// is quadratic: see maxParagraphWork.
	paras, textBytes int
	rawText          bool // the next text token is script or style source
}

// precheck makes one pass of the x/net/html tokenizer over s, before the
// document is parsed, and refuses it with ErrTooComplex when the parser
// would build too many nodes or nest too deeply. The tokenizer is linear
// and keeps no tree, so this costs a fraction of a parse, and it bounds the
// parser's own work, which grows with tokens × depth.
//
// The estimate follows the parser's tree construction (WHATWG HTML §13.2.6)
// only roughly: start tags push, end tags pop back to the matching open
// element (an unmatched end tag is ignored, as the parser ignores it), void
// elements never push, and the commonest implied end tags are applied (a
// block start closes an open p, li closes li, td closes td, a closes a, and
// so on). Where it errs it errs low, and checkTree repeats the test exactly
// on the parsed tree. A self-closing "<div/>" does push: HTML ignores the
// slash on non-void elements outside SVG and MathML.
//
// Node count is the number of tokens plus the nodes the parser creates by
// itself when it reconstructs the active formatting elements (§13.2.4.3):
// a formatting element (b, font, ...) left open when its parent closes is
// cloned into every following block. Unchecked, that turns
// "<p><font id=1></p><p><font id=2></p>..." into a quadratic number of
// nodes from a few kilobytes of input, so the guard counts such off-stack
// formatting elements (at most three per family) and charges them as nodes
// each time they would be reconstructed, and as depth.
func precheck(s string, lim limits) error {
	_, err := scan(s, lim)
	return err
}

// scan runs the guard over s and returns its final state, for precheck and
// for tests that measure how much of the limits real pages use.
func scan(s string, lim limits) (*guard, error) {
	g := &guard{open: map[string]int{}, offFamilies: map[string]int{}}
	if len(s) > lim.maxBytes {
		return g, fmt.Errorf("%w: %d bytes, more than %d", ErrTooComplex, len(s), lim.maxBytes)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return g, fmt.Errorf("%w: tokenizer: %v", ErrTooComplex, err)
			}
			return g, nil
		case html.TextToken:
			g.nodes++
			raw := z.Raw()
			if !g.rawText {
				g.textBytes += len(raw)
			}
			if g.pending && len(bytes.TrimSpace(raw)) > 0 {
				g.reconstruct()
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			g.nodes++
			g.reconstruct()
			g.start(z, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			g.rawText = false
			g.end(z)
		default: // comments and doctypes
			g.rawText = false
			g.nodes++
		}
		if g.nodes > lim.maxNodes {
			return g, fmt.Errorf("%w: more than %d nodes", ErrTooComplex, lim.maxNodes)
		}
		if g.depth > lim.maxDepth {
			return g, fmt.Errorf("%w: nesting deeper than %d", ErrTooComplex, lim.maxDepth)
		}
		if g.paras*g.textBytes > maxParagraphWork {
			return g, fmt.Errorf("%w: %d paragraphs over %d bytes of text", ErrTooComplex, g.paras, g.textBytes)
		}
	}
}

func (g *guard) reconstruct() {
	if g.pending {
		g.nodes += g.fmtOff
		g.pending = false
	}
}

func key(name atom.Atom, raw string) string {
	if name != 0 {
		return name.String()
	}
	return raw
}

// popTo pops the stack down to and including index i. Formatting elements
// popped on the way, other than the one at i, stay active in the parser:
// they become off-stack and will be reconstructed.
func (g *guard) popTo(i int) {
	for j := len(g.stack) - 1; j >= i; j-- {
		e := g.stack[j]
		g.open[key(e.name, e.raw)]--
		switch {
		case e.name == atom.Svg || e.name == atom.Math:
			g.foreign--
		case isMarker(e.name):
			// Closing a marker clears the active formatting elements
			// added since it opened (§13.2.4.3); the guard keeps no
			// per-marker record and clears them all, erring low.
			g.fmtOff = 0
			clear(g.offFamilies)
		case j != i && e.family != "" && g.offFamilies[e.family] < 3:
			g.offFamilies[e.family]++
			g.fmtOff++
		}
	}
	g.stack = g.stack[:i]
	if g.fmtOff > 0 {
		g.pending = true
	}
}

// find returns the index of the topmost open element for which want is
// true, searching down from the top and giving up at the first element for
// which stop is true; -1 if there is none.
func (g *guard) find(want, stop func(atom.Atom) bool) int {
	for i := len(g.stack) - 1; i >= 0; i-- {
		n := g.stack[i].name
		if want(n) {
			return i
		}
		if stop(n) {
			return -1
		}
	}
	return -1
}

func is(names ...atom.Atom) func(atom.Atom) bool {
	return func(a atom.Atom) bool {
		for _, n := range names {
			if a == n {
				return true
			}
		}
		return false
	}
}

// scopeStop approximates the boundaries of "has an element in button
// scope" (§13.2.4.2).
func scopeStop(a atom.Atom) bool {
	switch a {
	case atom.Applet, atom.Caption, atom.Table, atom.Td, atom.Th,
		atom.Marquee, atom.Object, atom.Template, atom.Button, atom.Svg,
		atom.Math:
		return true
	}
	return false
}

// listStop bounds the search for an open li, dt or dd.
func listStop(a atom.Atom) bool {
	return a == atom.Ul || a == atom.Ol || a == atom.Dl || a == atom.Menu || scopeStop(a)
}

func (g *guard) start(z *html.Tokenizer, selfClosing bool) {
	rawName, hasAttr := z.TagName()
	name := atom.Lookup(rawName)
	raw := ""
	if name == 0 {
		raw = string(rawName)
	}
	k := key(name, raw)
	switch name {
	case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Noembed, atom.Noframes, atom.Xmp:
		// The tokenizer returns their content as one raw text token.
		g.rawText = !selfClosing
	case atom.P:
		g.paras++
		g.rawText = false
	default:
		g.rawText = false
	}

	// Implied end tags the parser applies before inserting (§13.2.6.4.7).
	if closesP(name) {
		if i := g.find(is(atom.P), scopeStop); i >= 0 {
			g.popTo(i)
		}
	}
	switch name {
	case atom.Li:
		if i := g.find(is(atom.Li), listStop); i >= 0 {
			g.popTo(i)
		}
	case atom.Dt, atom.Dd:
		if i := g.find(is(atom.Dt, atom.Dd), listStop); i >= 0 {
			g.popTo(i)
		}
	case atom.Td, atom.Th:
		if i := g.find(is(atom.Td, atom.Th), is(atom.Tr, atom.Table, atom.Template)); i >= 0 {
			g.popTo(i)
		}
	case atom.Tr:
		if i := g.find(is(atom.Tr), is(atom.Tbody, atom.Thead, atom.Tfoot, atom.Table, atom.Template)); i >= 0 {
			g.popTo(i)
		}
	case atom.Tbody, atom.Thead, atom.Tfoot:
		if i := g.find(is(atom.Tbody, atom.Thead, atom.Tfoot), is(atom.Table, atom.Template)); i >= 0 {
			g.popTo(i)
		}
	case atom.Option, atom.Optgroup:
		if n := len(g.stack); n > 0 && g.stack[n-1].name == atom.Option {
			g.popTo(n - 1)
		}
		if n := len(g.stack); name == atom.Optgroup && n > 0 && g.stack[n-1].name == atom.Optgroup {
			g.popTo(n - 1)
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if n := len(g.stack); n > 0 && isHeading(g.stack[n-1].name) {
			g.popTo(n - 1)
		}
	case atom.A, atom.Nobr, atom.Button, atom.Select:
		// A second one while one is open closes the first.
		if g.open[k] > 0 {
			if i := g.find(is(name), is()); i >= 0 {
				g.popTo(i)
			}
		}
	case atom.Table:
		// A table directly inside a table (not in a cell) closes it.
		if i := g.find(is(atom.Table), is(atom.Td, atom.Th, atom.Caption)); i >= 0 {
			g.popTo(i)
		}
	case atom.Form:
		if g.open[k] > 0 {
			return // a nested form start tag is ignored
		}
	case atom.Html, atom.Head, atom.Body, atom.Colgroup, atom.Rb, atom.Rp, atom.Rt, atom.Rtc:
		return // merged into the existing element, or never nests
	}
	if isVoid(name) || selfClosing && g.foreign > 0 {
		return
	}
	e := openElem{name: name, raw: raw}
	if isFormatting(name) {
		var b strings.Builder
		b.WriteString(k)
		for more := hasAttr; more; {
			var ak, av []byte
			ak, av, more = z.TagAttr()
			b.WriteByte(0)
			b.Write(ak)
			b.WriteByte('=')
			b.Write(av)
		}
		e.family = b.String()
	}
	if name == atom.Svg || name == atom.Math {
		g.foreign++
	}
	g.stack = append(g.stack, e)
	g.open[k]++
	g.depth = max(g.depth, len(g.stack)+g.fmtOff)
}

func (g *guard) end(z *html.Tokenizer) {
	rawName, _ := z.TagName()
	name := atom.Lookup(rawName)
	raw := ""
	if name == 0 {
		raw = string(rawName)
	}
	k := key(name, raw)
	if g.open[k] > 0 {
		for i := len(g.stack) - 1; i >= 0; i-- {
			if g.stack[i].name == name && g.stack[i].raw == raw {
				g.popTo(i)
				return
			}
		}
	}
	if name == atom.P || name == atom.Br {
		g.nodes++ // a stray </p> or </br> inserts an element
	}
	if isFormatting(name) && g.fmtOff > 0 {
		// The adoption agency (§13.2.6.4.7) removes an off-stack
		// formatting element from the active list when its end tag comes.
		for f, c := range g.offFamilies {
			if c > 0 && (f == k || strings.HasPrefix(f, k+"\x00")) {
				g.offFamilies[f]--
				g.fmtOff--
				return
			}
		}
	}
}

// checkTree measures the parsed tree exactly (iteratively, so a deep tree
// cannot exhaust the stack) and refuses it when it exceeds lim.
func checkTree(doc *html.Node, lim limits) error {
	type item struct {
		n     *html.Node
		depth int
	}
	nodes := 0
	work := []item{{doc, 0}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		nodes++
		if nodes > lim.maxNodes {
			return fmt.Errorf("%w: more than %d nodes", ErrTooComplex, lim.maxNodes)
		}
		if it.depth > lim.maxDepth {
			return fmt.Errorf("%w: nesting deeper than %d", ErrTooComplex, lim.maxDepth)
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			work = append(work, item{c, it.depth + 1})
		}
	}
	return nil
}

// isVoid reports the void elements (§13.1.2), which have no end tag and
// never contain anything, plus the obsolete ones the parser treats alike.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr,
		atom.Img, atom.Input, atom.Keygen, atom.Link, atom.Meta, atom.Param,
		atom.Source, atom.Track, atom.Wbr, atom.Basefont, atom.Bgsound,
		atom.Frame, atom.Image:
		return true
	}
	return false
}

// closesP reports the start tags that close an open p element in button
// scope (§13.2.6.4.7, "in body" insertion mode).
func closesP(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Header, atom.Hgroup,
		atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Search,
		atom.Section, atom.Summary, atom.Ul, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Pre, atom.Listing, atom.Form,
		atom.Li, atom.Dd, atom.Dt, atom.Plaintext, atom.Table, atom.Hr,
		atom.Xmp:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// isFormatting reports the formatting elements of the HTML parser
// (§13.2.4.3), the ones it reconstructs.
func isFormatting(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I,
		atom.Nobr, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		return true
	}
	return false
}

// isMarker reports the elements that put a marker on the list of active
// formatting elements (§13.2.4.3); closing one clears the list back to it.
func isMarker(a atom.Atom) bool {
	switch a {
	case atom.Applet, atom.Marquee, atom.Object, atom.Template, atom.Td,
		atom.Th, atom.Caption:
		return true
	}
	return false
}
