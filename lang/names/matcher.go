package names

import (
	"interlinear/lang/arabic"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Matcher resolves names and extracts mentions against a gazetteer. Build
// it once with NewMatcher; it is immutable and safe for concurrent use.
type Matcher struct {
	ents []Entity

	exact map[string][]int // normalised spelling → entities, file order
	byKey map[string][]int // compact Key → entities (non-Han spellings)
	han   map[string][]int // compact Key of Han spellings → entities
	// compact Key of Arabic and Hebrew spellings → entities, for Extract
	abjadKeys map[string][]int

	spellings []spellInfo // every spelling, for fuzzy resolution

	seqs     []seqEntry       // spellings as token sequences, for Extract
	seqIndex map[string][]int // first-token lookup form → seqs
}

// spellInfo is a gazetteer spelling prepared for comparison.
type spellInfo struct {
	info   nameInfo
	entity int
}

// seqEntry is a spelling as a sequence of token forms.
type seqEntry struct {
	forms  []string
	caps   []int8 // per token: 2 all caps required, 1 capital required, 0 any
	script Script
	entity int
	text   string
}

// NewMatcher indexes g (which may be nil, for a matcher without known
// entities).
func NewMatcher(g *Gazetteer) *Matcher {
	m := &Matcher{
		exact:     map[string][]int{},
		byKey:     map[string][]int{},
		han:       map[string][]int{},
		abjadKeys: map[string][]int{},
		seqIndex:  map[string][]int{},
	}
	if g == nil {
		return m
	}
	m.ents = g.Entities()
	for ei, e := range m.ents {
		for _, sp := range e.Spellings {
			addUnique(m.exact, normSpelling(sp.Text), ei)
			info := newNameInfo(sp.Text)
			if info.compact == "" {
				continue
			}
			if isAbjad(sp.Script) {
				addUnique(m.abjadKeys, info.compact, ei)
			}
			if sp.Script == Han {
				addUnique(m.han, info.compact, ei)
			} else {
				addUnique(m.byKey, info.compact, ei)
			}
			m.spellings = append(m.spellings, spellInfo{info: info, entity: ei})
			m.addSeq(sp.Text, ei)
		}
	}
	return m
}

func addUnique(m map[string][]int, k string, v int) {
	if k == "" || slices.Contains(m[k], v) {
		return
	}
	m[k] = append(m[k], v)
}

// addSeq indexes a spelling for dictionary matching in Extract.
func (m *Matcher) addSeq(text string, ei int) {
	toks := tokenize(text)
	var e seqEntry
	e.entity, e.text, e.script = ei, text, ScriptOf(text)
	for _, t := range toks {
		if t.kind != tWord {
			continue
		}
		form := matchForm(text[t.start:t.nameEnd], t.script)
		var c int8
		switch {
		case t.allCaps && utf8.RuneCountInString(form) <= 6:
			c = 2
		case t.cap:
			c = 1
		}
		e.forms = append(e.forms, form)
		e.caps = append(e.caps, c)
	}
	if len(e.forms) == 0 {
		return
	}
	idx := len(m.seqs)
	m.seqs = append(m.seqs, e)
	for _, k := range lookupForms(e.forms[0], e.script, false) {
		if !slices.Contains(m.seqIndex[k], idx) {
			m.seqIndex[k] = append(m.seqIndex[k], idx)
		}
	}
}

// matchForm is the form in which a token is compared with gazetteer
// spellings: Latin without diacritics, Cyrillic with ё as е, Arabic
// normalised by normArabic, all lowercase.
func matchForm(s string, sc Script) string {
	switch sc {
	case Arabic:
		return arabic.Fold(s)
	case Cyrillic:
		return strings.ReplaceAll(strings.ToLower(s), "ё", "е")
	case Hebrew:
		return strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Mn, r) {
				return -1
			}
			return r
		}, s)
	case Han:
		return s
	}
	// NFD, combining marks dropped, NFC (no shared transformer: a
	// transform.Chain keeps state and would race between goroutines)
	out := norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s)))
	return strings.ReplaceAll(strings.ToLower(out), "’", "'")
}

// normSpelling is the exact-match form of a whole name.
func normSpelling(s string) string {
	s = norm.NFC.String(s)
	var parts []string
	for _, f := range strings.Fields(s) {
		parts = append(parts, matchForm(f, ScriptOf(f)))
	}
	return strings.Join(parts, " ")
}

// cyrEndings are Russian case endings, longest first, stripped to match
// inflected names with the nominative in the gazetteer (Путина → Путин,
// Хмеймиме → Хмеймим, Сирии ~ Сирия).
var cyrEndings = []string{
	"ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым",
	"им", "ах", "ях", "ам", "ям", "ою", "ею", "ии", "ия", "ие", "ью", "ий",
	"а", "я", "у", "ю", "е", "и", "ы", "ь", "й",
}

// cyrStems returns w and w without each case ending that leaves at least
// three letters.
func cyrStems(w string) []string {
	out := []string{w}
	n := utf8.RuneCountInString(w)
	for _, e := range cyrEndings {
		if strings.HasSuffix(w, e) && n-utf8.RuneCountInString(e) >= 3 {
			s := w[:len(w)-len(e)]
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// arabicClitics are one-letter proclitics (and, by, for, so, like) that
// attach to the following word.
const arabicClitics = "وفبكل"

// stripAl removes the definite article ال from a normalised Arabic word
// of four letters or more.
func stripAl(w string) string {
	if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 4 {
		return w[len("ال"):]
	}
	return w
}

// arabicVariants returns the readings of a normalised Arabic word with
// and without a proclitic: each with the number of bytes the clitic
// takes at the start.
func arabicVariants(w string) (forms []string, shifts []int) {
	forms, shifts = []string{w}, []int{0}
	r, size := utf8.DecodeRuneInString(w)
	if utf8.RuneCountInString(w) >= 4 && strings.ContainsRune(arabicClitics, r) {
		rest := w[size:]
		forms, shifts = append(forms, rest), append(shifts, size)
		if r == 'ل' && strings.HasPrefix(rest, "ل") {
			// لل = لِ + ال with the alef dropped
			forms, shifts = append(forms, "ا"+rest), append(shifts, size)
		}
	}
	return forms, shifts
}

// lookupForms are the index keys under which a token form is looked up
// (text) or filed (spellings).
func lookupForms(form string, sc Script, text bool) []string {
	switch sc {
	case Cyrillic:
		return cyrStems(form)
	case Arabic:
		if !text {
			return []string{stripAl(form)}
		}
		fs, _ := arabicVariants(form)
		out := make([]string, 0, len(fs))
		for _, f := range fs {
			out = append(out, stripAl(f))
		}
		return out
	}
	return []string{form}
}

// tokenMatches reports whether a text token form matches a spelling token
// form, allowing Russian case endings and the Arabic article.
func tokenMatches(text, spell string, sc Script) bool {
	if text == spell {
		return true
	}
	switch sc {
	case Cyrillic:
		ts, ss := cyrStems(text), cyrStems(spell)
		if utf8.RuneCountInString(spell) < 3 {
			return false
		}
		for _, a := range ts {
			if slices.Contains(ss, a) {
				return true
			}
		}
	case Arabic:
		return stripAl(text) == stripAl(spell)
	}
	return false
}

// Resolve finds the gazetteer entity a name refers to: by exact spelling
// (after normalisation), then by [Key], then by [Similarity] at or above
// [SameThreshold], best first. It reports false when no entity fits.
func (m *Matcher) Resolve(name string) (Entity, bool) {
	ei, _ := m.resolve(name, "", "")
	if ei < 0 {
		return Entity{}, false
	}
	return m.entity(ei), true
}

// ResolveType is Resolve restricted to entities of type typ ("" for any).
func (m *Matcher) ResolveType(name, typ string) (Entity, bool) {
	ei, _ := m.resolve(name, typ, "")
	if ei < 0 {
		return Entity{}, false
	}
	return m.entity(ei), true
}

// g returns the entity with the given id (a copy).
func (m *Matcher) g(id string) (Entity, bool) {
	for i, e := range m.ents {
		if e.ID == id {
			return m.entity(i), true
		}
	}
	return Entity{}, false
}

func (m *Matcher) entity(i int) Entity {
	e := m.ents[i]
	e.Spellings = slices.Clone(e.Spellings)
	return e
}

// resolve returns the entity index (or -1) and the score: 2 for an exact
// spelling, 1.5 for a key, else the similarity.
func (m *Matcher) resolve(name, typ, lang string) (int, float64) {
	if len(m.ents) == 0 {
		return -1, 0
	}
	if ids := m.exact[normSpelling(name)]; len(ids) > 0 {
		if ei := m.pick(ids, typ, lang); ei >= 0 {
			return ei, 2
		}
	}
	info := newNameInfo(name)
	if info.compact == "" {
		return -1, 0
	}
	idx := m.byKey
	if info.script == Han {
		idx = m.han
	}
	if ids := idx[info.compact]; len(ids) > 0 {
		if ei := m.pick(ids, typ, lang); ei >= 0 {
			return ei, 1.5
		}
	}
	if info.script == Cyrillic {
		// an inflected last word: Путина, Хмеймиме
		fs := strings.Fields(strings.ToLower(name))
		last := fs[len(fs)-1]
		for _, st := range cyrStems(last)[1:] {
			alt := strings.Join(append(slices.Clone(fs[:len(fs)-1]), st), " ")
			if ids := m.exact[normSpelling(alt)]; len(ids) > 0 {
				if ei := m.pick(ids, typ, lang); ei >= 0 {
					return ei, 2
				}
			}
		}
	}
	best, bestScore := -1, 0.0
	for _, sp := range m.spellings {
		if typ != "" && m.ents[sp.entity].Type != typ {
			continue
		}
		la, lb := len(info.compact), len(sp.info.compact)
		if la*3 < lb || lb*3 < la {
			continue // far apart in length; partial names share the last word
		}
		// a longer name does not resolve to a shorter spelling by its
		// last word: Hafez al-Assad is not Assad
		var s float64
		if len(info.words) > len(sp.info.words) {
			s = fullSim(info, sp.info)
		} else {
			s = similarity(info, sp.info)
		}
		if s < threshold(info, sp.info) {
			continue
		}
		if s > bestScore || s == bestScore && best >= 0 && sp.entity < best {
			best, bestScore = sp.entity, s
		}
	}
	if best >= 0 {
		return best, bestScore
	}
	return -1, 0
}

// pick chooses among entities sharing a spelling or key: the first of
// type typ (when given) with a spelling in lang, else the first of type
// typ, in file order. It returns -1 if none has type typ.
func (m *Matcher) pick(ids []int, typ, lang string) int {
	first := -1
	for _, ei := range ids {
		if typ != "" && m.ents[ei].Type != typ {
			continue
		}
		if first < 0 {
			first = ei
		}
		if lang == "" {
			break
		}
		for _, sp := range m.ents[ei].Spellings {
			if sp.Lang == lang {
				return ei
			}
		}
	}
	return first
}
