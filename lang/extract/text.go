package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphs renders the extracted tree as plain text, one paragraph per
// block element, separated by blank lines (see Article.Text). The tree is
// walked with an explicit stack: it has passed checkTree, but a loop is as
// clear as recursion here and cannot exhaust the goroutine stack.
func paragraphs(root *html.Node) string {
	if root == nil {
		return ""
	}
	w := &textWriter{}
	type frame struct {
		n     *html.Node
		leave bool // second visit, after the children
	}
	work := []frame{{n: root}}
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		n := f.n
		if f.leave {
			w.close(n)
			continue
		}
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
			continue
		case html.ElementNode, html.DocumentNode:
		default:
			continue // comments, doctypes
		}
		if skipped(tag(n)) {
			continue
		}
		w.open(n)
		work = append(work, frame{n: n, leave: true})
		// Push the children in reverse so the first is visited first.
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			work = append(work, frame{n: c})
		}
	}
	w.endParagraph()
	return strings.Join(w.paras, "\n\n")
}

// tag returns the element's atom from its name: trafilatura renames
// elements by changing Data alone, leaving a stale DataAtom.
func tag(n *html.Node) atom.Atom {
	if n.Type != html.ElementNode {
		return 0
	}
	return atom.Lookup([]byte(n.Data))
}

// textWriter accumulates paragraphs. Text is written lazily: a run of
// whitespace becomes one space, emitted only when more text follows on the
// same line, so no line starts or ends with a space.
type textWriter struct {
	paras []string
	cur   strings.Builder
	space bool // whitespace seen since the last character written
	brs   int  // consecutive <br>s at the end of cur
	pre   int  // depth inside <pre>
}

func (w *textWriter) text(s string) {
	for _, r := range s { // ranging turns invalid bytes into U+FFFD
		switch {
		case r == '\n' && w.pre > 0:
			w.lineBreak()
		case unicode.IsSpace(r):
			w.space = true
		case unicode.IsControl(r):
			// dropped: NUL and other C0/C1 controls are not text
		default:
			if w.space && !w.atLineStart() {
				w.cur.WriteByte(' ')
			}
			w.space = false
			w.brs = 0
			w.cur.WriteRune(r)
		}
	}
}

// atLineStart reports whether nothing has been written on the current line
// (or in the current table cell).
func (w *textWriter) atLineStart() bool {
	s := w.cur.String()
	return s == "" || strings.HasSuffix(s, "\n") || strings.HasSuffix(s, "\t")
}

// lineBreak ends the current line; a second break in a row ends the
// paragraph, since "<br><br>" is how many sites separate paragraphs.
func (w *textWriter) lineBreak() {
	w.space = false
	if w.cur.Len() == 0 {
		return
	}
	w.brs++
	if w.brs >= 2 {
		w.endParagraph()
		return
	}
	w.trimRight()
	w.cur.WriteByte('\n')
}

// separator starts a new table cell on the current line.
func (w *textWriter) separator() {
	w.space = false
	if !w.atLineStart() {
		w.cur.WriteByte('\t')
	}
}

func (w *textWriter) trimRight() {
	s := w.cur.String()
	if t := strings.TrimRight(s, " \t\n"); len(t) != len(s) {
		w.cur.Reset()
		w.cur.WriteString(t)
	}
}

// endParagraph closes the current paragraph. One without a single letter
// or digit (a lone "·" or "|" left over from a byline or a link bar) is
// dropped: it is furniture, not text.
func (w *textWriter) endParagraph() {
	w.space = false
	w.brs = 0
	p := strings.Trim(w.cur.String(), " \t\n")
	if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0 {
		w.paras = append(w.paras, p)
	}
	w.cur.Reset()
}

func (w *textWriter) open(n *html.Node) {
	a := tag(n)
	switch {
	case a == atom.Br:
		w.lineBreak()
	case a == atom.Td || a == atom.Th:
		w.separator()
	case a == atom.Tr:
		if w.cur.Len() > 0 {
			w.brs = 0
			w.lineBreak()
		}
	case isBlock(a):
		w.endParagraph()
	case a == atom.Img:
		w.space = true // an image between two words separates them
	}
	if a == atom.Pre {
		w.pre++
	}
}

func (w *textWriter) close(n *html.Node) {
	a := tag(n)
	if a == atom.Pre {
		w.pre--
	}
	if isBlock(a) {
		w.endParagraph()
	}
}

// skipped reports elements whose content is never article text.
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head,
		atom.Title, atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed,
		atom.Button, atom.Select, atom.Textarea, atom.Input:
		return true
	}
	return false
}

// isBlock reports the elements that start and end a paragraph. Tables are
// one paragraph, a row per line: tr and td are handled in open.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
		atom.H6, atom.Li, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Caption, atom.Section,
		atom.Article, atom.Aside, atom.Header, atom.Footer, atom.Main,
		atom.Nav, atom.Figure, atom.Figcaption, atom.Address, atom.Details,
		atom.Summary, atom.Hr, atom.Center, atom.Form, atom.Fieldset,
		atom.Legend, atom.Body, atom.Html, atom.Menu:
		return true
	}
	return false
}
