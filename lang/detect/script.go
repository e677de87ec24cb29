package detect

import (
	"unicode"
	"unicode/utf8"
)

// script is a writing system as far as language identification cares: a
// run of one script is scored only against the configured languages written
// in it.
type script uint8

const (
	scriptNone script = iota // not a letter: digits, punctuation, spaces, marks
	scriptLatin
	scriptCyrillic
	scriptArabic
	scriptHan // Han ideographs together with Hiragana and Katakana
	scriptHangul
	scriptHebrew
	scriptGreek
	scriptDevanagari
	scriptArmenian
	scriptGeorgian
	scriptBengali
	scriptGujarati
	scriptGurmukhi
	scriptTamil
	scriptTelugu
	scriptThai
	scriptOther // letters of any other script (Ethiopic, Khmer, ...)
	numScripts
)

// weight returns the weight of one letter of script s. Weights make letter
// counts comparable across scripts: they approximate how many Latin letters
// carry as much text as one letter of the script. A Chinese word averages
// under two characters and an English one five letters, so a Han or kana
// character weighs 3; a Hangul syllable block holds two or three jamo and
// weighs 2; the letters of alphabets and abjads weigh 1.
func (s script) weight() int {
	switch s {
	case scriptNone:
		return 0
	case scriptHan:
		return 3
	case scriptHangul:
		return 2
	}
	return 1
}

// String returns the ISO 15924 code of the script ("Zyyy" for scriptNone,
// "Zzzz" for scriptOther).
func (s script) String() string {
	switch s {
	case scriptLatin:
		return "Latn"
	case scriptCyrillic:
		return "Cyrl"
	case scriptArabic:
		return "Arab"
	case scriptHan:
		return "Hani"
	case scriptHangul:
		return "Hang"
	case scriptHebrew:
		return "Hebr"
	case scriptGreek:
		return "Grek"
	case scriptDevanagari:
		return "Deva"
	case scriptArmenian:
		return "Armn"
	case scriptGeorgian:
		return "Geor"
	case scriptBengali:
		return "Beng"
	case scriptGujarati:
		return "Gujr"
	case scriptGurmukhi:
		return "Guru"
	case scriptTamil:
		return "Taml"
	case scriptTelugu:
		return "Telu"
	case scriptThai:
		return "Thai"
	case scriptNone:
		return "Zyyy"
	}
	return "Zzzz"
}

// classify returns the script of r. Only letters (Unicode category L) start
// or extend a run; everything else, including combining marks, is
// scriptNone and joins the run around it. Letters of the Common and
// Inherited scripts (such as the Japanese length mark ー) are scriptNone too,
// as they belong to no writing system of their own.
func classify(r rune) script {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return scriptLatin
		}
		return scriptNone
	}
	if !unicode.IsLetter(r) {
		return scriptNone
	}
	switch {
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return scriptHan
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Devanagari, r):
		return scriptDevanagari
	case unicode.Is(unicode.Armenian, r):
		return scriptArmenian
	case unicode.Is(unicode.Georgian, r):
		return scriptGeorgian
	case unicode.Is(unicode.Bengali, r):
		return scriptBengali
	case unicode.Is(unicode.Gujarati, r):
		return scriptGujarati
	case unicode.Is(unicode.Gurmukhi, r):
		return scriptGurmukhi
	case unicode.Is(unicode.Tamil, r):
		return scriptTamil
	case unicode.Is(unicode.Telugu, r):
		return scriptTelugu
	case unicode.Is(unicode.Thai, r):
		return scriptThai
	case unicode.In(r, unicode.Common, unicode.Inherited):
		return scriptNone
	}
	return scriptOther
}

// run is a maximal stretch of text whose letters share one script, with the
// non-letters around them attached.
type run struct {
	start, end int    // byte offsets; the runs of a text tile it
	script     script // never scriptNone
	letters    int    // weighted letter count (see script.weight)
}

// splitRuns cuts text into script runs. Letters decide the runs; the
// non-letters between two runs go to the earlier one, except opening
// brackets and quotes (Unicode Ps and Pi) right before the next run, which
// open it: "Putin (بوتين) said" gives "Putin ", "(بوتين) " and "said".
// Non-letters before the first run and after the last join them, so the runs
// tile the text. A text without letters has no runs.
func splitRuns(text string) []run {
	var runs []run
	lastLetterEnd := 0 // end of the last letter of the current run
	for i, r := range text {
		s := classify(r)
		if s == scriptNone {
			continue
		}
		size := utf8.RuneLen(r) // r is a letter, so it was valid UTF-8
		w := s.weight()
		if n := len(runs); n > 0 && runs[n-1].script == s {
			runs[n-1].letters += w
			lastLetterEnd = i + size
			continue
		}
		start := i
		if n := len(runs); n == 0 {
			start = 0
		} else {
			start = openerStart(text, lastLetterEnd, i)
			runs[n-1].end = start
		}
		runs = append(runs, run{start: start, end: len(text), script: s, letters: w})
		lastLetterEnd = i + size
	}
	return runs
}

// openerStart returns where the next run starts within the gap
// text[from:to] of non-letters: before the opening brackets and quotes that
// end the gap, or at to.
func openerStart(text string, from, to int) int {
	for to > from {
		r, size := utf8.DecodeLastRuneInString(text[from:to])
		if !unicode.In(r, unicode.Ps, unicode.Pi) {
			break
		}
		to -= size
	}
	return to
}
