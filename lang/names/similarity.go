package names

import (
	"slices"
	"strings"
)

// SameThreshold is the [Similarity] at and above which [Same] reports two
// spellings as one entity. It was calibrated on testdata/pairs.tsv and the
// shared evaluation sets (see eval_test.go) so that the look-alikes
// Iran/Iraq, Tartus/Tartu, Hama/Hamas, Homs/Hama and Khamenei/Khomeini
// stay below it while transliteration variants clear it.
const SameThreshold = 0.8

// CrossScriptThreshold replaces SameThreshold when one spelling is Arabic,
// Hebrew or Han and the other is not: those scripts leave vowels out or
// add them, so their true pairs score lower (calibrated like
// SameThreshold).
const CrossScriptThreshold = 0.7

// threshold is the decision threshold for two names.
func threshold(a, b nameInfo) float64 {
	if modelFor(a.script, b.script).sided {
		return CrossScriptThreshold
	}
	return SameThreshold
}

// nameInfo is a name prepared for comparison: computed once per name by
// Matcher and Group, so that comparing is only arithmetic.
type nameInfo struct {
	key     string   // Key
	words   []string // words of key
	compact string   // key without spaces
	sorted  string   // words sorted and joined without spaces
	script  Script
	ofForm  bool // "X of Y": the partial-name rule does not apply
	// alt is compact with an article fused to a word removed
	// ("Elsisi" → sisi, "Alharamain" → haramin), or "".
	alt string
}

func newNameInfo(name string) nameInfo {
	sc := ScriptOf(name)
	key := Key(name)
	in := infoFromKey(key, sc)
	if isAbjad(sc) {
		// compare the marked form (see romanize), keep the plain key
		in = infoFromKey(strings.Join(keyWords(name, true), " "), sc)
		in.key = key
	}
	low := " " + strings.ToLower(name) + " "
	in.ofForm = strings.Contains(low, " of ") || strings.Contains(low, " de ") || strings.Contains(low, " du ")
	return in
}

func infoFromKey(key string, sc Script) nameInfo {
	words := strings.Fields(key)
	compact := strings.Join(words, "")
	sorted := compact
	if len(words) > 1 {
		s := slices.Clone(words)
		slices.Sort(s)
		sorted = strings.Join(s, "")
	}
	alt, changed := "", false
	for _, w := range words {
		// a fused article: al/il + consonant, at least four letters left
		if len(w) >= 6 && (strings.HasPrefix(w, "al") || strings.HasPrefix(w, "il")) && !isVowelByte(w[2]) && w[2] != 'A' {
			w, changed = w[2:], true
		}
		alt += w
	}
	if !changed {
		alt = ""
	}
	return nameInfo{key: key, words: words, compact: compact, sorted: sorted, script: sc, alt: alt}
}

// Similarity scores how likely two spellings name the same entity, in
// [0,1]; 1 means equal keys. It is 0.8 × (1 − cost/length) + 0.2 ×
// Jaro-Winkler, taken as the best of these comparisons:
//
//   - the keys ([Key]) with spaces removed, by a weighted edit distance
//     whose costs depend on the scripts compared (see costModel): vowel
//     and h/w differences are cheap, near consonants (k/g, d/t, s/z, b/p,
//     f/v, f/p, g/h, j/g) cost 0.5, and any other edit is "hard": it costs
//     1 plus a penalty of 1.5, so one hard edit sinks a short name
//     (Iran/Iraq, Hama/Hamas, Tartus/Tartu) but not a long one; between
//     alphabets a↔u is hard too (Khamenei/Khomeini);
//   - the words sorted, for names written surname first;
//   - the words with a fused article removed ("Elsisi" as sisi);
//   - partial names: a one-word name against the last word of a longer
//     name ("Assad", "Bashar al-Assad"; "Iraq", "Republic of Iraq"),
//     0.9 × their similarity if that is near-identical (0.92; 0.85 across
//     scripts), and never when the longer name is qualified (South Sudan)
//     or an "X of Y" name other than a state's (the Levant).
//
// Two Han spellings only match with equal keys (which joins simplified
// and traditional characters). Similarity is symmetric and
// deterministic.
func Similarity(a, b string) float64 {
	return similarity(newNameInfo(a), newNameInfo(b))
}

// Same reports whether a and b are spellings of one entity:
// Similarity(a, b) >= SameThreshold, or >= CrossScriptThreshold when one
// is in Arabic, Hebrew or Han script and the other is not.
func Same(a, b string) bool {
	ia, ib := newNameInfo(a), newNameInfo(b)
	return similarity(ia, ib) >= threshold(ia, ib)
}

func similarity(a, b nameInfo) float64 {
	if a.compact == "" || b.compact == "" {
		return 0
	}
	if a.key == b.key || a.compact == b.compact {
		return 1
	}
	if a.script == Han && b.script == Han {
		return 0 // different characters are different names (keys join 叙利亚 and 敘利亞)
	}
	cm := modelFor(a.script, b.script)
	if cm.sided && !isSideA(a.script, cm) {
		a, b = b, a // the abjad or Han spelling goes first
	}
	s := stringSim(a.compact, b.compact, cm)
	if len(a.words) > 1 && len(b.words) > 1 && a.sorted != a.compact {
		s = max(s, stringSim(a.sorted, b.sorted, cm))
	}
	s = max(s, altSim(a, b, cm))
	if p := partialSim(a, b, cm); p > s {
		s = p
	}
	return s
}

// altSim compares the spellings with fused articles removed ("Elsisi").
func altSim(a, b nameInfo, cm *costModel) float64 {
	if a.alt == "" && b.alt == "" {
		return 0
	}
	x, y := a.compact, b.compact
	if a.alt != "" {
		x = a.alt
	}
	if b.alt != "" {
		y = b.alt
	}
	return stringSim(x, y, cm)
}

// partialSim compares a one-word name with the last word of a longer
// name (a surname, or "Iraq" in "Republic of Iraq"), discounted by 0.9.
func partialSim(a, b nameInfo, cm *costModel) float64 {
	short, long, longFirst := a, b, false
	if len(short.words) > len(long.words) {
		short, long, longFirst = long, short, true
	}
	if len(short.words) != 1 || len(long.words) < 2 {
		return 0
	}
	if long.ofForm && !stateWords[long.words[0]] {
		return 0 // "Levant" is not the Islamic State of Iraq and the Levant
	}
	for _, w := range long.words[:len(long.words)-1] {
		if qualifiers[w] {
			return 0 // South Sudan is not Sudan, North Korea not Korea
		}
	}
	last := long.words[len(long.words)-1]
	if len(last) < 3 || len(short.compact) < 3 {
		return 0
	}
	if skeletonOfKey(last) != skeletonOfKey(short.compact) && !cm.sided {
		return 0
	}
	if short.compact == last {
		return 0.9
	}
	var ws float64
	if longFirst {
		ws = stringSim(last, short.compact, cm)
	} else {
		ws = stringSim(short.compact, last, cm)
	}
	// the words must be near-identical: Baghdad is not al-Baghdadi
	if ws < partialWordMin(cm) {
		return 0
	}
	return 0.9 * ws
}

// qualifiers are words (as keys) that make "Q X" a different entity from
// X, so the partial-name rule must not join them.
var qualifiers = map[string]bool{
	// north south east west (-ern), new, upper, lower, central, greater,
	// little, great
	"nurt": true, "sut": true, "iast": true, "vist": true, "nurtirn": true,
	"sutirn": true, "iastirn": true, "vistirn": true, "niv": true, "upir": true,
	"luvir": true, "sintral": true, "griatir": true, "litli": true, "griat": true,
	// Arabic شمال جنوب شرق غرب
	"shmal": true, "jnub": true, "shrk": true, "grb": true,
	// Russian Северный Южный Восточный Западный (-ая), Новый (-ая)
	"sivirni": true, "iujni": true, "vustushni": true, "zapadni": true,
	"sivirnia": true, "iujnia": true, "nuvi": true, "nuvia": true,
	// French, Spanish, German
	"nurd": true, "sud": true, "nuvili": true, "nuviav": true, "nuiva": true,
	"nuivu": true, "niu": true, "ust": true,
}

// partialWordMin is the similarity a one-word name needs with the last
// word of a longer name for the partial rule.
func partialWordMin(cm *costModel) float64 {
	if cm.sided {
		return 0.85
	}
	return 0.92
}

// stateWords open the official names of countries ("Republic of Iraq"),
// whose last word is the country's short name.
var stateWords = map[string]bool{
	"ripublik": true, "kingdum": true, "stati": true, "sultanat": true,
	"imirat": true, "fidiratiun": true, "kunfidiratiun": true,
	"kumunvilt": true, "principaliti": true, "grand": true,
}

// stringSim is 0.8 × (1 − weighted distance / length) + 0.2 × Jaro-Winkler.
func stringSim(a, b string, cm *costModel) float64 {
	if a == b {
		return 1
	}
	cost, hard := weightedDistance(a, b, cm)
	n := max(len(a), len(b))
	ed := 1 - (cost+hardPenalty*float64(hard))/float64(n)
	if ed < 0 {
		ed = 0
	}
	return 0.8*ed + 0.2*jaroWinkler(a, b)
}

// hardPenalty is added for each hard edit on top of its cost of 1.
const hardPenalty = 1.5

// costModel holds the edit costs for one pair of scripts.
type costModel struct {
	name        string
	vowelIndel  float64 // deleting a, i or u from the second spelling
	vowelIndelA float64 // deleting a, i or u from the first spelling
	hIndel      float64 // deleting h or v (w), weak consonants, from the second
	hIndelA     float64 // the same from the first spelling (0: as hIndel)
	tailVowel   float64 // a vowel of the second after the first's end (0: as vowelIndel)
	vowelSub    float64 // a↔i and i↔u
	auSub       float64 // a↔u (o folds to u): hard between alphabets
	aiSub       float64 // a↔i (0: as vowelSub)
	nearSub     float64 // k/g, d/t, s/z, b/p, f/v, j/g, j/z, v/u
	liquidSub   float64 // r↔l (Chinese renders both as l)
	sided       bool    // the first spelling is the abjad or Han one
	vowelHard   bool    // vowel insertions and deletions are hard edits
}

var (
	// alphabetic: both spellings write their vowels (Latin, Cyrillic).
	// a↔u is hard so that Khamenei (hamini) and Khomeini (humini) differ.
	alphabetic = costModel{name: "alphabetic", vowelIndel: 0.9, vowelIndelA: 0.9, hIndel: 0.6, vowelSub: 0.5, auSub: 1, nearSub: 0.5, liquidSub: 1}
	// abjad: the first spelling is Arabic or Hebrew, which writes long
	// vowels only. A vowel the other spelling has and the abjad one lacks
	// is cheap (0.25); a written vowel the other lacks or spells otherwise
	// is not (1, and 0.8 for ي/و against u/i: سوريا is Syria), and a written
	// ا against o/u, or ي against a, is hard (خامنئي is Khamenei, not
	// Khomeini; حسين is Husayn, not Hasan).
	// Written h, w/v (ه ح و) are reliable too (0.8), and a vowel the other
	// spelling adds after the abjad spelling's last letter is not cheap
	// (0.8): Arabic writes a final vowel (النيجر is Niger, not Nigeria).
	abjad = costModel{name: "abjad", vowelIndel: 0.25, vowelIndelA: 1, hIndel: 0.6, hIndelA: 0.8, tailVowel: 0.8, vowelSub: 0.8, auSub: 1, aiSub: 1, nearSub: 0.5, liquidSub: 1, sided: true}
	// bothAbjad: two abjad spellings; what one writes and the other not is
	// a real difference (حسن/حسين, محمد/محمود), as between alphabets.
	bothAbjad = costModel{name: "abjad", vowelHard: true, vowelIndel: 1, vowelIndelA: 1, hIndel: 0.6, vowelSub: 0.5, auSub: 1, nearSub: 0.5, liquidSub: 1}
	// han: the first spelling is pinyin, which adds a vowel to nearly every
	// consonant ("Erdogan" 埃尔多安 ai-er-duo-an) and has no r/l contrast.
	han = costModel{name: "han", vowelIndel: 0.5, vowelIndelA: 0.25, hIndel: 0.4, vowelSub: 0.3, auSub: 0.3, nearSub: 0.4, liquidSub: 0.3, sided: true}
)

func isAbjad(s Script) bool { return s == Arabic || s == Hebrew }

func modelFor(a, b Script) *costModel {
	switch {
	case a == Han && b == Han:
		return &alphabetic
	case a == Han || b == Han:
		return &han
	case isAbjad(a) && isAbjad(b):
		return &bothAbjad
	case isAbjad(a) || isAbjad(b):
		return &abjad
	}
	return &alphabetic
}

// isSideA reports whether a spelling in script s belongs first for a
// sided cost model.
func isSideA(s Script, cm *costModel) bool {
	if cm == &han {
		return s == Han
	}
	return isAbjad(s)
}

func isVowelKey(c byte) bool { return c == 'a' || c == 'i' || c == 'u' }

// isNear reports consonants (and the glide v/u) that transliterations
// swap for one another: k/g (Qaddafi/Gaddafi), d/t, s/z, b/p, f/v, j/g
// (Egyptian g for ج), j/z, s/j, v/u, v/b (Hebrew ב), f/p
// (Hebrew פ, Isfahan/Ispahan) and g/h (Russian г for h: Тегеран).
func isNear(x, y byte) bool {
	if x > y {
		x, y = y, x
	}
	switch string([]byte{x, y}) {
	case "gk", "dt", "sz", "bp", "fv", "gj", "jz", "uv", "bv", "js", "fp", "gh":
		return true
	}
	return false
}

// subCost is the cost of replacing x by y and whether that edit is hard.
func (cm *costModel) subCost(x, y byte) (float64, bool) {
	switch {
	case x == y:
		return 0, false
	case x == 'A' || y == 'A':
		// the abjad marker (ع, hamza, an opening alef) reads as any vowel
		if isVowelKey(x) || isVowelKey(y) {
			return 0.1, false
		}
		return 1, true
	case isVowelKey(x) && isVowelKey(y):
		if x == 'a' && y == 'u' || x == 'u' && y == 'a' {
			return cm.auSub, cm.auSub >= 1
		}
		if cm.aiSub > 0 && (x == 'a' && y == 'i' || x == 'i' && y == 'a') {
			return cm.aiSub, cm.aiSub >= 1
		}
		return cm.vowelSub, false
	case x == 'r' && y == 'l' || x == 'l' && y == 'r':
		return cm.liquidSub, cm.liquidSub >= 1
	case isNear(x, y):
		return cm.nearSub, false
	}
	return 1, true
}

// indelCost is the cost of deleting x from the second spelling (or
// inserting it into the first) and whether it is hard.
func (cm *costModel) indelCost(x byte) (float64, bool) {
	switch {
	case x == 'A':
		return 0.25, false
	case isVowelKey(x):
		return cm.vowelIndel, cm.vowelHard
	case x == 'h' || x == 'v':
		return cm.hIndel, false
	}
	return 1, true
}

// indelCostA is indelCost for the first spelling.
func (cm *costModel) indelCostA(x byte) (float64, bool) {
	switch {
	case x == 'A':
		return 0.25, false
	case isVowelKey(x):
		return cm.vowelIndelA, cm.vowelHard
	case x == 'h' || x == 'v':
		if cm.hIndelA > 0 {
			return cm.hIndelA, false
		}
		return cm.hIndel, false
	}
	return 1, true
}

// tailCost is indelCost for a letter of the second spelling after the
// whole first spelling.
func (cm *costModel) tailCost(x byte) (float64, bool) {
	if cm.tailVowel > 0 && isVowelKey(x) {
		return cm.tailVowel, false
	}
	return cm.indelCost(x)
}

// weightedDistance is a Levenshtein distance with costModel costs; it
// returns the cheapest cost and the number of hard edits on that path
// (fewest hard edits among equally cheap paths).
func weightedDistance(a, b string, cm *costModel) (float64, int) {
	type cell struct {
		c float64
		h int
	}
	better := func(x, y cell) bool { return x.c < y.c-1e-9 || x.c < y.c+1e-9 && x.h < y.h }
	var buf [2 * 48]cell
	var prev, cur []cell
	if len(b)+1 <= 48 {
		prev, cur = buf[:len(b)+1], buf[48:48+len(b)+1]
	} else {
		prev, cur = make([]cell, len(b)+1), make([]cell, len(b)+1)
	}
	for j := 1; j <= len(b); j++ {
		c, h := cm.indelCost(b[j-1])
		prev[j] = cell{prev[j-1].c + c, prev[j-1].h + btoi(h)}
	}
	for i := 1; i <= len(a); i++ {
		c, h := cm.indelCostA(a[i-1])
		cur[0] = cell{prev[0].c + c, prev[0].h + btoi(h)}
		for j := 1; j <= len(b); j++ {
			sc, sh := cm.subCost(a[i-1], b[j-1])
			best := cell{prev[j-1].c + sc, prev[j-1].h + btoi(sh)}
			dc, dh := cm.indelCostA(a[i-1])
			if d := (cell{prev[j].c + dc, prev[j].h + btoi(dh)}); better(d, best) {
				best = d
			}
			ic, ih := cm.indelCost(b[j-1])
			if i == len(a) {
				ic, ih = cm.tailCost(b[j-1])
			}
			if in := (cell{cur[j-1].c + ic, cur[j-1].h + btoi(ih)}); better(in, best) {
				best = in
			}
			cur[j] = best
		}
		prev, cur = cur, prev
	}
	return prev[len(b)].c, prev[len(b)].h
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// jaroWinkler is the Jaro-Winkler similarity of two ASCII strings with the
// usual prefix scale 0.1 over at most four characters.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	win := max(la, lb)/2 - 1
	if win < 0 {
		win = 0
	}
	ma := make([]bool, la)
	mb := make([]bool, lb)
	m := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-win), min(lb-1, i+win)
		for j := lo; j <= hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i := 0; i < la; i++ {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			t++
		}
		k++
	}
	fm := float64(m)
	jaro := (fm/float64(la) + fm/float64(lb) + (fm-float64(t)/2)/fm) / 3
	p := 0
	for p < min(4, la, lb) && a[p] == b[p] {
		p++
	}
	return jaro + float64(p)*0.1*(1-jaro)
}
