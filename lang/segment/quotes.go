package segment

import (
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end).
type span struct{ start, end int }

// quoteRegions returns the byte spans of the quotations that open and
// close within p, each from its opening mark to the end of its closing
// mark. Quotations may nest; an opening mark that is never closed, and a
// closing mark with no opening one, are ignored.
//
// Pairs: “…” „…” „…“ ‘…’ ‚…’ «…» ‹…› 「…」 『…』, and the symmetric "…"
// ＂…＂ '…'. A symmetric mark opens after white space or an opening
// bracket and before a non-space, closes after a non-space and before
// white space or punctuation, and otherwise alternates; opening one while
// another is open drops the earlier, unmatched one. An apostrophe
// between two letters (they’ve, Russia's) is never a quotation mark, and
// ’ or ' after a letter closes a quotation only when one is open (forces’
// is otherwise a possessive).
//
// It also returns the marks it took as opening ones, each as its end
// offset mapped to its start offset.
func quoteRegions(p string) (regions []span, openers map[int]int) {
	type mark struct {
		r  rune
		at int
	}
	var stack []mark
	openers = map[int]int{}
	push := func(r rune, at, end int) {
		stack = append(stack, mark{r, at})
		openers[end] = at
	}
	// closeTo pops the nearest open mark accepted by ok and records the
	// region it delimits; it reports whether one was found.
	closeTo := func(end int, ok func(rune) bool) bool {
		for k := len(stack) - 1; k >= 0; k-- {
			if ok(stack[k].r) {
				regions = append(regions, span{stack[k].at, end})
				stack = stack[:k]
				return true
			}
		}
		return false
	}
	drop := func(r rune) {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].r == r {
				stack = append(stack[:k], stack[k+1:]...)
				return
			}
		}
	}
	is := func(marks ...rune) func(rune) bool {
		return func(r rune) bool {
			for _, m := range marks {
				if r == m {
					return true
				}
			}
			return false
		}
	}
	prev := ' '
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		next, _ := utf8.DecodeRuneInString(p[i+size:])
		end := i + size
		inWord := unicode.IsLetter(prev) && unicode.IsLetter(next)
		switch r {
		case '“':
			if len(stack) > 0 && stack[len(stack)-1].r == '„' {
				closeTo(end, is('„'))
			} else {
				push(r, i, end)
			}
		case '„', '«', '‹', '「', '『':
			push(r, i, end)
		case '‘', '‚':
			if !inWord {
				push(r, i, end)
			}
		case '”':
			closeTo(end, is('“', '„'))
		case '»':
			closeTo(end, is('«'))
		case '›':
			closeTo(end, is('‹'))
		case '」':
			closeTo(end, is('「'))
		case '』':
			closeTo(end, is('『'))
		case '’':
			if !inWord {
				closeTo(end, is('‘', '‚'))
			}
		case '"', '＂':
			before := unicode.IsSpace(prev) || unicode.In(prev, unicode.Ps, unicode.Pi)
			after := end == len(p) || unicode.IsSpace(next) || unicode.IsPunct(next)
			switch {
			case before && !after: // opening: a stray mark left open is dropped
				drop(r)
				push(r, i, end)
			case after && !before:
				closeTo(end, is(r))
			case !closeTo(end, is(r)):
				push(r, i, end)
			}
		case '\'':
			switch {
			case inWord:
			case closeTo(end, is('\'')):
			case !unicode.IsLetter(prev) && !unicode.IsDigit(prev) && !unicode.IsSpace(next):
				push(r, i, end)
			}
		}
		prev = r
		i = end
	}
	return regions, openers
}
