package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tSpace
	tNewline
	tPunct
	tNumber
)

// token is one UAX #29 word-boundary segment of a text.
type token struct {
	start, end int // byte span of the segment
	nameEnd    int // end without a possessive ’s
	kind       tokKind
	script     Script
	lower      string // lowercase of text[start:nameEnd]
	cap        bool   // first letter upper case
	allCaps    bool   // two or more letters, all upper case
	possessive bool
	sentStart  bool // first word of a sentence or line
	line       int
}

// tokenize splits text into UAX #29 word segments (clipperhouse/uax29)
// and classifies them.
func tokenize(text string) []token {
	var toks []token
	it := words.FromString(text)
	line := 0
	for it.Next() {
		seg := it.Value()
		r, _ := utf8.DecodeRuneInString(seg)
		if utf8.RuneCountInString(seg) > 1 && scriptOfRune(r) == Han {
			// one token per ideograph, for longest-match lookup
			for off := 0; off < len(seg); {
				c, size := utf8.DecodeRuneInString(seg[off:])
				st := it.Start() + off
				en := st + size
				off += size
				toks = append(toks, token{start: st, end: en, nameEnd: en, kind: tWord,
					script: ScriptOf(string(c)), lower: string(c), line: line})
			}
			continue
		}
		t := token{start: it.Start(), end: it.End(), nameEnd: it.End(), line: line}
		switch {
		case strings.ContainsAny(seg, "\n\r\u2028\u2029"):
			t.kind = tNewline
			line++
		case unicode.IsSpace(r):
			t.kind = tSpace
		case hasLetter(seg):
			t.kind = tWord
			name := seg
			for _, suf := range []string{"’s", "'s", "’S", "'S"} {
				if strings.HasSuffix(seg, suf) && len(seg) > len(suf)+1 {
					name = seg[:len(seg)-len(suf)]
					t.possessive = true
					break
				}
			}
			if !t.possessive && (strings.HasSuffix(seg, "’") || strings.HasSuffix(seg, "'")) && len(seg) > 3 {
				name = strings.TrimRight(seg, "’'")
				t.possessive = true
			}
			t.nameEnd = t.start + len(name)
			t.script = ScriptOf(name)
			t.lower = strings.ToLower(name)
			first, _ := utf8.DecodeRuneInString(name)
			t.cap = unicode.IsUpper(first) || unicode.IsTitle(first)
			letters, upper := 0, 0
			for _, c := range name {
				if unicode.IsLetter(c) {
					letters++
					if unicode.IsUpper(c) {
						upper++
					}
				}
			}
			t.allCaps = letters >= 2 && upper == letters
		case unicode.IsDigit(r):
			t.kind = tNumber
		default:
			t.kind = tPunct
		}
		toks = append(toks, t)
	}
	markSentenceStarts(text, toks)
	return toks
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// markSentenceStarts flags the words that open a sentence: the first word
// of a line, or a word after . ! ? : ; or a bullet, with only spaces,
// opening quotes and brackets in between.
func markSentenceStarts(text string, toks []token) {
	start := true
	for i := range toks {
		t := &toks[i]
		switch t.kind {
		case tNewline:
			start = true
		case tSpace:
		case tPunct:
			seg := text[t.start:t.end]
			switch {
			case seg == "." && i > 0 && toks[i-1].kind == tWord && abbrevs[toks[i-1].lower]:
				start = false // "St. Petersburg", "Gen. Ayoub"
			case strings.ContainsAny(seg, ".!?:;…•|"):
				start = true
			case strings.ContainsAny(seg, "“\"‘'([«„‹—–-"):
				// opening quotes and dashes keep the current state
			default:
				start = false
			}
		case tWord:
			t.sentStart = start
			start = false
		default:
			start = false
		}
	}
}

// joinable reports whether word tokens i < j are separated only by one
// horizontal space or one hyphen, so they may belong to one name; hyphen
// reports which.
func joinable(text string, toks []token, i, j int) (ok, hyphen bool) {
	if toks[i].possessive || j != i+2 {
		return false, false
	}
	sep := toks[i+1]
	switch sep.kind {
	case tSpace:
		return sep.end-sep.start <= 3, false
	case tPunct:
		s := text[sep.start:sep.end]
		if s == "-" || s == "‐" || s == "‑" {
			return true, true
		}
	}
	return false, false
}

// isCased reports scripts with capital letters, where capitalisation marks
// names.
func isCased(s Script) bool { return s == Latin || s == Cyrillic || s == Other }
