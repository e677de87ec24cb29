package align

import (
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	// Word is a run of letters (with combining marks, inner apostrophes
	// and the letters of one script).
	Word TokenKind = iota + 1
	// Number is a run of digits of any script with inner separators
	// (465,000; 465 000; 30.09.2015; ١٢٫٥).
	Number
	// Han is one Han ideograph: Chinese is segmented into characters.
	Han
	// Punct is any other non-space character.
	Punct
)

// Token is a span of a text. Start and End are byte offsets, so
// text[Start:End] == Text.
type Token struct {
	Text       string
	Start, End int
	Kind       TokenKind
}

// isWordRune reports letters and combining marks of non-Han scripts.
func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) && !isHan(r)
}

// isApostrophe reports the characters that join a clitic to a word:
// ASCII ' and the typographic ’ (they've, Russia’s, l’armée).
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isGroupSep reports characters that may separate digit groups or a
// decimal part inside one number: , . and the spaces used for grouping
// (space, no-break space U+00A0, thin U+2009 and narrow no-break U+202F),
// plus the Arabic decimal (U+066B) and thousands (U+066C) separators and
// the apostrophe used in Swiss grouping.
func isGroupSep(r rune) bool {
	switch r {
	case ',', '.', ' ', '\u00a0', '\u2009', '\u202f', '\u066b', '\u066c', '\'', '’':
		return true
	}
	return false
}

// Tokenize splits text into words, numbers, single Han characters and
// punctuation, dropping white space. Hyphens split words (al-Assad → al,
// Assad; draw-down → draw, down). An apostrophe between two letters stays
// inside the word. A digit group separator stays inside a number only when
// a digit follows it, and a space only when exactly three digits follow
// (465 000, not "2015 30").
func Tokenize(text string) []Token {
	var toks []Token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isHan(r):
			toks = append(toks, Token{Text: text[i : i+size], Start: i, End: i + size, Kind: Han})
			i += size
		case unicode.IsDigit(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsDigit(r2) {
					j += s2
					continue
				}
				if isGroupSep(r2) && j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if unicode.IsDigit(r3) && (!unicode.IsSpace(r2) && r2 != '\u00a0' && r2 != '\u202f' && r2 != '\u2009' || threeDigitsFollow(text[j+s2:])) {
						j += s2
						continue
					}
				}
				break
			}
			toks = append(toks, Token{Text: text[i:j], Start: i, End: j, Kind: Number})
			i = j
		case isWordRune(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) || unicode.IsDigit(r2) && isLatinOrCyr(r) {
					j += s2
					continue
				}
				if isApostrophe(r2) && j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isWordRune(r3) {
						j += s2
						continue
					}
				}
				break
			}
			toks = append(toks, Token{Text: text[i:j], Start: i, End: j, Kind: Word})
			i = j
		default:
			if r == utf8.RuneError && size == 1 {
				i++ // invalid byte: skip, never emit
				continue
			}
			toks = append(toks, Token{Text: text[i : i+size], Start: i, End: i + size, Kind: Punct})
			i += size
		}
	}
	return toks
}

// isLatinOrCyr lets Latin and Cyrillic words carry digits (S-400 → S, 400
// is split by the hyphen; "G20" stays one word).
func isLatinOrCyr(r rune) bool { return unicode.In(r, unicode.Latin, unicode.Cyrillic) }

// threeDigitsFollow reports whether s starts with exactly three digits
// (a thousands group after a space separator).
func threeDigitsFollow(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsDigit(r) {
			break
		}
		n++
	}
	return n == 3
}
