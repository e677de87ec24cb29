package align

import (
	"interlinear/lang/arabic"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// baseLang reduces a language tag ("en-GB", "zh_TW", "ZH-Hant") to its
// lower-case primary subtag ("en", "zh"). Three-letter codes used by the
// evaluation data (eng, arb, rus, zho, fra) are mapped to their two-letter
// ISO 639-1 forms.
func baseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	switch tag {
	case "eng":
		return "en"
	case "ara", "arb":
		return "ar"
	case "rus":
		return "ru"
	case "zho", "cmn":
		return "zh"
	case "fra", "fre":
		return "fr"
	case "spa":
		return "es"
	case "deu", "ger":
		return "de"
	}
	return tag
}

// isHan reports whether r is a Han ideograph (Chinese text is compared as
// characters and character bigrams, never as space-separated words).
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// arabicPrefixes and arabicSuffixes are the affixes removed by the light
// stemmer, longest first (after light10: the definite article with its
// proclitic conjunctions and prepositions, and the common plural, dual,
// feminine and pronoun suffixes).
var (
	arabicPrefixes = []string{"وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك"}
	arabicSuffixes = []string{"هما", "كما", "ها", "ان", "ات", "ون", "ين", "يه", "يا", "ه", "ي"}
)

// stemArabic is a light Arabic stemmer: it normalises the word, removes one
// prefix from arabicPrefixes if at least three letters remain (single-letter
// proclitics only when four remain, so that روسيا keeps its و-free root and
// وزير keeps its و), then removes suffixes from arabicSuffixes while at least
// three letters remain. It does not find roots: كتاب and كاتب stay apart.
func stemArabic(w string) string {
	w = arabic.Fold(w)
	n := utf8.RuneCountInString(w)
	for _, p := range arabicPrefixes {
		pl := utf8.RuneCountInString(p)
		min := 3
		if pl == 1 {
			min = 4
		}
		if strings.HasPrefix(w, p) && n-pl >= min {
			w = w[len(p):]
			n -= pl
			break
		}
	}
	for changed := true; changed; {
		changed = false
		for _, s := range arabicSuffixes {
			sl := utf8.RuneCountInString(s)
			if strings.HasSuffix(w, s) && n-sl >= 3 {
				w = w[:len(w)-len(s)]
				n -= sl
				changed = true
				break
			}
		}
	}
	return w
}

// arabicStop lists Arabic function words (particles, prepositions,
// pronouns, auxiliaries), normalised as normalizeArabic does.
var arabicStop = setOf(
	"في", "من", "على", "الى", "إلى", "عن", "مع", "ان", "أن", "إن", "او", "أو", "ثم", "قد", "لقد",
	"كان", "كانت", "يكون", "تكون", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "هن", "نحن", "انا",
	"الذي", "التي", "الذين", "ما", "ماذا", "لا", "لم", "لن", "ليس", "كل", "بعض", "غير", "بين", "حتى",
	"عند", "عندما", "منذ", "بعد", "قبل", "خلال", "حول", "ضد", "لدى", "اي", "أي", "و", "ف", "ب", "ل",
	"كما", "وقد", "وكان", "وفي", "ومن", "وهو", "وهي", "انه", "أنه", "انها", "أنها", "الا", "إلا", "اذا",
	"إذا", "لكن", "ولكن", "هناك", "هنا", "ايضا", "أيضا", "فقط", "يا", "به", "بها", "له", "لها", "لهم",
	"عليه", "عليها", "فيه", "فيها", "منه", "منها", "التى", "الى", "اليوم", "حيث", "وقال",
)

// chineseStop lists Han characters that carry grammar rather than content
// (particles, pronouns, copulas, common prepositions).
var chineseStop = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的了在是和与也将对而及或于把被这那其之就都又还所以为着过么吗呢吧啊他她它们我你个" {
		m[r] = true
	}
	return m
}()

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Fold(w)] = true
	}
	return m
}

// isStopWord reports whether the lower-cased word w is a function word of
// lang, or a verb of saying (said, told, заявил, قال): every news passage
// has one, and who said a thing is carried by the speaker, not the verb. English, French, Spanish, Russian, Swedish, Norwegian and Hungarian
// use the Snowball project's lists (kljensen/snowball); Arabic uses
// arabicStop.
func isStopWord(lang, w string) bool {
	switch lang {
	case "en":
		return english.IsStopWord(w) || englishExtraStop[w] || speechVerbsEN[w] || speakerAfterEN[w]
	case "fr":
		return french.IsStopWord(w) || speechVerbsOther[w]
	case "es":
		return spanish.IsStopWord(w)
	case "ru":
		return russian.IsStopWord(w) || speechVerbsOther[w]
	case "sv":
		return swedish.IsStopWord(w)
	case "no", "nb", "nn":
		return norwegian.IsStopWord(w)
	case "hu":
		return hungarian.IsStopWord(w)
	case "ar":
		return arabicStop[arabic.Fold(w)] || speechVerbsAR[arabic.Fold(w)]
	}
	return false
}

// englishExtraStop adds contractions and clitics the Snowball list leaves
// out (they come out of the tokenizer as whole words: "haven't", "they've").
var englishExtraStop = map[string]bool{
	"also": true, "would": true, "could": true, "shall": true, "may": true, "might": true, "must": true,
	"haven't": true, "hasn't": true, "hadn't": true, "isn't": true, "aren't": true, "wasn't": true,
	"weren't": true, "don't": true, "doesn't": true, "didn't": true, "won't": true, "wouldn't": true,
	"can't": true, "cannot": true, "they've": true, "we've": true, "i've": true, "you've": true,
	"it's": true, "he's": true, "she's": true, "that's": true, "there's": true, "they're": true,
	"we're": true, "you're": true, "i'm": true, "we'll": true, "they'll": true, "he'll": true,
	"i'll": true, "it'll": true, "let's": true, "mr": true, "ms": true, "mrs": true, "dr": true,
	"yet": true, "however": true, "since": true, "upon": true, "among": true, "within": true,
	"whether": true, "though": true, "although": true, "per": true, "via": true,
	// Arabic name particles written in English (al-Assad, el-Sisi).
	"al": true, "el": true,
}

// stemWord returns the comparison key of a lower-cased word of lang:
// the Snowball stem for the languages Snowball covers, the light stem for
// Arabic, ё folded to е for Russian, and the word itself otherwise.
// English words are expected to be folded to American spelling first.
func stemWord(lang, w string) string {
	switch lang {
	case "en":
		return english.Stem(w, true)
	case "fr":
		return french.Stem(w, true)
	case "es":
		return spanish.Stem(w, true)
	case "ru":
		return russian.Stem(strings.ReplaceAll(w, "ё", "е"), true)
	case "sv":
		return swedish.Stem(w, true)
	case "no", "nb", "nn":
		return norwegian.Stem(w, true)
	case "hu":
		return hungarian.Stem(w, true)
	case "ar":
		return stemArabic(w)
	}
	return w
}

// britishFold maps a lower-case English word to its American spelling,
// the only rule-based fold that both sides of a comparison go through:
// defence/offence/licence/pretence → -ense; -ise/-ised/-ising/-isation →
// -ize…; -our → -or; -tre → -ter; -ogue → -og; doubled l before -ing/-ed/
// -er (travelling → traveling). known, when not nil, checks that the
// folded form is a real word (WordNet lemma) and that the original is not
// a word in its own right with another meaning ("rise", "promise",
// "killing" and "hour" stay as they are); without it only the fixed list
// and the suffix rules on long words apply.
func britishFold(w string, known func(string) bool) string {
	switch w {
	case "defence":
		return "defense"
	case "offence":
		return "offense"
	case "licence":
		return "license"
	case "pretence":
		return "pretense"
	case "programme", "programmes":
		return "program" + strings.TrimPrefix(w, "programme")
	case "grey":
		return "gray"
	case "aluminium":
		return "aluminum"
	case "sceptical":
		return "skeptical"
	}
	try := func(cand string, base string) (string, bool) {
		if known == nil {
			return cand, len(w) >= 8
		}
		if known(base) {
			return cand, true
		}
		return "", false
	}
	type rule struct{ from, to, baseFrom, baseTo string }
	// Each rule rewrites a suffix; base* give the dictionary form to check.
	rules := []rule{
		{"isations", "izations", "isation", "ization"},
		{"isation", "ization", "isation", "ization"},
		{"ising", "izing", "ise", "ize"},
		{"ised", "ized", "ise", "ize"},
		{"ises", "izes", "ise", "ize"},
		{"ise", "ize", "ise", "ize"},
		{"yse", "yze", "yse", "yze"},
		{"ysed", "yzed", "yse", "yze"},
		{"ysing", "yzing", "yse", "yze"},
		{"ours", "ors", "our", "or"},
		{"our", "or", "our", "or"},
		{"oured", "ored", "our", "or"},
		{"ouring", "oring", "our", "or"},
		{"ourite", "orite", "ourite", "orite"},
		{"ourable", "orable", "ourable", "orable"},
		{"tres", "ters", "tre", "ter"},
		{"tre", "ter", "tre", "ter"},
		{"bres", "bers", "bre", "ber"},
		{"bre", "ber", "bre", "ber"},
		{"ogues", "ogs", "ogue", "og"},
		{"ogue", "og", "ogue", "og"},
		{"lling", "ling", "", ""},
		{"lled", "led", "", ""},
		{"ller", "ler", "", ""},
		{"llers", "lers", "", ""},
	}
	for _, r := range rules {
		if !strings.HasSuffix(w, r.from) || len(w) <= len(r.from)+2 {
			continue
		}
		stem := w[:len(w)-len(r.from)]
		cand := stem + r.to
		if r.baseFrom == "" {
			// Doubled l: travelling → traveling when "travel" is a word and
			// "travell" is not; without a word list, never (killing).
			if known == nil {
				return w
			}
			single := stem + "l"
			if known(single) && !known(stem+"ll") {
				return cand
			}
			return w
		}
		if known != nil && known(stem+r.baseFrom) && !known(stem+r.baseTo) {
			// The British form is a word and the American one is not
			// ("rise": no "rize"): leave it.
			return w
		}
		if out, ok := try(cand, stem+r.baseTo); ok {
			if r.from == "our" || r.from == "ours" {
				if len(w) < 6 { // hour, four, tour, your
					return w
				}
			}
			return out
		}
		return w
	}
	return w
}
