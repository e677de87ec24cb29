package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
)

// Sentence is one sentence of a paragraph.
type Sentence struct {
	// Text is the sentence without surrounding white space; it always
	// equals the paragraph's bytes Start:End.
	Text string
	// Start and End are the byte span of Text in the paragraph.
	Start, End int
}

// Sentences splits paragraph into sentences, in order. The spans never
// overlap, and together they cover every byte of the paragraph that is not
// white space (white space between sentences belongs to no span). It
// returns nil for a paragraph that is empty or only white space.
//
// Invalid UTF-8 never panics, but its boundaries are unspecified.
func Sentences(paragraph string) []Sentence {
	quotes, openers := quoteRegions(paragraph)
	var out []Sentence
	start := 0
	it := sentences.FromString(paragraph)
	for it.Next() {
		cut := absorbClosers(paragraph, it.End())
		if cut == len(paragraph) {
			break
		}
		cut = releaseOpeners(paragraph, start, cut, openers)
		if cut <= start || !isBoundary(paragraph, start, cut, quotes) {
			continue
		}
		out = appendTrimmed(out, paragraph, start, cut)
		start = cut
	}
	return appendTrimmed(out, paragraph, start, len(paragraph))
}

// appendTrimmed appends p[start:end] without its surrounding white space
// (as strings.TrimSpace defines it) unless nothing is left.
func appendTrimmed(out []Sentence, p string, start, end int) []Sentence {
	seg := p[start:end]
	left := strings.TrimLeftFunc(seg, unicode.IsSpace)
	s := start + len(seg) - len(left)
	e := s + len(strings.TrimRightFunc(left, unicode.IsSpace))
	if s == e {
		return out
	}
	return append(out, Sentence{Text: p[s:e], Start: s, End: e})
}

// absorbClosers moves a break at cut past closing quotes and brackets that
// follow it after white space, and past the white space after them. UAX
// #29 keeps a closing mark with the sentence only when it touches the full
// stop (SB9); French typography puts a no-break space in between
// ("félicite.\u00a0»"), and the mark still closes the sentence before it.
func absorbClosers(p string, cut int) int {
	i := cut
	for i < len(p) {
		r, size := utf8.DecodeRuneInString(p[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	j := i
	for j < len(p) {
		r, size := utf8.DecodeRuneInString(p[j:])
		if !isCloser(r) {
			break
		}
		j += size
	}
	if j == i {
		return cut
	}
	for j < len(p) {
		r, size := utf8.DecodeRuneInString(p[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += size
	}
	return j
}

// isCloser reports whether r closes a bracket or a quotation.
func isCloser(r rune) bool {
	switch r {
	case '»', '”', '’', '›', '」', '』':
		return true
	}
	return unicode.Is(unicode.Pe, r)
}

// releaseOpeners moves a break at cut back before the opening quotes and
// brackets that end the segment p[start:cut]. UAX #29 counts every quote
// and bracket as "Close" and so keeps an opening mark that touches a full
// stop with the sentence before it; in Chinese, which puts no space after
// 。, that is the usual case (“……。”“……”). openers holds, for each mark
// that quoteRegions saw opening a quotation, its end offset mapped to its
// start offset.
func releaseOpeners(p string, start, cut int, openers map[int]int) int {
	for cut > start {
		if at, ok := openers[cut]; ok {
			cut = at
			continue
		}
		r, size := utf8.DecodeLastRuneInString(p[start:cut])
		if !unicode.Is(unicode.Ps, r) {
			break
		}
		cut -= size
	}
	return cut
}

// minQuoted is the least number of letters that the quoted text on each
// side of a break inside a quotation must have for the break to stand.
const minQuoted = 10

// isBoundary reports whether the UAX #29 break before byte cut of p, in
// the sentence that began at start, is a real sentence boundary in news
// text. The rules are listed in the package documentation.
func isBoundary(p string, start, cut int, quotes []span) bool {
	switch r, _ := utf8.DecodeLastRuneInString(p[:cut]); r {
	case '\n', '\r', '\u0085', '\u2028', '\u2029':
		return true // a line or paragraph separator (UAX #29 SB4)
	}
	for _, q := range quotes {
		if q.start < cut && cut < q.end &&
			(letters(p[max(q.start, start):cut]) < minQuoted || letters(p[cut:q.end]) < minQuoted) {
			return false // a short piece of a quotation: "Closed. Go away."
		}
	}
	right := strings.TrimLeftFunc(p[cut:], unicode.IsSpace)
	if right == "" {
		return true
	}
	switch r, _ := utf8.DecodeRuneInString(right); {
	case unicode.IsLower(r):
		return false // a cased sentence never starts in lowercase
	case strings.ContainsRune(",;:،؛、，；：", r):
		return false // the sentence goes on: "« … cédé ? », railla-t-il"
	}
	left := strings.TrimRightFunc(p[:cut], unicode.IsSpace)
	if !strings.HasSuffix(left, ".") {
		return true
	}
	tok := lastToken(left)
	word := strings.ToLower(strings.TrimSuffix(tok, "."))
	switch {
	case isTitle(word), isNeverFinal(word):
		return false
	case isBeforeNumber(word) && startsWithDigit(right):
		return false
	case isCountry(word) && !isSentenceOpener(firstWord(right)):
		return false
	case isInitial(tok):
		return false
	}
	return true
}

// lastToken returns the last white-space separated token of s without the
// opening brackets and quotes that may precede it: "(Gen." gives "Gen.".
func lastToken(s string) string {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	tok := s[i+1:]
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		tok = s[i+n:]
	}
	return strings.TrimLeftFunc(tok, func(r rune) bool {
		return unicode.In(r, unicode.Ps, unicode.Pi) || r == '"' || r == '\''
	})
}

// isInitial reports whether tok is one capital letter and a full stop, as
// in "J." or "В.".
func isInitial(tok string) bool {
	r, n := utf8.DecodeRuneInString(tok)
	return n+1 == len(tok) && tok[n] == '.' && unicode.IsUpper(r)
}

// letters measures the text of s in letters. A Han, Hiragana or Katakana
// character counts as three, as these scripts pack about a word into one
// character where alphabets need several letters.
func letters(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n += 3
		case unicode.IsLetter(r):
			n++
		}
	}
	return n
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// firstWord returns the leading run of letters of s, e.g. "The" for
// "The next day".
func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// isTitle reports whether w (lowercase, without its full stop) is a title
// that precedes a name, so that the stop after it never ends a sentence:
// "Mr. Putin", "St. Petersburg", "Gen. Gerasimov", French "Mme. Dupont",
// Russian "ул. Тверская".
func isTitle(w string) bool {
	switch w {
	case
		"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj",
		"capt", "cpt", "sgt", "cpl", "adm", "cmdr", "brig", "gov", "sen", "rep",
		"rev", "hon", "pres", "amb", "st", "mt", "ft", "fr", "sr", "sra", "mme",
		"mlle", "messrs", "sens", "reps", "gens", "govs", "drs", "profs",
		"ул", "им", "св", "проф":
		return true
	}
	return false
}

// isNeverFinal reports whether w (lowercase, without its final stop) is an
// abbreviation that introduces what follows ("e.g.", "vs.") and so never
// ends a sentence.
func isNeverFinal(w string) bool {
	switch w {
	case "e.g", "i.e", "vs", "viz", "cf", "approx", "incl", "esp", "ca", "т.е", "т.н":
		return true
	}
	return false
}

// isBeforeNumber reports whether w (lowercase, without its stop) is an
// abbreviation normally followed by a number: months ("Dec. 11") and
// references ("No. 5", "Art. 2", "pp. 4").
func isBeforeNumber(w string) bool {
	switch w {
	case
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec", "no", "nos", "vol", "art", "fig", "p", "pp", "ch", "sec",
		"n°", "№":
		return true
	}
	return false
}

// isCountry reports whether w (lowercase, without the final stop) is a
// country or organisation abbreviation, which mostly stands before a noun
// ("U.S. President", "U.N. Security Council").
func isCountry(w string) bool {
	switch w {
	case "u.s", "u.n", "u.k", "e.u", "u.a.e", "u.s.a", "u.s.s.r":
		return true
	}
	return false
}

// isSentenceOpener reports whether w is a capitalised word that commonly
// begins an English sentence. After a country abbreviation they signal that the full stop
// did end the sentence ("… in the U.S. The next day …").
func isSentenceOpener(w string) bool {
	switch w {
	case
		"The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "You",
		"This", "That", "These", "Those", "There", "But", "And", "Or", "So",
		"Yet", "In", "On", "At", "For", "As", "If", "When", "While", "After",
		"Before", "Since", "However", "Meanwhile", "Still", "Then", "Now",
		"His", "Her", "Their", "Our", "My", "What", "Why", "How", "Who",
		"Some", "Many", "Most", "No", "Not", "One", "All", "Both", "Last",
		"Earlier", "Later", "Also", "According", "Such", "Other", "Each":
		return true
	}
	return false
}
