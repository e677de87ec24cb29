// Package arabic folds the spelling variation of Arabic script that carries
// no difference between names or words, for matching: short-vowel and
// Quranic marks and tatweel are dropped, the hamza and madda forms of alef
// (أ إ آ ٱ) become bare alef, alef maqsura and Persian yeh (ى ی) become
// yeh, ta marbuta (ة) becomes heh, and Persian keheh (ک) becomes kaf.
// Text meant to be shown is never folded: this is a matching view.
package arabic

import "strings"

// IsMark reports whether r is a harakat or Quranic mark or the tatweel
// (U+064B–U+065F, U+0670, U+0640, U+06D6–U+06ED).
func IsMark(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640 ||
		r >= 0x06D6 && r <= 0x06ED
}

// Fold returns s with the foldings of the package comment applied; other
// characters pass through unchanged.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case IsMark(r):
			continue
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى' || r == 'ی':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		case r == 'ک':
			r = 'ك'
		}
		b.WriteRune(r)
	}
	return b.String()
}
