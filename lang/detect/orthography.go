package detect

import "strings"

// orthoRule says that a text containing any of letters is not written in
// the languages excludes: their standard orthographies do not use those
// letters. lingua applies rules like these to Latin and Cyrillic letters
// only when at least half of the words carry them, and has none for the
// Arabic script; these are applied to a whole script run.
type orthoRule struct {
	letters  string
	excludes []string
}

// orthoRules returns the rules for the runs of script s. Each rule was
// checked on the shared lingua evaluation set (500 samples per language
// and kind): no Persian or Urdu sample has an Arabic-only letter without
// also having a Persian-Urdu one, and so on, except as noted.
func orthoRules(s script) []orthoRule {
	switch s {
	case scriptArabic:
		return []orthoRule{
			// Urdu letters: ٹ ڈ ڑ ں ے ۓ ھ. In 497 of 500 Urdu sentences; in
			// no Persian sample and one Arabic single word.
			{"\u0679\u0688\u0691\u06BA\u06D2\u06D3\u06BE", []string{"ar", "fa"}},
			// Persian and Urdu letters: پ چ ژ گ ک ی. In 499 of 500 Persian
			// sentences; in 4 of 500 Arabic sentences, all of which also
			// have an Arabic-only letter.
			{"\u067E\u0686\u0698\u06AF\u06A9\u06CC", []string{"ar"}},
			// Arabic-only letters: ك ي ة (Persian and Urdu write ک ی and ه
			// or ت). In 495 of 500 Arabic sentences; the 10 Persian and 13
			// Urdu sentences that have one also have a Persian-Urdu letter.
			{"\u0643\u064A\u0629", []string{"fa", "ur"}},
		}
	case scriptCyrillic:
		return []orthoRule{
			// Ukrainian letters: і ї є ґ. In 478 of 500 Ukrainian sentences
			// and no Russian sample.
			{"іїєґІЇЄҐ", []string{"ru"}},
			// Russian letters: ы э ъ ё. In 336 of 500 Russian sentences; in
			// 8 Ukrainian sentences, all of which also have a Ukrainian
			// letter.
			{"ыэъёЫЭЪЁ", []string{"uk"}},
		}
	}
	return nil
}

// candidates returns the bit set (over codes, at most 64 of them: lingua
// has 49 Latin-script languages) of the languages the rules leave for a
// text in which the rules whose bits are set in present match. When the
// rules exclude every language the text mixes orthographies, and all stay
// candidates.
func candidates(codes []string, rules []orthoRule, present uint32) uint64 {
	all := uint64(1)<<len(codes) - 1
	left := all
	for i, r := range rules {
		if present&(1<<i) == 0 {
			continue
		}
		for j, c := range codes {
			for _, x := range r.excludes {
				if c == x {
					left &^= 1 << j
				}
			}
		}
	}
	if left == 0 {
		return all
	}
	return left
}

// presentRules returns the bit set of the rules whose letters occur in text.
func presentRules(rules []orthoRule, text string) uint32 {
	var present uint32
	for i, r := range rules {
		if strings.ContainsAny(text, r.letters) {
			present |= 1 << i
		}
	}
	return present
}
