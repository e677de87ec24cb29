package seeds

// This file checks the format of gazetteer.tsv, the hand-compiled list of
// names and their spellings in English, Arabic, Russian, Chinese and French.
//
// The file format:
//   - UTF-8 (NFC), LF line endings, no byte-order mark, a final newline;
//   - lines starting with "#" are comments, and the file opens with one;
//   - the first other line is the header "id type canonical en ar ru zh fr"
//     (tab-separated), then one entity per line with exactly 8 columns;
//   - id is a lowercase ASCII slug, unique in the file; type is one of
//     person, place, organization, other; canonical is non-empty and is
//     one of the spellings of the en cell;
//   - each language cell lists spellings separated by "|", most common
//     first, or is empty; a spelling is never empty and has no leading,
//     trailing or doubled spaces.
//
// The script rule (spellingScriptProblem): every letter of a spelling must
// belong to the script of its column (en and fr: Latin; ar: Arabic; ru:
// Cyrillic; zh: Han). Any column may also hold ASCII digits, spaces,
// hyphens, apostrophes and full stops, and Latin acronyms written in
// uppercase ASCII letters ("CNN", "S-400", "YPG", the "II" of
// "Абдалла II"); lowercase Latin letters outside en and fr are errors. The
// zh column also allows the middle dot "·" that joins the parts of a
// transliterated name (巴沙尔·阿萨德). In ar and ru a word may not mix
// Latin and native letters, which catches look-alike typos such as a Latin
// "o" inside a Russian word. Arabic spellings carry no harakat and no
// tatweel (U+064B–U+065F, U+0670, U+0640).
//
// A spelling, compared case-folded, belongs to one entity per language
// column, unless allowedHomographs lists it with the reason.

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

const gazetteerHeader = "id\ttype\tcanonical\ten\tar\tru\tzh\tfr"

// Column indexes of a gazetteer line.
const (
	colID = iota
	colType
	colCanonical
	colEn
	colAr
	colRu
	colZh
	colFr
	numCols
)

// minEntities is the least number of entities the gazetteer must hold.
const minEntities = 300

// langColumns maps each language column to its index and the script its
// letters must belong to.
var langColumns = []struct {
	name   string
	index  int
	script *unicode.RangeTable
}{
	{"en", colEn, unicode.Latin},
	{"ar", colAr, unicode.Arabic},
	{"ru", colRu, unicode.Cyrillic},
	{"zh", colZh, unicode.Han},
	{"fr", colFr, unicode.Latin},
}

var validTypes = map[string]bool{"person": true, "place": true, "organization": true, "other": true}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// allowedHomographs lists spellings (language column, case-folded
// spelling) that may belong to more than one entity, with the reason.
var allowedHomographs = map[[2]string]string{
	{"ru", "дума"}:     "Douma (Syrian town) and the State Duma are both Дума in Russian",
	{"zh", "杜马"}:       "Douma (Syrian town) and the State Duma are both 杜马 in Chinese",
	{"fr", "douma"}:    "Douma (Syrian town) and the State Duma are both Douma in French",
	{"ar", "عمان"}:     "Amman and Oman are both written عمان without vowel marks",
	{"ar", "الميادين"}: "the town of Mayadin and the Al Mayadeen TV channel share the name",
	{"ru", "сана"}:     "Sanaa (Сана) and the SANA agency (САНА) differ only in case",
}

// gazRecord is one data line of the gazetteer.
type gazRecord struct {
	line   int
	fields []string
}

func (r gazRecord) id() string {
	if len(r.fields) == 0 {
		return ""
	}
	return r.fields[colID]
}

// complete reports whether the record has the right number of columns;
// the per-field rules skip records that do not.
func (r gazRecord) complete() bool { return len(r.fields) == numCols }

// parseGazetteer splits the file into data records and reports problems
// with the file as a whole (encoding, line endings, header).
func parseGazetteer(data []byte) (recs []gazRecord, problems []string) {
	if !utf8.Valid(data) {
		problems = append(problems, "file is not valid UTF-8")
	}
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		problems = append(problems, "file starts with a byte-order mark")
	}
	if bytes.Contains(data, []byte("\r")) {
		problems = append(problems, "file contains CR characters; use LF line endings")
	}
	if !norm.NFC.IsNormal(data) {
		problems = append(problems, "file is not in Unicode normalisation form NFC")
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		problems = append(problems, "file does not end with a newline")
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "#") {
		problems = append(problems, "file does not start with a comment")
	}
	sawHeader := false
	for i, l := range lines {
		n := i + 1
		switch {
		case strings.HasPrefix(l, "#"):
			continue
		case l == "":
			problems = append(problems, fmt.Sprintf("line %d: empty line", n))
		case !sawHeader:
			sawHeader = true
			if l != gazetteerHeader {
				problems = append(problems, fmt.Sprintf("line %d: header: got %q, want %q", n, l, gazetteerHeader))
			}
		default:
			recs = append(recs, gazRecord{line: n, fields: strings.Split(l, "\t")})
		}
	}
	if !sawHeader {
		problems = append(problems, "no header line")
	}
	return recs, problems
}

// gazRule is one named check over all records.
type gazRule struct {
	name  string
	check func(recs []gazRecord) []string
}

var gazRules = []gazRule{
	{"columns", checkColumns},
	{"ids", checkIDs},
	{"types", checkTypes},
	{"canonical", checkCanonical},
	{"spellings", checkSpellings},
	{"scripts", checkScripts},
	{"cross-entity duplicates", checkDuplicates},
}

func checkColumns(recs []gazRecord) []string {
	var out []string
	for _, r := range recs {
		if !r.complete() {
			out = append(out, fmt.Sprintf("line %d (%s): got %d columns, want %d", r.line, r.id(), len(r.fields), numCols))
		}
	}
	return out
}

func checkIDs(recs []gazRecord) []string {
	var out []string
	first := map[string]int{}
	for _, r := range recs {
		id := r.id()
		if !slugRE.MatchString(id) {
			out = append(out, fmt.Sprintf("line %d: id %q is not a lowercase ASCII slug", r.line, id))
		}
		if prev, ok := first[id]; ok {
			out = append(out, fmt.Sprintf("line %d: id %q already used on line %d", r.line, id, prev))
			continue
		}
		first[id] = r.line
	}
	return out
}

func checkTypes(recs []gazRecord) []string {
	var out []string
	for _, r := range recs {
		if r.complete() && !validTypes[r.fields[colType]] {
			out = append(out, fmt.Sprintf("line %d (%s): type %q is not person, place, organization or other", r.line, r.id(), r.fields[colType]))
		}
	}
	return out
}

func checkCanonical(recs []gazRecord) []string {
	var out []string
	for _, r := range recs {
		if !r.complete() {
			continue
		}
		c := r.fields[colCanonical]
		switch {
		case c == "":
			out = append(out, fmt.Sprintf("line %d (%s): empty canonical", r.line, r.id()))
		case !containsString(strings.Split(r.fields[colEn], "|"), c):
			out = append(out, fmt.Sprintf("line %d (%s): canonical %q is not in the en cell %q", r.line, r.id(), c, r.fields[colEn]))
		}
	}
	return out
}

func checkSpellings(recs []gazRecord) []string {
	var out []string
	fold := cases.Fold()
	for _, r := range recs {
		if !r.complete() {
			continue
		}
		if r.fields[colEn] == "" {
			out = append(out, fmt.Sprintf("line %d (%s): empty en cell", r.line, r.id()))
		}
		for _, lc := range langColumns {
			cell := r.fields[lc.index]
			if cell == "" {
				continue
			}
			seen := map[string]bool{}
			for _, s := range strings.Split(cell, "|") {
				if p := spellingShapeProblem(s); p != "" {
					out = append(out, fmt.Sprintf("line %d (%s) %s: %q: %s", r.line, r.id(), lc.name, s, p))
					continue
				}
				k := fold.String(s)
				if seen[k] {
					out = append(out, fmt.Sprintf("line %d (%s) %s: %q listed twice", r.line, r.id(), lc.name, s))
				}
				seen[k] = true
			}
		}
	}
	return out
}

// spellingShapeProblem describes what is wrong with the blanks of one
// spelling, or returns "".
func spellingShapeProblem(s string) string {
	switch {
	case s == "":
		return "empty spelling (stray |)"
	case strings.TrimSpace(s) != s:
		return "leading or trailing space"
	case strings.Contains(s, "  "):
		return "doubled space"
	case strings.ContainsAny(s, "\t\n\r"):
		return "control character"
	}
	return ""
}

func checkScripts(recs []gazRecord) []string {
	var out []string
	for _, r := range recs {
		if !r.complete() {
			continue
		}
		for _, lc := range langColumns {
			if r.fields[lc.index] == "" {
				continue
			}
			for _, s := range strings.Split(r.fields[lc.index], "|") {
				if p := spellingScriptProblem(lc.name, s); p != "" {
					out = append(out, fmt.Sprintf("line %d (%s) %s: %q: %s", r.line, r.id(), lc.name, s, p))
				}
			}
		}
	}
	return out
}

// spellingScriptProblem applies the script rule described at the top of
// this file to one spelling of the named column, and returns "" when the
// spelling follows it.
func spellingScriptProblem(column, s string) string {
	var script *unicode.RangeTable
	for _, lc := range langColumns {
		if lc.name == column {
			script = lc.script
		}
	}
	if script == nil {
		return "unknown column " + column
	}
	latinColumn := script == unicode.Latin
	letters := 0
	for _, word := range strings.Fields(s) {
		native, latin := false, false
		for _, c := range word {
			switch {
			case c >= 0x064B && c <= 0x065F, c == 0x0670:
				return fmt.Sprintf("Arabic harakat %U", c)
			case c == 0x0640:
				return "Arabic tatweel U+0640"
			case unicode.Is(script, c) && unicode.IsLetter(c):
				native = true
				letters++
			case !latinColumn && c >= 'A' && c <= 'Z':
				latin = true
				letters++
			case !latinColumn && unicode.Is(unicode.Latin, c):
				return fmt.Sprintf("Latin letter %q outside an uppercase acronym", c)
			case c >= '0' && c <= '9', c == '-', c == '\'', c == '.':
			case column == "zh" && c == '·':
			default:
				return fmt.Sprintf("character %q (%U) not allowed in the %s column", c, c, column)
			}
		}
		if native && latin && column != "zh" {
			return fmt.Sprintf("word %q mixes Latin and native letters", word)
		}
	}
	if letters == 0 {
		return "no letters"
	}
	return ""
}

func checkDuplicates(recs []gazRecord) []string {
	var out []string
	fold := cases.Fold()
	type owner struct {
		id   string
		line int
	}
	owners := map[[2]string][]owner{}
	for _, r := range recs {
		if !r.complete() {
			continue
		}
		for _, lc := range langColumns {
			if r.fields[lc.index] == "" {
				continue
			}
			done := map[string]bool{}
			for _, s := range strings.Split(r.fields[lc.index], "|") {
				k := fold.String(s)
				if done[k] {
					continue // reported by checkSpellings
				}
				done[k] = true
				key := [2]string{lc.name, k}
				owners[key] = append(owners[key], owner{r.id(), r.line})
			}
		}
	}
	for key, list := range owners {
		if len(list) < 2 {
			continue
		}
		if _, ok := allowedHomographs[key]; ok {
			continue
		}
		var ids []string
		for _, o := range list {
			ids = append(ids, fmt.Sprintf("%s (line %d)", o.id, o.line))
		}
		out = append(out, fmt.Sprintf("%s spelling %q belongs to several entities: %s", key[0], key[1], strings.Join(ids, ", ")))
	}
	for key, reason := range allowedHomographs {
		if len(owners[key]) < 2 {
			out = append(out, fmt.Sprintf("allowedHomographs entry %q %q (%s) is not used by two entities; remove it", key[0], key[1], reason))
		}
	}
	sort.Strings(out) // map order is random; keep reports stable
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func readGazetteer(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("gazetteer.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestGazetteerFormat(t *testing.T) {
	recs, problems := parseGazetteer(readGazetteer(t))
	t.Run("file", func(t *testing.T) {
		for _, p := range problems {
			t.Error(p)
		}
	})
	for _, rule := range gazRules {
		t.Run(rule.name, func(t *testing.T) {
			for _, p := range rule.check(recs) {
				t.Error(p)
			}
		})
	}
	t.Run("size", func(t *testing.T) {
		t.Logf("%d entities", len(recs))
		if len(recs) < minEntities {
			t.Errorf("got %d entities, want at least %d", len(recs), minEntities)
		}
	})
}

// TestGazetteerRequiredSpellings checks that spellings seen in the seed
// articles and other common variants are present, under the right entity
// and column.
func TestGazetteerRequiredSpellings(t *testing.T) {
	recs, _ := parseGazetteer(readGazetteer(t))
	byID := map[string]gazRecord{}
	for _, r := range recs {
		if r.complete() {
			byID[r.id()] = r
		}
	}
	colIndex := map[string]int{}
	for _, lc := range langColumns {
		colIndex[lc.name] = lc.index
	}
	tests := []struct {
		id, col, spelling string
	}{
		{"hmeimim", "en", "Hmeimim"},
		{"hmeimim", "en", "Hmeymim"},
		{"hmeimim", "en", "Khmeimim"},
		{"hmeimim", "ru", "Хмеймим"},
		{"hmeimim", "ar", "حميميم"},
		{"hmeimim", "zh", "赫梅米姆"},
		{"isis", "en", "Daesh"},
		{"isis", "en", "ISIS"},
		{"isis", "en", "ISIL"},
		{"isis", "en", "Islamic State group"},
		{"isis", "ar", "داعش"},
		{"isis", "zh", "伊斯兰国"},
		{"isis", "fr", "Daech"},
		{"hezbollah", "en", "Hezbollah"},
		{"hezbollah", "en", "Hizballah"},
		{"hezbollah", "ar", "حزب الله"},
		{"hezbollah", "zh", "真主党"},
		{"sergei-shoigu", "en", "Shoigu"},
		{"sergei-shoigu", "en", "Shoygu"},
		{"sergei-shoigu", "en", "Sergey Shoygu"},
		{"sergei-shoigu", "ru", "Шойгу"},
		{"sergei-shoigu", "ar", "شويغو"},
		{"sergei-shoigu", "zh", "绍伊古"},
		{"sergei-shoigu", "fr", "Choïgou"},
		{"vladimir-putin", "zh", "普京"},
		{"vladimir-putin", "fr", "Poutine"},
		{"vladimir-putin", "ru", "Путин"},
		{"bashar-al-assad", "en", "al-Assad"},
		{"bashar-al-assad", "zh", "阿萨德"},
		{"bashar-al-assad", "fr", "Bachar al-Assad"},
		{"aleppo", "en", "Aleppo"},
		{"aleppo", "en", "Halab"},
		{"aleppo", "ar", "حلب"},
		{"aleppo", "fr", "Alep"},
		{"tartus", "en", "Tartus"},
		{"tartus", "ru", "Тартус"},
		{"tartus", "fr", "Tartous"},
		{"latakia", "en", "Latakia"},
		{"latakia", "ar", "اللاذقية"},
		{"latakia", "fr", "Lattaquié"},
		{"palmyra", "en", "Tadmur"},
		{"palmyra", "fr", "Palmyre"},
		{"deir-ez-zor", "en", "Deir al-Zour"},
		{"deir-ez-zor", "ru", "Дейр-эз-Зор"},
		{"recep-tayyip-erdogan", "en", "Erdogan"},
		{"recep-tayyip-erdogan", "zh", "埃尔多安"},
		{"abdel-fattah-el-sisi", "en", "el-Sisi"},
		{"abdel-fattah-el-sisi", "fr", "Sissi"},
		{"al-nusra-front", "ar", "جبهة النصرة"},
		{"hayat-tahrir-al-sham", "ar", "هيئة تحرير الشام"},
		{"syria", "en", "Syrian Arab Republic"},
		{"ria-novosti", "en", "Novosti"},
		{"s-400", "en", "S-400"},
		{"tartu", "en", "Tartu"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s/%+q", tt.id, tt.col, tt.spelling), func(t *testing.T) {
			r, ok := byID[tt.id]
			if !ok {
				t.Fatalf("no entity %q", tt.id)
			}
			cell := r.fields[colIndex[tt.col]]
			if !containsString(strings.Split(cell, "|"), tt.spelling) {
				t.Errorf("%s %s: got %q, want it to list %q", tt.id, tt.col, cell, tt.spelling)
			}
		})
	}
}

// TestGazetteerRulesCatchProblems feeds the checks small broken files, so
// that a check that never fires cannot pass unnoticed.
func TestGazetteerRulesCatchProblems(t *testing.T) {
	const head = "# test\n" + gazetteerHeader + "\n"
	const good = "hmeimim\tplace\tHmeimim\tHmeimim|Khmeimim\tحميميم\tХмеймим\t赫梅米姆\tHmeimim\n"
	tests := []struct {
		name string
		data string
		want string // substring of one reported problem; "" means no problem
	}{
		{"valid", head + good, ""},
		{"no leading comment", gazetteerHeader + "\n" + good, "does not start with a comment"},
		{"bad header", "# test\nid\ttype\tcanonical\ten\n" + good, "header"},
		{"CRLF", strings.ReplaceAll(head+good, "\n", "\r\n"), "CR characters"},
		{"no final newline", head + strings.TrimSuffix(good, "\n"), "end with a newline"},
		{"seven columns", head + "x\tplace\tX\tX\t\t\t\n", "got 7 columns"},
		{"uppercase id", head + strings.Replace(good, "hmeimim\t", "Hmeimim\t", 1), "slug"},
		{"duplicate id", head + good + good, "already used"},
		{"bad type", head + strings.Replace(good, "\tplace\t", "\tcity\t", 1), "type"},
		{"canonical not in en", head + strings.Replace(good, "\tHmeimim\tHmeimim|", "\tHmeymim\tHmeimim|", 1), "not in the en cell"},
		{"empty spelling", head + strings.Replace(good, "Hmeimim|Khmeimim", "Hmeimim||Khmeimim", 1), "empty spelling"},
		{"trailing space", head + strings.Replace(good, "Khmeimim", "Khmeimim ", 1), "trailing space"},
		{"twice in a cell", head + strings.Replace(good, "Hmeimim|Khmeimim", "Hmeimim|hmeimim", 1), "listed twice"},
		{"Latin in ar", head + strings.Replace(good, "حميميم", "Hmeimim", 1), "Latin letter"},
		{"Cyrillic in en", head + strings.Replace(good, "Hmeimim|Khmeimim", "Hmeimim|Хмеймим", 1), "not allowed in the en column"},
		{"mixed word in ru", head + strings.Replace(good, "Хмеймим", "Хмеймиm", 1), "Latin letter"},
		{"acronym mixed into ru word", head + strings.Replace(good, "Хмеймим", "ХмеймиM", 1), "mixes Latin"},
		{"harakat", head + strings.Replace(good, "حميميم", "حُمَيْمِيم", 1), "harakat"},
		{"shared spelling", head + good + "khmeimim\tplace\tKhmeimim\tKhmeimim\t\t\t\t\n", "several entities"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, problems := parseGazetteer([]byte(tt.data))
			for _, rule := range gazRules {
				for _, p := range rule.check(recs) {
					if !strings.HasPrefix(p, "allowedHomographs entry") {
						problems = append(problems, p)
					}
				}
			}
			if tt.want == "" {
				if len(problems) > 0 {
					t.Errorf("got problems %q, want none", problems)
				}
				return
			}
			for _, p := range problems {
				if strings.Contains(p, tt.want) {
					return
				}
			}
			t.Errorf("got problems %q, want one containing %q", problems, tt.want)
		})
	}
}

// TestSpellingScript pins the script rule on single spellings.
func TestSpellingScript(t *testing.T) {
	tests := []struct {
		column, spelling string
		ok               bool
	}{
		{"en", "Deir ez-Zor", true},
		{"en", "St. Petersburg", true},
		{"en", "Kurdistan Workers' Party", true},
		{"fr", "Choïgou", true},
		{"fr", "Mevlüt Çavuşoğlu", true},
		{"en", "Путин", false},
		{"en", "Kurdistan Workers’ Party", false},
		{"ar", "حزب الله", true},
		{"ar", "إس-400", true},
		{"ar", "CNN", true},
		{"ar", "Putin", false},
		{"ar", "بُوتِين", false},
		{"ar", "بوتـين", false},
		{"ru", "Дейр-эз-Зор", true},
		{"ru", "С-400", true},
		{"ru", "король Абдалла II", true},
		{"ru", "Amnesty International", false},
		{"ru", "Путин", true},
		{"ru", "Пyтин", false},
		{"zh", "巴沙尔·阿萨德", true},
		{"zh", "S-400防空导弹系统", true},
		{"zh", "苏-24", true},
		{"zh", "Putin", false},
		{"zh", "ヤマ", false},
		{"en", "400", false},
		{"en", "Hmeimim, Syria", false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%+q", tt.column, tt.spelling), func(t *testing.T) {
			p := spellingScriptProblem(tt.column, tt.spelling)
			if got := p == ""; got != tt.ok {
				t.Errorf("spellingScriptProblem(%q, %q) = %q: got ok=%v, want %v", tt.column, tt.spelling, p, got, tt.ok)
			}
		})
	}
}
