package align

import (
	"interlinear/lang/arabic"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
)

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// quotePairs maps opening quotation marks to the closing marks that end
// them: English and Chinese “ ”, German and Russian „ “ / „ ”, French and
// Russian « » and ‹ ›, CJK corner brackets 「 」 and 『 』.
var quotePairs = map[rune]string{
	'“': "”", '„': "“”", '«': "»", '‹': "›", '「': "」", '『': "』", '‘': "’",
}

// quoteSpans finds the quoted stretches of a passage. open says a quote
// opened in an earlier passage of the same document is still open (news
// quotes often run over several sentences); the second result says whether
// one is still open at the end. Straight double quotes pair up in order.
// A single quote (‘ or ') opens only at the start of a word and closes only
// at the end of one, so apostrophes (they’ve, Russia’s) are not quotes. A
// closing mark with no quote open is ignored.
func quoteSpans(text string, open bool) ([]span, bool) {
	var out []span
	start := 0
	var closers string
	straight := false
	if open {
		closers = "”“»›」』\""
	}
	prevRune := ' '
	for i, r := range text {
		size := utf8.RuneLen(r)
		next, _ := utf8.DecodeRuneInString(text[min(i+size, len(text)):])
		if i+size >= len(text) {
			next = ' '
		}
		switch {
		case closers != "" && strings.ContainsRune(closers, r) && (r != '’' && r != '\'' || !isWordRune(next)):
			out = append(out, span{start, i})
			closers = ""
			straight = false
		case closers != "":
			// inside a quote: nested quotes are part of it
		case r == '"':
			if !straight {
				closers, start, straight = "\"", i+size, true
			}
		case r == '\'' || r == '‘':
			if !isWordRune(prevRune) && isWordRune(next) {
				closers, start = "’'", i+size
			}
		default:
			if c, ok := quotePairs[r]; ok && r != '‘' {
				closers, start = c, i+size
			}
		}
		prevRune = r
	}
	if closers != "" {
		if start < len(text) {
			out = append(out, span{start, len(text)})
		}
		// A single quote left open at the end of a passage is more likely
		// a stray apostrophe than a quote running on.
		return out, !strings.Contains(closers, "’")
	}
	return out, false
}

// inSpans reports whether the byte range [s, e) lies inside one of spans.
func inSpans(spans []span, s, e int) bool {
	for _, sp := range spans {
		if s >= sp.start && e <= sp.end {
			return true
		}
	}
	return false
}

// Verbs of saying, per language, that introduce or follow a speaker.
var (
	speechVerbsEN = map[string]bool{
		"said": true, "says": true, "say": true, "added": true, "adds": true, "told": true, "tells": true,
		"stated": true, "states": true, "declared": true, "stressed": true, "noted": true, "warned": true,
		"announced": true, "explained": true, "affirmed": true, "insisted": true, "saying": true,
		"adding": true, "stressing": true, "noting": true, "affirming": true, "asserted": true,
		"remarked": true, "emphasized": true, "emphasised": true, "underlined": true, "vowed": true,
		"promised": true, "threatened": true, "urged": true, "wrote": true, "tweeted": true, "replied": true,
	}
	// cited/quoted X as saying; according to X: the speaker follows.
	speakerAfterEN   = map[string]bool{"cited": true, "quoted": true, "quoting": true, "citing": true, "according": true}
	speechVerbsOther = map[string]bool{
		// Russian
		"заявил": true, "заявила": true, "сказал": true, "сказала": true, "отметил": true, "отметила": true,
		"добавил": true, "добавила": true, "подчеркнул": true, "подчеркнула": true, "сообщил": true,
		"сообщила": true, "заявляет": true, "говорит": true, "пообещал": true, "предупредил": true, "словам": true,
		// French
		"déclaré": true, "dit": true, "affirmé": true, "ajouté": true, "souligné": true, "déclare": true,
		"affirme": true, "ajoute": true, "selon": true, "estimé": true, "averti": true, "promis": true,
		// Spanish
		"dijo": true, "afirmó": true, "declaró": true, "añadió": true, "según": true,
	}
	// Arabic verbs of saying (normalised; with or without the و/ف prefix).
	speechVerbsAR = setOf("قال", "وقال", "فقال", "اضاف", "واضاف", "اكد", "واكد", "صرح", "وصرح", "اعلن", "واعلن",
		"اوضح", "واوضح", "تابع", "وتابع", "بحسب", "حسب", "وفقا", "يقول", "قائلا", "مضيفا", "مؤكدا", "حذر", "وحذر")
	// Chinese verbs of saying: the speaker precedes them.
	speechVerbsZH = []string{"表示", "说", "称", "指出", "强调", "宣布", "警告", "透露", "說", "稱", "強調", "宣佈"}
	pronounsEN    = map[string]bool{"he": true, "she": true, "they": true}
	pronounsOther = map[string]bool{"он": true, "она": true, "il": true, "elle": true, "él": true, "ella": true}
	// titles that stand before names and are never the speaker themselves.
	titleWords = map[string]bool{"president": true, "minister": true, "prime": true, "secretary": true,
		"general": true, "chief": true, "spokesman": true, "spokeswoman": true, "mr": true, "mrs": true,
		"ms": true, "dr": true, "king": true, "prince": true, "foreign": true, "defense": true, "defence": true,
		"state": true, "the": true, "agency": true, "news": true, "media": true}
)

// speakerOf finds who speaks the quotes of a passage. It looks for a verb
// of saying outside the quotes and takes the nearest name beside it: before
// the verb in "Putin said", "Путин заявил", "普京说"; after it in "said
// Putin", "cited Putin as saying", "according to Putin", "заявил Путин",
// "قال بوتين", "selon Poutine". A pronoun subject ("He added that …")
// returns pronoun=true and no name: the caller resolves it to the previous
// passage's subject. Names are resolved to one of the passage's entities
// when they match one (see entityNames); otherwise the surface form is
// returned.
func speakerOf(text, lang string, toks []Token, quotes []span, names *entityNames) (speaker string, pronoun bool) {
	outside := func(t Token) bool { return !inSpans(quotes, t.Start, t.End) }
	if lang == "zh" {
		for _, v := range speechVerbsZH {
			for off := 0; ; {
				i := strings.Index(text[off:], v)
				if i < 0 {
					break
				}
				i += off
				off = i + len(v)
				if inSpans(quotes, i, i+len(v)) {
					continue
				}
				// the Han run before the verb, at most 6 characters
				j := i
				n := 0
				for j > 0 && n < 6 {
					r, size := utf8.DecodeLastRuneInString(text[:j])
					if !isHan(r) || chineseStop[r] {
						break
					}
					j -= size
					n++
				}
				if j < i {
					if id := names.within(j, i); id != "" {
						return id, false
					}
					if id := names.resolve(text[j:i], j, i); id != "" {
						return id, false
					}
					return text[j:i], false
				}
			}
		}
		return "", false
	}
	for k, t := range toks {
		if t.Kind != Word || !outside(t) {
			continue
		}
		lw := strings.ToLower(t.Text)
		isVerb := speechVerbsEN[lw] || speechVerbsOther[lw]
		after := speakerAfterEN[lw] || lw == "selon" || lw == "según" || lw == "словам"
		if lang == "ar" {
			a := arabic.Fold(lw)
			if speechVerbsAR[a] {
				// Arabic: the speaker follows the verb; titles and
				// adjectives come first, so take the first word that
				// resolves to an entity, else the first non-article word.
				for j := k + 1; j < len(toks) && j <= k+6; j++ {
					if toks[j].Kind != Word || !outside(toks[j]) {
						break
					}
					if id := names.resolve(toks[j].Text, toks[j].Start, toks[j].End); id != "" {
						return id, false
					}
				}
				continue
			}
		}
		if !isVerb && !after {
			continue
		}
		if !after && strings.HasSuffix(lw, "ing") {
			// "…, adding that …": the speaker is the subject of the
			// sentence.
			if sp, pron := sentenceSubject(toks, names); sp != "" || pron {
				return sp, pron
			}
			continue
		}
		if !after {
			// Name or pronoun right before the verb (within 5 words,
			// skipping titles and lower-case words like "also"; a comma
			// ends the search).
			for j := k - 1; j >= 0 && j >= k-5; j-- {
				pt := toks[j]
				if pt.Kind != Word || !outside(pt) {
					if pt.Kind == Punct && pt.Text == "-" {
						continue
					}
					break
				}
				lp := strings.ToLower(pt.Text)
				if pronounsEN[lp] || pronounsOther[lp] {
					return "", true
				}
				if isCapitalized(pt.Text) && !titleWords[lp] {
					return nameAt(toks, j, names), false
				}
			}
		}
		// Name after the verb: "said Putin", "cited Putin as saying",
		// "according to Putin", "заявил Путин".
		for j := k + 1; j < len(toks) && j <= k+6; j++ {
			nt := toks[j]
			if nt.Kind != Word || !outside(nt) {
				if nt.Kind == Punct && nt.Text == "-" {
					continue
				}
				break
			}
			ln := strings.ToLower(nt.Text)
			if isCapitalized(nt.Text) && !titleWords[ln] {
				// take the last capitalised word of the name
				e := j
				for e+1 < len(toks) && toks[e+1].Kind == Word && (isCapitalized(toks[e+1].Text) || toks[e+1].Text == "al") {
					e++
				}
				return nameAt(toks, e, names), false
			}
			if ln != "to" && ln != "by" && ln != "the" && !titleWords[ln] && !unicode.Is(unicode.Cyrillic, firstRune(nt.Text)) {
				break
			}
		}
	}
	return "", false
}

// sentenceSubject returns the subject of a passage: a pronoun as its
// first word (pronoun=true), else its first capitalised name that
// resolves to an entity.
func sentenceSubject(toks []Token, names *entityNames) (string, bool) {
	for i, t := range toks {
		if t.Kind != Word {
			continue
		}
		lw := strings.ToLower(t.Text)
		if i < 2 && (pronounsEN[lw] || pronounsOther[lw]) {
			return "", true
		}
		if isCapitalized(t.Text) {
			if id := names.resolve(t.Text, t.Start, t.End); id != "" {
				return id, false
			}
		}
	}
	return "", false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isCapitalized(s string) bool { return unicode.IsUpper(firstRune(s)) }

// nameAt returns the name ending at token j: the entity it resolves to,
// or the surface word.
func nameAt(toks []Token, j int, names *entityNames) string {
	if id := names.resolve(toks[j].Text, toks[j].Start, toks[j].End); id != "" {
		return id
	}
	return toks[j].Text
}

// entityNames resolves the names written in a passage to the passage's
// entities. An entity is known by where it is written (the passage's
// mentions) and by the words of its names: the parts of its id when the id
// is a readable slug ("vladimir-putin"), and the words of its mentions in
// the passage. The mentions are what counts when ids are opaque keys (a
// server's "e12"): "Vladimir Putin … Putin said" then still resolves the
// speaker, whatever the ids look like.
type entityNames struct {
	ids      []string
	parts    [][]string // per id: name words, ASCII lower case
	mentions []Mention
}

// newEntityNames collects the entities of a passage (its Entities and the
// entities of its Mentions) and their name words. Mentions outside the
// text are ignored.
func newEntityNames(text string, entities []string, mentions []Mention) *entityNames {
	n := &entityNames{}
	index := map[string]int{}
	add := func(id string) int {
		if k, ok := index[id]; ok {
			return k
		}
		k := len(n.ids)
		index[id] = k
		n.ids = append(n.ids, id)
		n.parts = append(n.parts, nil)
		for _, part := range nameWords(id) {
			n.parts[k] = appendUniq(n.parts[k], part)
		}
		return k
	}
	for _, id := range entities {
		if id != "" {
			add(id)
		}
	}
	for _, m := range mentions {
		if m.Entity == "" || m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			continue
		}
		n.mentions = append(n.mentions, m)
		k := add(m.Entity)
		for _, w := range nameWords(unidecode.Unidecode(text[m.Start:m.End])) {
			n.parts[k] = appendUniq(n.parts[k], w)
		}
	}
	return n
}

// nameWords splits a name or id into lower-case ASCII words of three
// letters or more ("al" and "bin" carry no name; words with digits are
// keys, not names).
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		w = strings.Trim(w, "'’")
		if len(w) < 3 || strings.ContainsAny(w, "0123456789") {
			continue
		}
		out = append(out, w)
	}
	return out
}

func appendUniq(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// wordNames are the one-word names of the entities of an aligned set
// (Syria, Egypt, Putin; the words of an id slug or of a mention that is a
// single word), so that a name written outside any mention, such as the
// adjective in "the Syrian settlement" or "Egyptian President", resolves
// to the entity other passages name. Many-word names are left out: their
// single words ("State" of "Islamic State", "Arab" of "Syrian Arab Army")
// name other things too.
type wordNames struct {
	ids   []string
	words []string
}

// setWordNames collects the one-word names of the entities of docs.
func setWordNames(docs []Document) *wordNames {
	n := &wordNames{}
	seen := map[string]bool{}
	add := func(id, w string) {
		if len(w) < 4 || seen[id+"\x00"+w] {
			return
		}
		seen[id+"\x00"+w] = true
		n.ids = append(n.ids, id)
		n.words = append(n.words, w)
	}
	for _, d := range docs {
		for _, p := range d.Passages {
			for _, id := range p.Entities {
				if ws := nameWords(id); len(ws) == 1 && !strings.ContainsAny(id, "-_ ") {
					add(id, ws[0])
				}
			}
			for _, m := range p.Mentions {
				if m.Entity == "" || m.Start < 0 || m.End > len(p.Text) || m.Start >= m.End {
					continue
				}
				surface := strings.TrimSpace(p.Text[m.Start:m.End])
				if strings.ContainsFunc(surface, func(r rune) bool { return !unicode.IsLetter(r) }) {
					continue
				}
				if ws := nameWords(unidecode.Unidecode(surface)); len(ws) == 1 {
					add(m.Entity, ws[0])
				}
			}
		}
	}
	return n
}

// resolveWord returns the entity a capitalised word names: the one entity
// one of whose one-word names it equals or extends by at most three
// letters (Syrian, Syrians: Syria; Egyptian: Egypt; Путина: Путин), or ""
// when none or several do.
func (n *wordNames) resolveWord(surface string) string {
	if n == nil {
		return ""
	}
	s := strings.ToLower(unidecode.Unidecode(surface))
	found := ""
	for k, w := range n.words {
		if s == w || strings.HasPrefix(s, w) && len(s)-len(w) <= 3 {
			if found != "" && found != n.ids[k] {
				return ""
			}
			found = n.ids[k]
		}
	}
	return found
}

// within returns the entity of the last mention lying inside the byte
// range [start, end), or "".
func (n *entityNames) within(start, end int) string {
	if n == nil {
		return ""
	}
	best, bestEnd := "", -1
	for _, m := range n.mentions {
		if m.Start >= start && m.End <= end && m.End > bestEnd {
			best, bestEnd = m.Entity, m.End
		}
	}
	return best
}

// resolve returns the entity a name written at text[start:end] stands
// for: the entity of a mention covering it, else the entity one of whose
// name words the surface matches (see matchName), else "".
func (n *entityNames) resolve(surface string, start, end int) string {
	if n == nil || surface == "" {
		return ""
	}
	for _, m := range n.mentions {
		if start >= m.Start && end <= m.End {
			return m.Entity
		}
	}
	for k, id := range n.ids {
		if matchName(surface, n.parts[k]) {
			return id
		}
	}
	return ""
}

// matchName reports whether a surface name matches one of an entity's
// name words. The surface is transliterated to ASCII
// (mozillazg/go-unidecode: Путин → Putin) and matches a word equal to it
// or, for inflected Russian forms, a word it starts with (Путина → putina
// ⊃ putin). For Arabic, whose script writes no short vowels, the consonant
// skeletons are compared (بوتين → btn = Putin).
func matchName(surface string, parts []string) bool {
	if surface == "" || len(parts) == 0 {
		return false
	}
	s := strings.ToLower(strings.TrimSpace(unidecode.Unidecode(surface)))
	s = strings.Trim(s, " '’-")
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return false
	}
	sk := skeleton(surface)
	for _, part := range parts {
		if s == part || len(part) >= 4 && strings.HasPrefix(s, part) && len(s)-len(part) <= 2 {
			return true
		}
		if len(sk) >= 3 && sk == skeleton(part) {
			return true
		}
	}
	return false
}

// skeleton is a script-independent key for a name: the word transliterated
// to ASCII (go-unidecode), an Arabic article removed, vowels and the
// letters that scripts use as vowels (h, w, y) dropped, and consonants of
// one class folded (p/b, f/v, k/c/q/g, s/z, d/t kept apart), repeats
// collapsed: Putin, Путин, بوتين → "btn"; Trump, Трамп, ترامب → "trmb".
func skeleton(word string) string {
	w := word
	if strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
		w = arabic.Fold(w)
		for _, p := range []string{"وال", "بال", "لل", "ال"} {
			if strings.HasPrefix(w, p) && utf8.RuneCountInString(w) > utf8.RuneCountInString(p)+2 {
				w = w[len(p):]
				break
			}
		}
	}
	a := strings.ToLower(unidecode.Unidecode(w))
	var b strings.Builder
	var last byte
	for i := 0; i < len(a); i++ {
		c := a[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'w', '\'', '`':
			continue
		case 'p':
			c = 'b'
		case 'v':
			c = 'f'
		case 'c', 'q', 'g':
			c = 'k'
		case 'z':
			c = 's'
		case 'x':
			c = 'k'
		}
		if c < 'a' || c > 'z' {
			continue
		}
		if c == last {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}
