package names

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"interlinear/internal/evaldata"
)

// Quality measurements on the shared evaluation data (see
// internal/evaldata). Each test samples same-entity and different-entity
// name pairs deterministically (fixed seeds), scores Same (and Group on
// OFAC), logs pairwise precision and recall, and fails under floors set
// from the measured figures minus a small margin. Run with
//
//	go test -run 'TestEval' -v ./lang/names/
//
// The negatives are half random and half "hard" (the most similar of 25
// random names of other entities), and as many as the positives, so
// precision is measured on a balanced sample, not the natural ratio.

// evalItem is one name of a labelled entity.
type evalItem struct {
	entity string
	name   string
}

// pairScore counts pairwise decisions.
type pairScore struct {
	tp, fp, fn, tn int
}

func (s pairScore) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s pairScore) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

func (s *pairScore) add(same, predicted bool) {
	switch {
	case same && predicted:
		s.tp++
	case same:
		s.fn++
	case predicted:
		s.fp++
	default:
		s.tn++
	}
}

// samplePairs draws up to n same-entity pairs and n different-entity
// pairs from items, deterministically. Half the different-entity pairs are
// random; the other half are hard: for a random name, the most similar
// (Jaro-Winkler on Romanize, not on Key) of 25 random names of other
// entities. sideA/sideB, when non-nil, restrict the first and second
// element of every pair (for cross-script sets).
func samplePairs(items []evalItem, n int, seed uint64, sideA, sideB func(evalItem) bool) (pos, neg [][2]evalItem) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	if sideA == nil {
		sideA = func(evalItem) bool { return true }
	}
	if sideB == nil {
		sideB = sideA
	}
	byEnt := map[string][]int{}
	var order []string
	var as, bs []int
	for i, it := range items {
		if _, ok := byEnt[it.entity]; !ok {
			order = append(order, it.entity)
		}
		byEnt[it.entity] = append(byEnt[it.entity], i)
		if sideA(it) {
			as = append(as, i)
		}
		if sideB(it) {
			bs = append(bs, i)
		}
	}
	// all same-entity pairs, then a shuffled prefix
	var all [][2]int
	for _, e := range order {
		ix := byEnt[e]
		for _, i := range ix {
			for _, j := range ix {
				if i == j || !sideA(items[i]) || !sideB(items[j]) {
					continue
				}
				if i > j && sideA(items[j]) && sideB(items[i]) {
					continue // symmetric duplicate
				}
				if strings.EqualFold(items[i].name, items[j].name) {
					continue
				}
				all = append(all, [2]int{i, j})
			}
		}
	}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	if len(all) > n {
		all = all[:n]
	}
	for _, p := range all {
		pos = append(pos, [2]evalItem{items[p[0]], items[p[1]]})
	}
	if len(as) == 0 || len(bs) == 0 {
		return pos, nil
	}
	romans := map[int]string{}
	roman := func(i int) string {
		if s, ok := romans[i]; ok {
			return s
		}
		s := Romanize(items[i].name)
		romans[i] = s
		return s
	}
	for k := 0; len(neg) < len(pos) && k < 4*len(pos)+100; k++ {
		a := as[r.IntN(len(as))]
		var b int
		if k%2 == 0 {
			b = bs[r.IntN(len(bs))]
		} else {
			best := -1.0
			b = -1
			for range 25 {
				c := bs[r.IntN(len(bs))]
				if items[c].entity == items[a].entity {
					continue
				}
				if s := jaroWinkler(roman(a), roman(c)); s > best {
					best, b = s, c
				}
			}
			if b < 0 {
				continue
			}
		}
		if items[a].entity == items[b].entity {
			continue
		}
		neg = append(neg, [2]evalItem{items[a], items[b]})
	}
	return pos, neg
}

// scoreSame scores Same on sampled pairs.
func scoreSame(pos, neg [][2]evalItem) pairScore {
	var s pairScore
	for _, p := range pos {
		s.add(true, Same(p[0].name, p[1].name))
	}
	for _, p := range neg {
		s.add(false, Same(p[0].name, p[1].name))
	}
	return s
}

// scoreGroup runs Matcher.Group (without a gazetteer) on batches of
// entities and scores all pairs within each batch.
func scoreGroup(items []evalItem, entitiesPerBatch, batches int, seed uint64, keep func(evalItem) bool) pairScore {
	r := rand.New(rand.NewPCG(seed, seed+1))
	byEnt := map[string][]evalItem{}
	var ents []string
	for _, it := range items {
		if keep != nil && !keep(it) {
			continue
		}
		if _, ok := byEnt[it.entity]; !ok {
			ents = append(ents, it.entity)
		}
		byEnt[it.entity] = append(byEnt[it.entity], it)
	}
	m := NewMatcher(nil)
	var s pairScore
	for range batches {
		var batch []evalItem
		for range entitiesPerBatch {
			batch = append(batch, byEnt[ents[r.IntN(len(ents))]]...)
		}
		names := make([]string, len(batch))
		for i, it := range batch {
			names[i] = it.name
		}
		cluster := make([]int, len(batch))
		for g, gr := range m.Group(names) {
			for _, i := range gr.Members {
				cluster[i] = g
			}
		}
		for i := range batch {
			for j := i + 1; j < len(batch); j++ {
				if batch[i].name == batch[j].name {
					continue
				}
				s.add(batch[i].entity == batch[j].entity, cluster[i] == cluster[j])
			}
		}
	}
	return s
}

// readTSV reads a TSV file with a header into maps.
func readTSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", filepath.Base(path), err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var header []string
	var rows []map[string]string
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if header == nil {
			header = cols
			continue
		}
		row := map[string]string{}
		for i, h := range header {
			if i < len(cols) {
				row[h] = cols[i]
			}
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// checkScore logs a figure and fails under its floor.
func checkScore(t *testing.T, name string, s pairScore, minP, minR float64) {
	t.Helper()
	t.Logf("%s: precision %.3f recall %.3f (tp %d fp %d fn %d tn %d)", name, s.precision(), s.recall(), s.tp, s.fp, s.fn, s.tn)
	if s.precision() < minP {
		t.Errorf("%s: precision got %.3f, want >= %.3f", name, s.precision(), minP)
	}
	if s.recall() < minR {
		t.Errorf("%s: recall got %.3f, want >= %.3f", name, s.recall(), minR)
	}
}

// reorderSDN turns OFAC's "SURNAME, Given" into "Given SURNAME".
func reorderSDN(name string) string {
	sur, given, ok := strings.Cut(name, ", ")
	if !ok || strings.Contains(given, ",") {
		return name
	}
	return strings.TrimSpace(given) + " " + strings.TrimSpace(sur)
}

func TestEvalOFAC(t *testing.T) {
	dir := evaldata.Dir(t, "names")
	var items []evalItem
	for _, row := range readTSV(t, filepath.Join(dir, "ofac_sdn_aliases_me_ru.tsv")) {
		name := row["name"]
		if row["entity_type"] == "PER" {
			name = reorderSDN(name)
		}
		items = append(items, evalItem{entity: row["entity_id"], name: name})
	}
	pos, neg := samplePairs(items, 3000, 1, nil, nil)
	// Most OFAC aliases are other names altogether (ZAYDAN, Muhammad for
	// ABBAS, Abu), out of reach of transliteration: recall is low by
	// nature; precision is what matters.
	checkScore(t, "ofac Same", scoreSame(pos, neg), 0.98, 0.14)
	checkScore(t, "ofac Group", scoreGroup(items, 25, 20, 2, nil), 0.98, 0.08)
}

func TestEvalCountries(t *testing.T) {
	dir := evaldata.Dir(t, "names")
	var items []evalItem
	for _, row := range readTSV(t, filepath.Join(dir, "mledoze_countries_names.tsv")) {
		if row["name_type"] == "altSpelling" && len([]rune(row["name"])) <= 3 {
			continue // ISO codes
		}
		items = append(items, evalItem{entity: row["entity_id"] + "\t" + row["script"] + "\t" + row["lang_iso639_3"], name: row["name"]})
	}
	ent := func(it evalItem) string { return strings.SplitN(it.entity, "\t", 2)[0] }
	lang := func(it evalItem) string { return strings.SplitN(it.entity, "\t", 3)[2] }
	script := func(it evalItem) string { return strings.SplitN(it.entity, "\t", 3)[1] }
	latinLangs := map[string]bool{"eng": true, "fra": true, "deu": true, "spa": true, "ita": true, "por": true, "nld": true, "tur": true, "und": true}
	var latin []evalItem
	for _, it := range items {
		if script(it) == "Latn" && latinLangs[lang(it)] {
			latin = append(latin, evalItem{entity: ent(it), name: it.name})
		}
	}
	pos, neg := samplePairs(latin, 3000, 3, nil, nil)
	// Country names across languages are mostly translations (Germany,
	// Allemagne, Deutschland), not transliterations: low recall expected.
	checkScore(t, "countries latin Same", scoreSame(pos, neg), 0.98, 0.27)
	for _, target := range []string{"ara", "rus", "zho"} {
		var set []evalItem
		for _, it := range items {
			if lang(it) == "eng" || lang(it) == target {
				set = append(set, evalItem{entity: ent(it) + "|" + lang(it), name: it.name})
			}
		}
		isEng := func(it evalItem) bool { return strings.HasSuffix(it.entity, "|eng") }
		isT := func(it evalItem) bool { return strings.HasSuffix(it.entity, "|"+target) }
		// relabel to the country for the pairing
		var rel []evalItem
		for _, it := range set {
			rel = append(rel, evalItem{entity: strings.SplitN(it.entity, "|", 2)[0], name: it.name + "\x00" + strings.SplitN(it.entity, "|", 2)[1]})
		}
		splitName := func(it evalItem) evalItem {
			n, _, _ := strings.Cut(it.name, "\x00")
			return evalItem{entity: it.entity, name: n}
		}
		pos, neg := samplePairs(rel, 2000, 4, func(it evalItem) bool { return isEng(evalItem{entity: "|" + strings.SplitN(it.name, "\x00", 2)[1]}) },
			func(it evalItem) bool { return isT(evalItem{entity: "|" + strings.SplitN(it.name, "\x00", 2)[1]}) })
		for i := range pos {
			pos[i] = [2]evalItem{splitName(pos[i][0]), splitName(pos[i][1])}
		}
		for i := range neg {
			neg[i] = [2]evalItem{splitName(neg[i][0]), splitName(neg[i][1])}
		}
		floors := map[string][2]float64{"ara": {0.97, 0.37}, "rus": {0.98, 0.39}, "zho": {0.97, 0.16}}[target]
		checkScore(t, "countries eng-"+target+" Same", scoreSame(pos, neg), floors[0], floors[1])
	}
}

func TestEvalArabicEnglish(t *testing.T) {
	dir := evaldata.Dir(t, "names")
	var items []evalItem
	for _, row := range readTSV(t, filepath.Join(dir, "google_ar2en_names_train_dev.tsv")) {
		id := strings.ToLower(row["english"])
		items = append(items, evalItem{entity: id, name: row["arabic"]}, evalItem{entity: id, name: row["english"]})
	}
	isAr := func(it evalItem) bool { return ScriptOf(it.name) == Arabic }
	isEn := func(it evalItem) bool { return ScriptOf(it.name) == Latin }
	pos, neg := samplePairs(items, 3000, 5, isAr, isEn)
	checkScore(t, "ar2en Same", scoreSame(pos, neg), 0.98, 0.88)
}

func TestEvalNETransliteration(t *testing.T) {
	dir := evaldata.Dir(t, "names")
	byLang := map[string][]evalItem{}
	for _, row := range readTSV(t, filepath.Join(dir, "netransliteration_tokens_dev.tsv")) {
		id := row["latin_token"]
		l := row["target_lang"]
		byLang[l] = append(byLang[l], evalItem{entity: id, name: row["latin_token"]}, evalItem{entity: id, name: row["target_token"]})
	}
	for _, l := range []string{"ru", "ar", "he", "zh"} {
		isLat := func(it evalItem) bool { return ScriptOf(it.name) == Latin }
		isT := func(it evalItem) bool { return ScriptOf(it.name) != Latin }
		pos, neg := samplePairs(byLang[l], 2000, 6, isLat, isT)
		floors := map[string][2]float64{"ru": {0.98, 0.75}, "ar": {0.98, 0.84}, "he": {0.98, 0.79}, "zh": {0.96, 0.55}}[l]
		checkScore(t, "netrans "+l+" Same", scoreSame(pos, neg), floors[0], floors[1])
	}
}
