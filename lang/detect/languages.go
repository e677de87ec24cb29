package detect

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pemistahl/lingua-go"
)

// Und is the code reported when no language can be named with confidence
// ("undetermined", the BCP 47 / ISO 639-2 code for it).
const Und = "und"

// ErrUnsupportedLanguage is wrapped by the errors of ParseLanguages and New
// when a code is not an ISO 639-1 code of a language lingua supports.
var ErrUnsupportedLanguage = errors.New("detect: unsupported language code")

// ErrNoLanguages is returned by ParseLanguages and New when no language code
// is given.
var ErrNoLanguages = errors.New("detect: no language codes given")

// DefaultLanguages returns the languages of the product's desks: English,
// Arabic, Russian, Chinese, French, German, Spanish, Turkish, Persian,
// Hebrew, Ukrainian and Urdu, as ISO 639-1 codes. Each call returns a new
// slice.
func DefaultLanguages() []string {
	return []string{"en", "ar", "ru", "zh", "fr", "de", "es", "tr", "fa", "he", "uk", "ur"}
}

// ParseLanguages parses a comma-separated list of ISO 639-1 codes such as
// "en,ar,ru" (surrounding spaces and case are ignored, blank items and
// repeats are dropped) and returns the lowercase codes in the order given.
// Every code must name a language lingua supports; the error names the first
// one that does not.
func ParseLanguages(csv string) ([]string, error) {
	var codes []string
	for item := range strings.SplitSeq(csv, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		codes = append(codes, item)
	}
	return normaliseCodes(codes)
}

// normaliseCodes validates, lowercases and deduplicates codes, keeping the
// first occurrence of each.
func normaliseCodes(codes []string) ([]string, error) {
	out := make([]string, 0, len(codes))
	seen := make(map[string]bool, len(codes))
	for _, c := range codes {
		code := strings.ToLower(strings.TrimSpace(c))
		if _, ok := linguaLanguage(code); !ok {
			return nil, fmt.Errorf("%w %q (want a two-letter ISO 639-1 code of a language lingua supports, such as en, ar or zh)", ErrUnsupportedLanguage, c)
		}
		if seen[code] {
			continue
		}
		seen[code] = true
		out = append(out, code)
	}
	if len(out) == 0 {
		return nil, ErrNoLanguages
	}
	return out, nil
}

// linguaLanguage maps a lowercase ISO 639-1 code to lingua's Language.
func linguaLanguage(code string) (lingua.Language, bool) {
	if len(code) != 2 || code[0] < 'a' || code[0] > 'z' || code[1] < 'a' || code[1] > 'z' {
		return lingua.Unknown, false
	}
	iso := lingua.GetIsoCode639_1FromValue(code)
	if iso == lingua.UnknownIsoCode639_1 {
		return lingua.Unknown, false
	}
	lang := lingua.GetLanguageFromIsoCode639_1(iso)
	return lang, lang != lingua.Unknown
}

// isoCode returns the lowercase ISO 639-1 code of a lingua Language.
func isoCode(l lingua.Language) string {
	return strings.ToLower(l.IsoCode639_1().String())
}

// languageScript returns the script a lingua language is written in, as
// lingua itself models it: every language has exactly one script, except
// Japanese (Han and kana, which this package treats as one script).
func languageScript(l lingua.Language) script {
	for _, s := range []struct {
		langs  []lingua.Language
		script script
	}{
		{lingua.AllLanguagesWithLatinScript(), scriptLatin},
		{lingua.AllLanguagesWithCyrillicScript(), scriptCyrillic},
		{lingua.AllLanguagesWithArabicScript(), scriptArabic},
		{lingua.AllLanguagesWithDevanagariScript(), scriptDevanagari},
	} {
		for _, x := range s.langs {
			if x == l {
				return s.script
			}
		}
	}
	switch l {
	case lingua.Chinese, lingua.Japanese:
		return scriptHan
	case lingua.Korean:
		return scriptHangul
	case lingua.Hebrew:
		return scriptHebrew
	case lingua.Greek:
		return scriptGreek
	case lingua.Armenian:
		return scriptArmenian
	case lingua.Georgian:
		return scriptGeorgian
	case lingua.Bengali:
		return scriptBengali
	case lingua.Gujarati:
		return scriptGujarati
	case lingua.Punjabi:
		return scriptGurmukhi
	case lingua.Tamil:
		return scriptTamil
	case lingua.Telugu:
		return scriptTelugu
	case lingua.Thai:
		return scriptThai
	}
	return scriptOther
}
