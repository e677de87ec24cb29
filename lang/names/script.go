package names

import "unicode"

// Script is the writing system of a name.
type Script string

// The scripts ScriptOf reports.
const (
	Latin    Script = "latin"
	Cyrillic Script = "cyrillic"
	Arabic   Script = "arabic"
	Han      Script = "han"
	Hebrew   Script = "hebrew"
	Other    Script = "other"
)

// scriptOfRune classifies one letter; non-letters give "".
func scriptOfRune(r rune) Script {
	switch {
	case r < 0x80:
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return Latin
		}
		return ""
	case unicode.Is(unicode.Latin, r):
		return Latin
	case unicode.Is(unicode.Cyrillic, r):
		return Cyrillic
	case unicode.Is(unicode.Arabic, r) || r == 0x0640: // tatweel is Common
		if unicode.IsLetter(r) {
			return Arabic
		}
		return ""
	case unicode.Is(unicode.Han, r):
		return Han
	case unicode.Is(unicode.Hebrew, r):
		if unicode.IsLetter(r) {
			return Hebrew
		}
		return ""
	case unicode.IsLetter(r):
		return Other
	}
	return ""
}

// ScriptOf returns the script of most letters in s (ties go to the script
// seen first), or Other when s has no letters or its letters belong to
// none of the named scripts.
func ScriptOf(s string) Script {
	var counts [6]int
	order := [6]Script{Latin, Cyrillic, Arabic, Han, Hebrew, Other}
	first := [6]int{}
	n := 0
	for _, r := range s {
		sc := scriptOfRune(r)
		if sc == "" {
			continue
		}
		for i, o := range order {
			if o == sc {
				if counts[i] == 0 {
					n++
					first[i] = n
				}
				counts[i]++
			}
		}
	}
	best := -1
	for i := range order {
		if counts[i] == 0 {
			continue
		}
		if best < 0 || counts[i] > counts[best] || counts[i] == counts[best] && first[i] < first[best] {
			best = i
		}
	}
	if best < 0 {
		return Other
	}
	return order[best]
}
