package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalizeSource returns the source view of src: invalid UTF-8 bytes
// replaced by U+FFFD, CRLF turned into LF (with any further carriage
// returns before the line feed, so that the result is stable), then NFC.
// Nothing else changes, so every offset into it points at the text as
// scraped.
func normalizeSource(src string) string {
	if !utf8.ValidString(src) {
		src = strings.ToValidUTF8(src, "\uFFFD")
	}
	if strings.Contains(src, "\r\n") {
		var b strings.Builder
		b.Grow(len(src))
		for i := 0; i < len(src); i++ {
			if src[i] == '\r' {
				j := i
				for j < len(src) && src[j] == '\r' {
					j++
				}
				if j < len(src) && src[j] == '\n' {
					i = j - 1
					continue
				}
			}
			b.WriteByte(src[i])
		}
		src = b.String()
	}
	return norm.NFC.String(src)
}

// isInvisible reports whether r is dropped from paragraph text: the
// zero-width characters U+200B..U+200F (zero-width space, joiners, the
// left-to-right and right-to-left marks), the bidi embeddings and
// overrides U+202A..U+202E, the bidi isolates U+2066..U+2069, the word
// joiner U+2060, the soft hyphen U+00AD, the byte order mark U+FEFF, and
// C0 and C1 control characters other than white space.
func isInvisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2060, r == 0x00AD, r == 0xFEFF:
		return true
	}
	return unicode.IsControl(r) && !unicode.IsSpace(r)
}

// isSpace reports whether r is white space for Collapse: every Unicode
// space (unicode.IsSpace: ASCII space, tab, line breaks, U+0085, NBSP
// U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and the
// ideographic space U+3000).
func isSpace(r rune) bool { return unicode.IsSpace(r) }

// Collapse returns s with every run of white space (any Unicode space,
// including tabs, line breaks and no-break spaces) replaced by one ASCII
// space, leading and trailing white space removed, and the invisible
// formatting characters listed at isInvisible dropped. Quotes and all
// other characters are kept as they are. It is the text of a Paragraph:
// for every Paragraph p of a Doc d, p.Text == Collapse(d.Source[p.Start:p.End]).
func Collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isInvisible(r):
		case isSpace(r):
			space = b.Len() > 0
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

// FoldQuotes returns s with every kind of quotation mark replaced by an
// ASCII one: “ ” „ ‟ « » 「 」 『 』 ″ ＂ become " and ‘ ’ ‚ ‛ ‹ › ′ ＇
// become '. It is a matching view only: Clean never rewrites the quotes of
// a paragraph, so that the outlet's typography is shown as published, and
// callers fold both sides when they compare texts ("Hizballah’s" and
// "Hizballah's" are the same word).
func FoldQuotes(s string) string {
	if !strings.ContainsFunc(s, isFoldedQuote) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldQuote(r))
	}
	return b.String()
}

func isFoldedQuote(r rune) bool { return foldQuote(r) != r }

func foldQuote(r rune) rune {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '「', '」', '『', '』', '″', '＂':
		return '"'
	case '‘', '’', '‚', '‛', '‹', '›', '′', '＇':
		return '\''
	}
	return r
}

// matchKey is the form in which Clean compares two texts: collapsed,
// quotes folded and case folded.
func matchKey(s string) string {
	return strings.ToLower(FoldQuotes(Collapse(s)))
}

// endsSentence reports whether s ends in sentence punctuation (. ! ? …
// and their Arabic-script and full-width forms), possibly followed by
// closing quotes and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return isSpace(r) || unicode.In(r, unicode.Pe, unicode.Pf) || strings.ContainsRune("\"'»’”", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？．؟۔", r)
}

// words estimates the number of words of s: its white-space separated
// tokens, where a run of Han, Hiragana or Katakana characters, which are
// written without spaces, counts one word per two characters.
func words(s string) int {
	n := 0
	for _, tok := range strings.Fields(s) {
		cjk, other := 0, false
		for _, r := range tok {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				cjk++
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				other = true
			}
		}
		switch {
		case cjk > 0:
			n += (cjk + 1) / 2
			if other {
				n++
			}
		default:
			n++
		}
	}
	return n
}
