package align

import (
	"interlinear/lang/arabic"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Item kinds.
const (
	itemWord uint8 = iota + 1
	itemName       // capitalised word that is not a common word
	itemEntity
	itemNumber
	itemBigram // Chinese character bigram: same-language evidence only
)

// Weights of entities and names (content words carry their background
// weight, numbers numberWeight/dateWeight).
const (
	hanCharShare       = 0.5 // weight share of one Han character (a word is about two)
	entityWeight       = 0.45
	nameWeight         = 0.35 // capitalised word not resolved to an entity
	resolvedNameWeight = 0.1  // capitalised word that spells one of the passage's entities
)

// item is one unit of evidence in a passage: a content word, a name, an
// entity, a number or date, a Chinese bigram.
type item struct {
	key    uint32 // identity feature (stem, entity, first number key): for in-set frequency
	kind   uint8
	quoted bool // inside quoted speech
	// implied: an entity no mention names, implied by a word of its name
	// (Syrian: Syria, see wordNames).
	implied bool
	bridge  bool    // comparable across languages
	w       float64 // weight (background IDF for words)
	own     []uint32
	up      []uint32 // hypernyms: match another item's own features only
	text    string   // surface form, for evidence
}

// analysis is a passage reduced to features.
type analysis struct {
	doc, idx int // document and passage index
	lang     string
	items    []item
	mass     float64 // total weight
	bmass    float64 // weight of bridge items
	quoted   bool
	qmass    float64 // weight of quoted items
	speaker  string
	subject  string // first resolved name, for pronoun resolution
	// numbers and dates (canonical keys), for stories
	numbers []string
	// ents are the passage's entity features, sorted.
	ents []uint32
	// fmass is the weight of items with a frequent feature (scorePairs).
	fmass float64
	// byFeat and byUp map features to items, built on first use by
	// evidence (within one call, never shared).
	byFeat, byUp map[uint32]int
}

// wordFeat is a cached lexical analysis of one word form.
type wordFeat struct {
	key     uint32
	own, up []uint32
	w       float64
	bridge  bool
	name    bool
}

// analyzer holds the per-call state of an alignment: the dynamic feature
// ids (entities, numbers, stems outside WordNet) and a cache of word
// analyses. It is never shared between calls.
type analyzer struct {
	a     *Aligner
	base  uint32
	dyn   map[string]uint32
	cache map[string]*wordFeat
	// setNames are the one-word names of the entities of the whole set
	// (see setWordNames).
	setNames *wordNames
}

func (a *Aligner) newAnalyzer() *analyzer {
	var base uint32
	if a.syn != nil {
		base = a.syn.nSynsets
	}
	return &analyzer{a: a, base: base, dyn: map[string]uint32{}, cache: map[string]*wordFeat{}}
}

// intern returns the id of a dynamic feature.
func (z *analyzer) intern(key string) uint32 {
	if id, ok := z.dyn[key]; ok {
		return id
	}
	id := z.base + uint32(len(z.dyn))
	z.dyn[key] = id
	return id
}

// nFeatures is one past the largest feature id handed out so far.
func (z *analyzer) nFeatures() uint32 { return z.base + uint32(len(z.dyn)) }

// english returns the features of an English word (lower case): its stem,
// and the WordNet synsets of its stem (own) and their hypernyms (up).
func (z *analyzer) english(w string) (own, up []uint32, weight float64, inWN bool) {
	syn := z.a.syn
	var known func(string) bool
	if syn != nil {
		known = syn.Known
	}
	f := britishFold(w, known)
	s := stemWord("en", f)
	own = []uint32{z.intern("en:" + s)}
	weight = 1
	e, _, ok := syn.lookup(s)
	if !ok && strings.HasSuffix(f, "men") {
		// morphy's noun rule: servicemen → serviceman
		s2 := stemWord("en", f[:len(f)-3]+"man")
		e, _, ok = syn.lookup(s2)
		if ok {
			s = s2
		}
	}
	if ok {
		own = append(own, e.own...)
		up = e.up
		weight = syn.weight(s)
		inWN = true
	}
	return own, up, weight, inWN
}

// glossFeatures returns the English features of a dictionary gloss: of its
// content words when it has at most two ("armed forces"), else of none.
func (z *analyzer) glossFeatures(g string) (own, up []uint32, weight float64, ok bool) {
	var words []string
	for _, w := range strings.FieldsFunc(g, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
		w = strings.Trim(strings.ToLower(w), ".!?'\"")
		if w == "" || w == "to" || isStopWord("en", w) {
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 || len(words) > 2 {
		return nil, nil, 0, false
	}
	weight = 1
	for i, w := range words {
		o, u, wt, _ := z.english(w)
		own = append(own, o...)
		up = append(up, u...)
		if i == 0 || wt < weight {
			weight = wt
		}
	}
	return own, up, weight, true
}

// maxGlosses is how many dictionary glosses of a foreign word are bridged
// into English; the dictionaries list the common senses first.
const maxGlosses = 4

// word analyses one word token of lang. name says it is capitalised
// where a common word would not be.
func (z *analyzer) word(lang, surface string, name bool) *wordFeat {
	lw := strings.ToLower(surface)
	key := lang + "\x00" + lw
	if name {
		key += "\x00N"
	}
	if f, ok := z.cache[key]; ok {
		return f
	}
	f := &wordFeat{w: 1, name: name}
	f.key = z.intern(lang + ":" + stemWord(lang, britishFoldIf(lang, lw, z.a.syn)))
	sk := ""
	if name {
		sk = skeleton(surface)
	}
	switch lang {
	case "en":
		if name {
			f.own = []uint32{z.intern("en:" + stemWord("en", lw))}
			f.w, f.bridge = nameWeight, true
		} else {
			f.own, f.up, f.w, _ = z.english(lw)
			f.bridge = true
		}
	default:
		stem := stemWord(lang, lw)
		f.own = []uint32{z.intern(lang + ":" + stem)}
		gl := z.a.lex.glosses(lang, stem)
		if len(gl) == 0 && lang == "ar" {
			// The light stemmer keeps a one-letter proclitic on short
			// words (وأمر, ببدء); try without it.
			a := arabic.Fold(lw)
			for _, pre := range []string{"و", "ف", "ب", "ل", "ك"} {
				if strings.HasPrefix(a, pre) && utf8.RuneCountInString(a) >= 4 {
					if g := z.a.lex.glosses(lang, stemArabic(a[len(pre):])); len(g) > 0 {
						gl = g
						break
					}
				}
			}
		}
		if len(gl) > maxGlosses {
			gl = gl[:maxGlosses]
		}
		first := true
		for _, g := range gl {
			o, u, wt, ok := z.glossFeatures(g)
			if !ok {
				continue
			}
			f.own = append(f.own, o...)
			if !name {
				f.up = append(f.up, u...)
			}
			if first {
				f.w = wt
				first = false
			}
			f.bridge = true
		}
		if name {
			f.w, f.bridge = nameWeight, true
			if unicode.Is(unicode.Arabic, firstRune(surface)) {
				f.bridge = false
			}
		}
	}
	if len(sk) >= 3 {
		f.own = append(f.own, z.intern("sk:"+sk))
	}
	f.own = sortUniq(f.own)
	f.up = sortUniq(f.up)
	z.cache[key] = f
	return f
}

// hasCase reports whether the word's script distinguishes capitals.
func hasCase(w string) bool {
	r := firstRune(w)
	return unicode.IsUpper(r) || unicode.IsLower(r)
}

// britishFoldIf folds English spelling (other languages pass through).
func britishFoldIf(lang, w string, syn *Synonyms) string {
	if lang != "en" {
		return w
	}
	if syn != nil {
		return britishFold(w, syn.Known)
	}
	return britishFold(w, nil)
}

// sortUniq returns the sorted distinct values of s in a new slice: s may
// be shared (the English features come from tables every Align call reads
// concurrently), so it is never sorted in place.
func sortUniq(s []uint32) []uint32 {
	if len(s) < 2 {
		return s
	}
	s = append([]uint32(nil), s...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// hanWeight is the background weight of a Chinese character from its
// kHanyuPinlu corpus count (as Synonyms.weight does for English words).
func (z *analyzer) hanWeight(r rune) float64 {
	lx := z.a.lex
	if lx == nil || lx.zhTotal == 0 {
		return 0.6
	}
	c := lx.zhFreq[r]
	return math.Log((lx.zhTotal+1)/(c+1)) / math.Log(lx.zhTotal+1)
}

// han analyses one (simplified) Han character.
func (z *analyzer) han(r rune) *wordFeat {
	key := "zh\x00" + string(r)
	if f, ok := z.cache[key]; ok {
		return f
	}
	f := &wordFeat{w: z.hanWeight(r)}
	f.key = z.intern("zh:" + string(r))
	f.own = []uint32{f.key}
	// Character glosses are broad (中: "central; center, middle; in the
	// midst of; hit (target); attain"): only the first two, one word each.
	gl := z.a.lex.glosses("zh", string(r))
	if len(gl) > 2 {
		gl = gl[:2]
	}
	for _, g := range gl {
		if strings.ContainsAny(g, " -") {
			continue
		}
		if o, _, _, ok := z.glossFeatures(g); ok {
			f.own = append(f.own, o...)
			f.bridge = true
		}
	}
	f.own = sortUniq(f.own)
	z.cache[key] = f
	return f
}

// analyze reduces a passage to items. open says a quote is open from the
// previous passage; it returns whether one is still open at the end.
func (z *analyzer) analyze(p Passage, lang string, open bool) (*analysis, bool) {
	an := &analysis{lang: lang}
	text := p.Text
	toks := Tokenize(text)
	quotes, stillOpen := quoteSpans(text, open)
	an.quoted = len(quotes) > 0
	nums := numberMentions(toks, lang)
	used := make([]bool, len(toks))
	for _, m := range nums {
		for k := m.tokFrom; k < m.tokTo && k < len(toks); k++ {
			used[k] = true
		}
		own := make([]uint32, 0, len(m.keys))
		for _, k := range m.keys {
			own = append(own, z.intern("n:"+k))
		}
		q := len(toks) > 0 && inSpans(quotes, toks[m.tokFrom].Start, toks[min(m.tokTo, len(toks))-1].End)
		an.items = append(an.items, item{key: own[len(own)-1], kind: itemNumber, bridge: true, w: m.weight, own: sortUniq(own), text: m.keys[0], quoted: q})
		an.numbers = append(an.numbers, m.keys...)
	}
	// Entities: one item per distinct id (from Entities and Mentions).
	inMention := func(t Token) bool {
		for _, m := range p.Mentions {
			if t.Start >= m.Start && t.End <= m.End {
				return true
			}
		}
		return false
	}
	names := newEntityNames(text, p.Entities, p.Mentions)
	ents := p.Entities
	for _, m := range p.Mentions {
		ents = append(ents[:len(ents):len(ents)], m.Entity)
	}
	seen := map[string]bool{}
	for _, e := range ents {
		if e == "" || seen[e] {
			continue
		}
		seen[e] = true
		id := z.intern("e:" + e)
		an.items = append(an.items, item{key: id, kind: itemEntity, bridge: true, w: entityWeight, own: []uint32{id}, text: e})
	}
	// Words.
	sentenceStart := true
	var prevHan rune
	prevHanEnd := -1
	for k, t := range toks {
		switch t.Kind {
		case Punct:
			if strings.ContainsAny(t.Text, ".!?:;。！？\"“”«»") {
				sentenceStart = true
			}
			prevHanEnd = -1
			continue
		case Number:
			sentenceStart = false
			prevHanEnd = -1
			continue
		case Han:
			if inMention(t) {
				prevHanEnd = -1
				continue
			}
			r, _ := utf8.DecodeRuneInString(t.Text)
			r = z.a.lex.simplify(r)
			q := inSpans(quotes, t.Start, t.End)
			if prevHanEnd == t.Start && !used[k] {
				// bigram with the previous character
				bg := string([]rune{prevHan, r})
				id := z.intern("zh2:" + bg)
				an.items = append(an.items, item{key: id, kind: itemBigram, w: 0.5 * z.hanWeight(r), own: []uint32{id}, text: bg, quoted: q})
			}
			prevHan, prevHanEnd = r, t.End
			if used[k] || chineseStop[r] || isZhNumeralRune(r) && !unicode.IsLetter(r) {
				continue
			}
			f := z.han(r)
			// A Chinese word is about two characters: each weighs half.
			an.items = append(an.items, item{key: f.key, kind: itemWord, bridge: f.bridge, w: hanCharShare * f.w, own: f.own, text: string(r), quoted: q})
			continue
		}
		prevHanEnd = -1
		start := sentenceStart
		sentenceStart = false
		if used[k] || inMention(t) {
			continue
		}
		lw := strings.ToLower(t.Text)
		// Possessive and clitic endings: Russia’s → russia, l’armée → armée.
		for _, suf := range []string{"'s", "’s"} {
			lw = strings.TrimSuffix(lw, suf)
		}
		if i := strings.IndexAny(lw, "'’"); i > 0 && i <= 2 && (lang == "fr" || lang == "it") {
			lw = lw[i+len(string([]rune(lw[i:])[:1])):]
		}
		if lw == "" || isStopWord(lang, lw) || utf8.RuneCountInString(lw) < 2 && lang != "zh" {
			continue
		}
		if lang == "en" && (strings.Contains(lw, "'") || strings.Contains(lw, "’")) {
			continue // contractions left over
		}
		// A capitalised word is a name unless it is a common word written
		// with a capital (headline case, titles: "President"): for
		// English, a WordNet lemma; for other languages, a word the
		// lexicon translates. Without those resources every capitalised
		// word after the first of a sentence is a name.
		name := false
		// A word that spells one of the passage's entities is a name;
		// scripts without capitals (Arabic) are checked word by word.
		resolved := (isCapitalized(t.Text) || !hasCase(t.Text)) && names.resolve(t.Text, t.Start, t.End) != ""
		if !resolved && isCapitalized(t.Text) {
			// A name of an entity that other passages of the set name
			// (Syrian, Egyptian: Syria, Egypt) stands for it here too.
			if id := z.setNames.resolveWord(t.Text); id != "" {
				resolved = true
				if !seen[id] {
					seen[id] = true
					eid := z.intern("e:" + id)
					an.items = append(an.items, item{key: eid, kind: itemEntity, bridge: true, w: entityWeight, own: []uint32{eid}, text: id, implied: true})
				}
			}
		}
		if resolved {
			name = true
		} else if isCapitalized(t.Text) && (lang == "en" || lang == "ru" || lang == "fr" || lang == "es" || lang == "de") {
			common := false
			switch {
			case lang == "en" && z.a.syn != nil:
				common = z.a.syn.Common(lw) || z.a.syn.Common(strings.TrimSuffix(lw, "s"))
			case lang != "en" && z.a.lex != nil:
				common = len(z.a.lex.glosses(lang, stemWord(lang, lw))) > 0
			default:
				common = start
			}
			name = !common
		}
		f := z.word(lang, t.Text, name)
		kind := itemWord
		w := f.w
		if f.name {
			kind = itemName
			// A name already counted as an entity adds little.
			if resolved {
				w = resolvedNameWeight
			}
		}
		an.items = append(an.items, item{key: f.key, kind: kind, bridge: f.bridge, w: w, own: f.own, up: f.up, text: lw, quoted: inSpans(quotes, t.Start, t.End)})
		// Two-word collocations of WordNet (pull out, carry out): the
		// particle's features join the first word's.
		if lang == "en" && !name && z.a.syn != nil && k+1 < len(toks) && toks[k+1].Kind == Word {
			nx := strings.ToLower(toks[k+1].Text)
			key := stemWord("en", britishFold(lw, z.a.syn.Known)) + "_" + stemWord("en", nx)
			if e, _, ok := z.a.syn.lookup(key); ok {
				it := &an.items[len(an.items)-1]
				it.own = sortUniq(append(append([]uint32{}, it.own...), e.own...))
				it.up = sortUniq(append(append([]uint32{}, it.up...), e.up...))
			}
		}
		// Three-word collocations ending here (on the way, in the end):
		// their features join this last word's. WordNet writes a
		// possessive slot as "the" or "one's" (on the way ~ on his way,
		// make one's way ~ made their way).
		if lang == "en" && !name && z.a.syn != nil && k >= 2 && toks[k-1].Kind == Word && toks[k-2].Kind == Word {
			if e, ok := z.collocation3(toks[k-2].Text, toks[k-1].Text, lw); ok {
				it := &an.items[len(an.items)-1]
				it.own = sortUniq(append(append([]uint32{}, it.own...), e.own...))
				it.up = sortUniq(append(append([]uint32{}, it.up...), e.up...))
			}
		}
	}
	for i := range an.items {
		it := &an.items[i]
		an.mass += it.w
		if it.bridge {
			an.bmass += it.w
		}
		if it.quoted && (it.kind == itemWord || it.kind == itemNumber) {
			an.qmass += it.w
		}
	}
	sp, pronoun := speakerOf(text, lang, toks, quotes, names)
	if pronoun {
		sp = "\x00pronoun"
	}
	an.speaker = sp
	an.subject = subjectOf(toks, names)
	return an, stillOpen
}

// subjectOf returns the first name of a passage that resolves to one of
// its entities: a cheap stand-in for the sentence subject, used to resolve
// "He said" in the next passage.
func subjectOf(toks []Token, names *entityNames) string {
	for _, t := range toks {
		if t.Kind == Word && isCapitalized(t.Text) {
			if id := names.resolve(t.Text, t.Start, t.End); id != "" {
				return id
			}
		}
	}
	return ""
}

// possessives stand in the slot WordNet writes as "the" or "one's" in
// collocations.
var possessives = map[string]bool{"his": true, "her": true, "its": true, "their": true, "my": true, "your": true, "our": true, "the": true, "a": true}

// collocation3 looks up the WordNet collocation of three English words,
// trying "the" and "one's" for a possessive middle word.
func (z *analyzer) collocation3(w0, w1, w2 string) (*synEntry, bool) {
	syn := z.a.syn
	stem := func(w string) string { return stemWord("en", britishFold(strings.ToLower(w), syn.Known)) }
	first, last := stem(w0), stem(w2)
	mid := strings.ToLower(w1)
	cands := []string{stem(mid)}
	if possessives[mid] {
		cands = append(cands, "the", "one's")
	}
	for _, m := range cands {
		if e, _, ok := syn.lookup(first + "_" + m + "_" + last); ok {
			return e, true
		}
	}
	return nil, false
}
