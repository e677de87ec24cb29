package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Mention is a name found in a text. Start and End are byte offsets into
// the text, Surface is text[Start:End]. EntityID is the gazetteer entity
// it resolved to, or "" if unknown; Type is the entity's type, or for an
// unknown name the type its context shows (a title before it: person; an
// organisation word such as Army or Front at its end: organization), or
// "". Key is the [Key] of the name (of the matched gazetteer spelling when
// the surface is inflected, as in Путина).
type Mention struct {
	Start, End int
	Surface    string
	EntityID   string
	Type       string
	Key        string
}

// extraction is the state of one Extract call.
type extraction struct {
	m       *Matcher
	text    string
	lang    string
	toks    []token
	cover   []int // per token: index into ms, or -1
	ms      []Mention
	lowers  map[string]bool // words seen in lowercase
	midCaps map[string]bool // words seen capitalised inside a sentence
	head    map[int]bool    // headline lines
	// lines whose cased words are all in capitals
	capsLine map[int]bool
	// resolutions already made in this text: surface + "\x00" + type
	resolved map[string]int
}

// Extract finds the names in text. lang is the text's language ("en",
// "ar", ...; may be ""), used to prefer that language's spellings when two
// entities share one.
//
// Extraction runs in three passes:
//
//  1. Dictionary: gazetteer spellings, longest match first, in every
//     script, with Russian case endings (Путина, Хмеймиме), Arabic
//     proclitics و ف ب ك ل and the article ال (وحميميم, بالأسد), and Han
//     ideograph sequences. Latin acronyms must match in capitals (IS is not
//     "is").
//  2. Capitalisation (Latin, Cyrillic): runs of capitalised words and
//     acronyms joined by single spaces or hyphens, with connectors inside
//     (al-, el-, bin, abu, de; "of", and "and"/"the" only after an "of", as
//     in "Islamic State of Iraq and the Levant"). From each run, the
//     function words of a sentence start, titles and roles ("Russian
//     Defence Minister") and nationality adjectives are stripped; a run is
//     split after an organisation word ("Syrian Arab Army | Ali Abdullah
//     Ayoub") and around dictionary matches; a possessive ends a name
//     ("Russia’s" → Russia); "Hmeimim-based" gives Hmeimim. A candidate of
//     demonyms, titles and common words only is dropped, as is a
//     capitalised sentence opener whose lowercase form also occurs in the
//     text. In headline-case lines (70% of words capitalised, no closing
//     full stop: titles and page furniture) only words also seen
//     capitalised inside sentences are kept. Given names before a
//     dictionary person join it ("Vladimir" + "Putin").
//  3. Keys (Arabic, Hebrew, Han): words and ideograph sequences whose
//     [Key] equals the key of a gazetteer spelling in the same script
//     (four letters or more): سورية for سوريا, 敘利亞 for 叙利亚.
//
// Unknown names are then resolved by [Matcher.Resolve] restricted to the
// type their context shows, and aliases learnt from the text
// ([LearnAliases]: "Daesh (ISIS)") carry an entity from one side to the
// other. Mentions are returned in text order and never overlap.
func (m *Matcher) Extract(text, lang string) []Mention {
	x := &extraction{m: m, text: text, lang: lang, toks: tokenize(text)}
	x.cover = make([]int, len(x.toks))
	for i := range x.cover {
		x.cover[i] = -1
	}
	x.evidence()
	x.dictionary()
	x.capitalised()
	x.byKeys()
	x.applyAliases(learnAliases(text, x.toks, x.ms))
	slices.SortFunc(x.ms, func(a, b Mention) int { return a.Start - b.Start })
	return x.ms
}

func (x *extraction) tokText(i int) string { return x.text[x.toks[i].start:x.toks[i].nameEnd] }

// next returns the index of the word token that may continue a name
// after token i, or -1.
func (x *extraction) next(i int) int {
	t := x.toks[i]
	if t.script == Han {
		if i+1 < len(x.toks) && x.toks[i+1].kind == tWord && x.toks[i+1].script == Han {
			return i + 1
		}
		if i+2 < len(x.toks) && x.toks[i+1].kind == tPunct && x.toks[i+2].script == Han &&
			strings.ContainsAny(x.text[x.toks[i+1].start:x.toks[i+1].end], "·・•‧") {
			return i + 2
		}
		return -1
	}
	if i+2 < len(x.toks) && x.toks[i+2].kind == tWord {
		if ok, _ := joinable(x.text, x.toks, i, i+2); ok {
			return i + 2
		}
	}
	return -1
}

func (x *extraction) add(first, last, shift int, ent int, key, typ string) {
	st, en := x.toks[first].start+shift, x.toks[last].nameEnd
	mn := Mention{Start: st, End: en, Surface: x.text[st:en], Key: key, Type: typ}
	if ent >= 0 {
		mn.EntityID = x.m.ents[ent].ID
		mn.Type = x.m.ents[ent].Type
	}
	for k := first; k <= last; k++ {
		x.cover[k] = len(x.ms)
	}
	x.ms = append(x.ms, mn)
}

// dictionary is pass 1: gazetteer spellings, longest match first.
func (x *extraction) dictionary() {
	if len(x.m.seqs) == 0 {
		return
	}
	for i := 0; i < len(x.toks); i++ {
		t := x.toks[i]
		if t.kind != tWord || x.cover[i] >= 0 {
			continue
		}
		form := matchForm(x.tokText(i), t.script)
		bestLast, bestShift, bestSeq, bestLen := -1, 0, -1, 0
		for _, k := range lookupForms(form, t.script, true) {
			for _, si := range x.m.seqIndex[k] {
				last, shift, ok := x.matchSeq(i, form, &x.m.seqs[si])
				if !ok {
					continue
				}
				n := x.toks[last].nameEnd - x.toks[i].start - shift
				if bestSeq < 0 || last > bestLast || last == bestLast && n > bestLen ||
					last == bestLast && n == bestLen && x.better(si, bestSeq) {
					bestLast, bestShift, bestSeq, bestLen = last, shift, si, n
				}
			}
		}
		if bestSeq < 0 {
			continue
		}
		e := x.m.seqs[bestSeq]
		if bestLast == i && x.capsLine[t.line] && t.allCaps && len(t.lower) <= 4 {
			continue // "FOLLOW US": an all-capitals line is no acronym evidence
		}
		x.add(i, bestLast, bestShift, e.entity, Key(e.text), "")
		i = bestLast
	}
}

// better prefers, among equally long matches, a spelling in the text's
// language, then the earlier entity.
func (x *extraction) better(a, b int) bool {
	ea, eb := x.m.seqs[a], x.m.seqs[b]
	la := x.lang != "" && slices.ContainsFunc(x.m.ents[ea.entity].Spellings, func(s Spelling) bool { return s.Lang == x.lang && s.Text == ea.text })
	lb := x.lang != "" && slices.ContainsFunc(x.m.ents[eb.entity].Spellings, func(s Spelling) bool { return s.Lang == x.lang && s.Text == eb.text })
	if la != lb {
		return la
	}
	return ea.entity < eb.entity
}

// matchSeq matches spelling e at token i; it returns the last token and
// the bytes of an Arabic proclitic left out of the mention.
func (x *extraction) matchSeq(i int, form string, e *seqEntry) (last, shift int, ok bool) {
	if e.script != x.toks[i].script {
		return 0, 0, false
	}
	k := i
	for j := range e.forms {
		if j > 0 {
			k = x.next(k)
			if k < 0 || x.cover[k] >= 0 || x.toks[k].script != e.script {
				return 0, 0, false
			}
			form = matchForm(x.tokText(k), e.script)
		}
		t := x.toks[k]
		switch e.caps[j] {
		case 2:
			if !t.allCaps {
				return 0, 0, false
			}
		case 1:
			if isCased(e.script) && !t.cap {
				return 0, 0, false
			}
		}
		if j == 0 && e.script == Arabic {
			fs, shifts := arabicVariants(form)
			found := false
			for n, f := range fs {
				if tokenMatches(f, e.forms[0], Arabic) {
					shift, found = shifts[n], true
					break
				}
			}
			if !found {
				return 0, 0, false
			}
			continue
		}
		if !tokenMatches(form, e.forms[j], e.script) {
			return 0, 0, false
		}
	}
	return k, shift, true
}

// byKeys is pass 3: Arabic, Hebrew and Han words whose key is a
// gazetteer key.
func (x *extraction) byKeys() {
	if len(x.m.spellings) == 0 {
		return
	}
	for i := 0; i < len(x.toks); i++ {
		t := x.toks[i]
		if t.kind != tWord || x.cover[i] >= 0 {
			continue
		}
		switch t.script {
		case Arabic, Hebrew:
			if last, shift, ent := x.keyWords(i); ent >= 0 {
				x.add(i, last, shift, ent, Key(x.text[x.toks[i].start+shift:x.toks[last].nameEnd]), "")
				i = last
			}
		case Han:
			if last, ent := x.keyHan(i); ent >= 0 {
				x.add(i, last, 0, ent, Key(x.text[x.toks[i].start:x.toks[last].nameEnd]), "")
				i = last
			}
		}
	}
}

// keyWords tries one to three words from token i against m.byKey.
func (x *extraction) keyWords(i int) (last, shift, ent int) {
	idx := []int{i}
	for k := i; len(idx) < 3; {
		k = x.next(k)
		if k < 0 || x.cover[k] >= 0 || x.toks[k].script != x.toks[i].script {
			break
		}
		idx = append(idx, k)
	}
	first := x.tokText(i)
	forms, shifts := []string{first}, []int{0}
	if x.toks[i].script == Arabic {
		forms, shifts = arabicVariants(first)
	}
	for n := len(idx); n >= 1; n-- {
		for v, f := range forms {
			name := f + " " + x.text[x.toks[idx[0]].nameEnd:x.toks[idx[n-1]].nameEnd]
			k := strings.ReplaceAll(Key(name), " ", "")
			if len(k) < 4 {
				continue
			}
			if ids := x.m.abjadKeys[k]; len(ids) > 0 {
				return idx[n-1], shifts[v], x.m.pick(ids, "", x.lang)
			}
		}
	}
	return 0, 0, -1
}

// keyHan tries ideograph sequences of eight down to two from token i
// against the keys of Han spellings (which joins traditional and
// simplified forms).
func (x *extraction) keyHan(i int) (last, ent int) {
	idx := []int{i}
	for k := i; len(idx) < 8; {
		k = x.next(k)
		if k < 0 || x.cover[k] >= 0 {
			break
		}
		idx = append(idx, k)
	}
	for n := len(idx); n >= 2; n-- {
		k := strings.ReplaceAll(Key(x.text[x.toks[i].start:x.toks[idx[n-1]].nameEnd]), " ", "")
		if len(k) < 4 {
			continue
		}
		if ids := x.m.han[k]; len(ids) > 0 {
			return idx[n-1], x.m.pick(ids, "", x.lang)
		}
	}
	return 0, -1
}

// applyAliases carries entities across learnt aliases.
func (x *extraction) applyAliases(al []Alias) {
	for _, a := range al {
		ka, kb := compactKey(a.A), compactKey(a.B)
		ea, eb := x.entityOfKey(ka), x.entityOfKey(kb)
		switch {
		case ea != "" && eb == "":
			x.assign(kb, ea)
		case eb != "" && ea == "":
			x.assign(ka, eb)
		}
	}
}

func compactKey(s string) string { return strings.ReplaceAll(Key(s), " ", "") }

func (x *extraction) entityOfKey(k string) string {
	for _, mn := range x.ms {
		if mn.EntityID != "" && strings.ReplaceAll(mn.Key, " ", "") == k {
			return mn.EntityID
		}
	}
	return ""
}

func (x *extraction) assign(k, id string) {
	typ := ""
	for _, e := range x.m.ents {
		if e.ID == id {
			typ = e.Type
		}
	}
	for i := range x.ms {
		if x.ms[i].EntityID == "" && strings.ReplaceAll(x.ms[i].Key, " ", "") == k {
			x.ms[i].EntityID, x.ms[i].Type = id, typ
		}
	}
}

// capitalised is pass 2.
func (x *extraction) capitalised() {
	for i := 0; i < len(x.toks); i++ {
		if !x.startsRun(i) {
			continue
		}
		run := []int{i}
		for k := i; ; {
			n := x.next(k)
			if n < 0 {
				n = x.afterAbbrev(k)
			}
			if n < 0 || !(x.nameish(n) || x.connector(n)) {
				break
			}
			run = append(run, n)
			k = n
		}
		i = run[len(run)-1]
		for _, r := range x.splitRun(run) {
			x.processRun(r)
		}
	}
}

// afterAbbrev continues a name over an abbreviation's full stop: "St.
// Petersburg", "Gen. Ali Ayoub".
func (x *extraction) afterAbbrev(k int) int {
	if !abbrevs[x.toks[k].lower] || k+3 >= len(x.toks) || x.toks[k].possessive {
		return -1
	}
	if x.text[x.toks[k+1].start:x.toks[k+1].end] != "." || x.toks[k+2].kind != tSpace || x.toks[k+3].kind != tWord {
		return -1
	}
	return k + 3
}

// evidence collects the words seen in lowercase and those seen
// capitalised inside sentences, and marks headline-case lines.
func (x *extraction) evidence() {
	x.lowers, x.midCaps, x.head, x.capsLine = map[string]bool{}, map[string]bool{}, map[int]bool{}, map[int]bool{}
	words, caps, allCaps := map[int]int{}, map[int]int{}, map[int]int{}
	// lines that end like a sentence are no headlines
	sentence := map[int]bool{}
	for i, t := range x.toks {
		if t.kind == tPunct && strings.ContainsAny(x.text[t.start:t.end], ".!?。") {
			j := i + 1
			for j < len(x.toks) && (x.toks[j].kind == tSpace || x.toks[j].kind == tPunct && strings.ContainsAny(x.text[x.toks[j].start:x.toks[j].end], "\"”’'»)")) {
				j++
			}
			if j == len(x.toks) || x.toks[j].kind == tNewline {
				sentence[t.line] = true
			}
		}
	}
	for _, t := range x.toks {
		if t.kind != tWord || !isCased(t.script) {
			continue
		}
		words[t.line]++
		if t.allCaps {
			allCaps[t.line]++
		}
		if t.cap || t.allCaps {
			caps[t.line]++
		} else {
			x.lowers[t.lower] = true
		}
	}
	for l, n := range words {
		if n >= 2 && float64(caps[l]) >= 0.7*float64(n) && !sentence[l] {
			x.head[l] = true
		}
		if n >= 2 && allCaps[l] == n {
			x.capsLine[l] = true
		}
	}
	for _, t := range x.toks {
		if t.kind == tWord && isCased(t.script) && !x.head[t.line] && (t.cap && !t.sentStart || t.allCaps) {
			x.midCaps[t.lower] = true
		}
	}
}

func (x *extraction) nameish(i int) bool {
	t := x.toks[i]
	return t.kind == tWord && isCased(t.script) && (t.cap || t.allCaps)
}

func (x *extraction) connector(i int) bool {
	t := x.toks[i]
	if t.kind != tWord || !isCased(t.script) || t.cap || !connectors[t.lower] {
		return false
	}
	return !hyphenOnly[t.lower] || x.hyphenNext(i)
}

// startsRun: a capitalised word, or a connector hyphenated to one
// ("al-Assad").
func (x *extraction) startsRun(i int) bool {
	if x.nameish(i) {
		return true
	}
	if x.connector(i) && i+2 < len(x.toks) {
		if ok, hy := joinable(x.text, x.toks, i, i+2); ok && hy && x.nameish(i+2) {
			return true
		}
	}
	return false
}

// splitRun enforces the connector rules: "and" only after an "of", "the"
// only after "of"/"and", no trailing connectors.
func (x *extraction) splitRun(run []int) [][]int {
	var out [][]int
	cur := []int{}
	hasOf := false
	flush := func() {
		for len(cur) > 0 && x.connector(cur[len(cur)-1]) {
			cur = cur[:len(cur)-1]
		}
		for len(cur) > 0 && x.connector(cur[0]) && !x.hyphenNext(cur[0]) {
			cur = cur[1:]
		}
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur, hasOf = []int{}, false
	}
	for n, i := range run {
		if x.connector(i) {
			switch x.toks[i].lower {
			case "of":
				hasOf = true
			case "and":
				if !hasOf {
					flush()
					continue
				}
			case "the":
				if n == 0 || !(x.toks[run[n-1]].lower == "of" || x.toks[run[n-1]].lower == "and") {
					flush()
					continue
				}
			}
		}
		cur = append(cur, i)
	}
	flush()
	return out
}

func (x *extraction) hyphenNext(i int) bool {
	if i+2 >= len(x.toks) {
		return false
	}
	_, hy := joinable(x.text, x.toks, i, i+2)
	return hy
}

// processRun turns one run into mentions around its dictionary matches.
func (x *extraction) processRun(run []int) {
	var gap []int
	for _, i := range run {
		if c := x.cover[i]; c >= 0 {
			if len(gap) > 0 {
				x.processGap(gap, c)
				gap = nil
			}
			continue
		}
		gap = append(gap, i)
	}
	if len(gap) > 0 {
		x.processGap(gap, -1)
	}
}

type piece struct {
	toks []int
	typ  string
}

// processGap makes mentions of the uncovered words of a run; before is
// the dictionary mention that follows the gap in the run, or -1.
func (x *extraction) processGap(gap []int, before int) {
	pieces := x.pieces(gap)
	for n, p := range pieces {
		if n == len(pieces)-1 && before >= 0 && p.toks[len(p.toks)-1] == gap[len(gap)-1] &&
			x.ms[before].Type == TypePerson && len(p.toks) <= 3 && x.plain(p.toks) {
			// given names before a known person: "Vladimir" + "Putin"
			mn := &x.ms[before]
			mn.Start = x.toks[p.toks[0]].start
			mn.Surface = x.text[mn.Start:mn.End]
			for _, k := range p.toks {
				x.cover[k] = before
			}
			continue
		}
		first, last := p.toks[0], p.toks[len(p.toks)-1]
		surface := x.text[x.toks[first].start:x.toks[last].nameEnd]
		ent, ok := x.resolved[surface+"\x00"+p.typ]
		if !ok {
			ent, _ = x.m.resolve(surface, p.typ, x.lang)
			if x.resolved == nil {
				x.resolved = map[string]int{}
			}
			x.resolved[surface+"\x00"+p.typ] = ent
		}
		x.add(first, last, 0, ent, Key(surface), p.typ)
	}
}

// plain reports capitalised words that are none of title, demonym,
// common word or stopword: given names.
func (x *extraction) plain(ts []int) bool {
	for _, i := range ts {
		l := x.toks[i].lower
		if !x.toks[i].cap || titles[l] || demonyms[l] || generic[l] || stopwords[l] {
			return false
		}
	}
	return true
}

func (x *extraction) isName(i int) bool { return x.nameish(i) }

// pieces applies the stripping and splitting rules to a gap.
func (x *extraction) pieces(gap []int) []piece {
	toks := slices.Clone(gap)
	low := func(i int) string { return x.toks[i].lower }
	// headline-case lines: keep words also seen inside sentences
	if x.head[x.toks[toks[0]].line] {
		var kept [][]int
		cur := []int{}
		for _, i := range toks {
			if x.connector(i) || x.midCaps[low(i)] && !stopwords[low(i)] {
				cur = append(cur, i)
				continue
			}
			if len(cur) > 0 {
				kept = append(kept, cur)
			}
			cur = []int{}
		}
		if len(cur) > 0 {
			kept = append(kept, cur)
		}
		var out []piece
		for _, k := range kept {
			out = append(out, x.pieces2(k)...)
		}
		return out
	}
	return x.pieces2(toks)
}

func (x *extraction) pieces2(toks []int) []piece {
	low := func(i int) string { return x.toks[i].lower }
	toks = x.trimConnectors(toks)
	// a sentence opener that is a function word or occurs in lowercase
	for len(toks) > 0 {
		i := toks[0]
		t := x.toks[i]
		if t.allCaps && len(t.lower) > 1 {
			break
		}
		if stopwords[t.lower] || t.sentStart && !x.midCaps[t.lower] && (x.lowers[t.lower] || openerSuffix(t.lower)) {
			toks = x.trimConnectors(toks[1:])
			continue
		}
		break
	}
	var out []piece
	// titles, with their qualifiers: [qualifier...] title... name
	person := false
	for len(toks) > 0 {
		k := 0
		for k < len(toks) && !titles[low(toks[k])] {
			k++
		}
		if k == len(toks) || k > 3 {
			break // no title near the front
		}
		j := k
		isPerson := false
		for j < len(toks) && (titles[low(toks[j])] || x.connector(toks[j]) && !x.hyphenNext(toks[j]) ||
			j > k && titleObjects[low(toks[j])]) {
			isPerson = isPerson || personTitles[low(toks[j])]
			j++
		}
		if j == len(toks) && !x.allOf(toks, demonyms, generic, stopwords, titles) {
			break // a title word ends the name: Sharm el-Sheikh
		}
		// toks[:k] qualify the title: demonyms are dropped, names kept
		// ("US President Donald Trump" gives US and Donald Trump)
		if k > 0 && !x.allOf(toks[:k], demonyms, generic, stopwords) {
			out = append(out, x.finish(toks[:k], "")...)
		}
		person = person || isPerson
		toks = x.trimConnectors(toks[j:])
	}
	if len(toks) == 0 {
		return out
	}
	// split after organisation words followed by more names
	start := 0
	for n := 0; n < len(toks)-1; n++ {
		if orgHeads[low(toks[n])] && x.isName(toks[n+1]) && !x.connector(toks[n+1]) {
			out = append(out, x.finish(toks[start:n+1], "")...)
			start = n + 1
		}
	}
	typ := ""
	if person {
		typ = TypePerson
	}
	return append(out, x.finish(toks[start:], typ)...)
}

// openerSuffix reports -ing, -ed and -ly words, which open sentences
// ("Addressing Russian servicemen") far more often than they are names.
func openerSuffix(w string) bool {
	return utf8.RuneCountInString(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly"))
}

// titleObjects follow "of" after a title: Chief of Staff, Secretary of
// State.
var titleObjects = setOf("staff", "state", "general", "defence", "defense", "the")

func (x *extraction) trimConnectors(toks []int) []int {
	for len(toks) > 0 && x.connector(toks[len(toks)-1]) {
		toks = toks[:len(toks)-1]
	}
	for len(toks) > 0 && x.connector(toks[0]) && !x.hyphenNext(toks[0]) {
		toks = toks[1:]
	}
	return toks
}

func (x *extraction) allOf(toks []int, sets ...map[string]bool) bool {
	for _, i := range toks {
		if x.connector(i) {
			continue
		}
		in := false
		for _, s := range sets {
			in = in || s[x.toks[i].lower]
		}
		if !in {
			return false
		}
	}
	return true
}

// baseTails are stripped from the end of a place name: "Hmeimim Air
// Base" → Hmeimim.
var baseTails = setOf("air", "base", "airbase", "naval", "military", "airport", "city", "province", "governorate")

// placeHeads end names of states.
var placeHeads = setOf("republic", "kingdom", "emirates", "emirate", "sultanate", "federation")

// finish trims a piece, drops it if it holds no name, and sets its type.
func (x *extraction) finish(toks []int, typ string) []piece {
	toks = x.trimConnectors(toks)
	if len(toks) == 0 {
		return nil
	}
	low := func(i int) string { return x.toks[i].lower }
	first, last := low(toks[0]), low(toks[len(toks)-1])
	if len(toks) > 1 && !demonyms[first] && !x.toks[toks[0]].allCaps {
		for len(toks) > 1 && baseTails[low(toks[len(toks)-1])] {
			toks = x.trimConnectors(toks[:len(toks)-1])
		}
		last = low(toks[len(toks)-1])
	}
	headed := len(toks) > 1 && (orgHeads[last] || placeHeads[last]) && !generic[first]
	if !headed && x.allOf(toks, demonyms, generic, stopwords, titles) {
		return nil
	}
	// leading nationality adjectives: "Russian Black Sea" → Black Sea,
	// but "Syrian Arab Army" stays whole
	if !headed {
		for len(toks) > 1 && demonyms[low(toks[0])] {
			toks = x.trimConnectors(toks[1:])
		}
		if len(toks) == 0 {
			return nil
		}
		last = low(toks[len(toks)-1])
	}
	// a single acronym-length lowercase remnant or one letter is no name
	if len(toks) == 1 && utf8.RuneCountInString(x.tokText(toks[0])) < 2 {
		return nil
	}
	switch {
	case orgHeads[last] && len(toks) > 1:
		typ = TypeOrganization
	case placeHeads[last] && len(toks) > 1:
		typ = TypePlace
	}
	return []piece{{toks: toks, typ: typ}}
}
