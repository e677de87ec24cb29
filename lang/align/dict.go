package align

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultDictdDir is where Debian's dict-freedict-* and mueller7-dict
// packages install their dictd databases.
const DefaultDictdDir = "/usr/share/dictd"

// DefaultUnicodeDir is where Debian's unicode-data package installs the
// Unihan database (Unihan_Readings.txt.bz2, Unihan_Variants.txt.bz2).
const DefaultUnicodeDir = "/usr/share/unicode"

// ErrDictd reports a malformed dictd index.
var ErrDictd = errors.New("align: malformed dictd index")

// DictdEntry is one headword of a dictd database with its raw definition
// text.
type DictdEntry struct {
	Headword   string
	Definition string
}

// ParseDictd reads a dictd database: index lines are "headword TAB offset
// TAB length" with offset and length in dictd's base64 digits, pointing
// into the (uncompressed) data. data may be plain or gzip/dictzip
// compressed (dictzip files are gzip files with a random-access table in
// the header, which a plain gzip reader ignores). The database's own
// "00-database-*" / "00database*" entries are skipped.
func ParseDictd(index, data io.Reader) ([]DictdEntry, error) {
	br := bufio.NewReader(data)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("align: dictd data: %w", err)
		}
		defer zr.Close()
		data = zr
	} else {
		data = br
	}
	body, err := io.ReadAll(data)
	if err != nil {
		return nil, fmt.Errorf("align: dictd data: %w", err)
	}
	var out []DictdEntry
	sc := bufio.NewScanner(index)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 3 {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			return nil, fmt.Errorf("%w: %q", ErrDictd, sc.Text())
		}
		if strings.HasPrefix(f[0], "00database") || strings.HasPrefix(f[0], "00-database") {
			continue
		}
		off, err1 := dictdNumber(f[1])
		n, err2 := dictdNumber(f[2])
		if err1 != nil || err2 != nil || off < 0 || n < 0 || off+n > int64(len(body)) {
			return nil, fmt.Errorf("%w: %q", ErrDictd, sc.Text())
		}
		def := string(body[off : off+n])
		if !utf8.ValidString(def) {
			def = strings.ToValidUTF8(def, "")
		}
		out = append(out, DictdEntry{Headword: f[0], Definition: def})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("align: dictd index: %w", err)
	}
	return out, nil
}

// dictdNumber decodes dictd's base64 numbers (most significant digit
// first, alphabet A–Z a–z 0–9 + /).
func dictdNumber(s string) (int64, error) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	if s == "" || len(s) > 10 {
		return 0, fmt.Errorf("bad number %q", s)
	}
	var v int64
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(alphabet, s[i])
		if d < 0 {
			return 0, fmt.Errorf("bad number %q", s)
		}
		v = v*64 + int64(d)
	}
	return v, nil
}

// Dictionary maps the words of one language to English glosses (words or
// short phrases), in the dictionary's order of preference.
type Dictionary struct {
	Lang    string
	Entries map[string][]string
}

func (d *Dictionary) add(word, gloss string) {
	word = strings.TrimSpace(word)
	gloss = strings.TrimSpace(gloss)
	if word == "" || gloss == "" {
		return
	}
	for _, g := range d.Entries[word] {
		if g == gloss {
			return
		}
	}
	d.Entries[word] = append(d.Entries[word], gloss)
}

// rankedDict collects reversed translations with a rank (lower is better:
// the position of the translation within its entry) and orders each word's
// glosses by it, so the primary sense comes first.
type rankedDict map[string]map[string]int

func (rd rankedDict) add(word, gloss string, rank int) {
	word, gloss = strings.TrimSpace(word), strings.TrimSpace(gloss)
	if word == "" || gloss == "" {
		return
	}
	m := rd[word]
	if m == nil {
		m = map[string]int{}
		rd[word] = m
	}
	if r, ok := m[gloss]; !ok || rank < r {
		m[gloss] = rank
	}
}

func (rd rankedDict) dictionary(lang string) *Dictionary {
	d := &Dictionary{Lang: lang, Entries: make(map[string][]string, len(rd))}
	for w, m := range rd {
		gs := make([]string, 0, len(m))
		for g := range m {
			gs = append(gs, g)
		}
		sort.Slice(gs, func(i, j int) bool {
			if m[gs[i]] != m[gs[j]] {
				return m[gs[i]] < m[gs[j]]
			}
			return gs[i] < gs[j]
		})
		d.Entries[w] = gs
	}
	return d
}

// FreeDictToEnglish turns the entries of a FreeDict database into a
// Dictionary from lang to English. A FreeDict definition starts with the
// headword line ("word /ipa/ <pos>") followed by translations, one per line
// or numbered ("1. …"), several on a line separated by commas or
// semicolons. fromEnglish says the database is eng-xxx (English headwords),
// in which case it is reversed: every translation maps back to the English
// headword.
func FreeDictToEnglish(lang string, entries []DictdEntry, fromEnglish bool) *Dictionary {
	d := &Dictionary{Lang: baseLang(lang), Entries: map[string][]string{}}
	rd := rankedDict{}
	for _, e := range entries {
		rank := 0
		lines := strings.Split(e.Definition, "\n")
		for i, line := range lines {
			if i == 0 {
				continue // headword /ipa/ <pos>
			}
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			// Drop numbering and bracketed notes.
			if j := strings.Index(line, ". "); j > 0 && j <= 3 && isAllDigits(line[:j]) {
				line = line[j+2:]
			}
			line = stripBrackets(line)
			for _, t := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' }) {
				t = strings.TrimSpace(t)
				if t == "" || strings.Count(t, " ") > 3 {
					continue
				}
				if fromEnglish {
					rd.add(strings.ToLower(t), strings.ToLower(e.Headword), rank)
				} else {
					d.add(strings.ToLower(e.Headword), strings.ToLower(t))
				}
				rank++
			}
		}
	}
	if fromEnglish {
		return rd.dictionary(d.Lang)
	}
	return d
}

// MuellerToEnglish reverses V. K. Mueller's English–Russian dictionary
// (Debian package mueller7-dict) into a Russian → English Dictionary. In
// its definitions, numbered senses ("1) отдёргивать; to withdraw one's hand
// отдёрнуть руку") give Russian translations separated by commas and
// semicolons, mixed with English examples and their translations: only the
// segments with no Latin letter are kept, and of them only phrases of at
// most two words, whose every word maps to the headword. Grammar marks
// (_n., _pl.), transcriptions [..] and notes (..) are removed first.
func MuellerToEnglish(entries []DictdEntry) *Dictionary {
	rd := rankedDict{}
	for _, e := range entries {
		rank := 0
		head := strings.ToLower(strings.TrimSpace(e.Headword))
		if head == "" || strings.ContainsAny(head, "0123456789") || strings.Count(head, " ") > 1 {
			continue
		}
		def := e.Definition
		// The first line repeats the headword.
		if i := strings.IndexByte(def, '\n'); i >= 0 {
			def = def[i+1:]
		}
		def = stripBrackets(def)
		def = strings.ReplaceAll(def, "\n", " ")
		for _, seg := range strings.FieldsFunc(def, func(r rune) bool { return r == ';' || r == ',' }) {
			seg = dropMarks(seg)
			seg = strings.TrimSpace(seg)
			if seg == "" || hasLatin(seg) {
				continue
			}
			words := strings.Fields(seg)
			if len(words) == 0 || len(words) > 2 {
				continue
			}
			for _, w := range words {
				w = strings.Trim(w, ".!?:«»\"'—–-")
				if w == "" || !isCyrillicWord(w) {
					continue
				}
				rd.add(strings.ToLower(w), head, rank)
			}
			rank++
		}
	}
	return rd.dictionary("ru")
}

// dropMarks removes Mueller's sense numbers ("1.", "2)") and grammar
// labels (_n., _pl., _разг.) from a segment.
func dropMarks(s string) string {
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		if strings.HasPrefix(w, "_") {
			continue
		}
		t := strings.TrimRight(w, ".)")
		if t != w && isAllDigits(t) {
			continue
		}
		if isAllDigits(t) {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func hasLatin(s string) bool {
	for _, r := range s {
		if r < 0x250 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isCyrillicWord(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Cyrillic, r) && r != '-' {
			return false
		}
	}
	return true
}

// stripBrackets removes text in (), [], {} and <> (phonetics, grammar
// notes, usage labels).
func stripBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[', '{', '<':
			depth++
			continue
		case ')', ']', '}', '>':
			if depth > 0 {
				depth--
			}
			continue
		case '/':
			// FreeDict puts IPA between slashes on headword lines only; a
			// lone slash elsewhere separates alternatives.
			if depth == 0 {
				b.WriteRune(',')
				continue
			}
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ParseUnihan reads the Unicode Han database (Unihan_Readings.txt and,
// optionally, Unihan_Variants.txt; either may be bzip2-compressed as
// Debian ships them) into a Chinese Dictionary from single characters to
// the English glosses of their kDefinition field, the kHanyuPinlu
// frequency of each character (a count in a modern Chinese corpus, used as
// its background weight) and the traditional → simplified character map
// (kSimplifiedVariant).
func ParseUnihan(readings, variants io.Reader) (*Dictionary, map[rune]float64, map[rune]rune, error) {
	d := &Dictionary{Lang: "zh", Entries: map[string][]string{}}
	freq := map[rune]float64{}
	simp := map[rune]rune{}
	err := scanUnihan(readings, func(r rune, field, value string) {
		switch field {
		case "kDefinition":
			for _, g := range strings.FieldsFunc(stripBrackets(value), func(c rune) bool { return c == ';' || c == ',' }) {
				g = strings.TrimSpace(strings.ToLower(g))
				if g != "" && strings.Count(g, " ") <= 2 {
					d.add(string(r), g)
				}
			}
		case "kHanyuPinlu":
			// yī(32747) or several readings: chè(82) chē(5)
			for _, part := range strings.Fields(value) {
				i, j := strings.IndexByte(part, '('), strings.IndexByte(part, ')')
				if i > 0 && j > i {
					if n, err := strconv.Atoi(part[i+1 : j]); err == nil {
						freq[r] += float64(n)
					}
				}
			}
		}
	})
	if err != nil {
		return nil, nil, nil, err
	}
	if variants != nil {
		err = scanUnihan(variants, func(r rune, field, value string) {
			if field != "kSimplifiedVariant" {
				return
			}
			f := strings.Fields(value)
			if len(f) == 0 {
				return
			}
			if s, ok := parseCodePoint(f[0]); ok && s != r {
				simp[r] = s
			}
		})
		if err != nil {
			return nil, nil, nil, err
		}
	}
	return d, freq, simp, nil
}

func scanUnihan(r io.Reader, fn func(r rune, field, value string)) error {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(3); err == nil && string(magic) == "BZh" {
		r = bzip2.NewReader(br)
	} else {
		r = br
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			continue
		}
		cp, ok := parseCodePoint(f[0])
		if !ok {
			continue
		}
		fn(cp, f[1], f[2])
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("align: unihan: %w", err)
	}
	return nil
}

func parseCodePoint(s string) (rune, bool) {
	if !strings.HasPrefix(s, "U+") {
		return 0, false
	}
	if i := strings.IndexByte(s, '<'); i > 0 {
		s = s[:i]
	}
	v, err := strconv.ParseUint(s[2:], 16, 32)
	if err != nil || v > unicode.MaxRune {
		return 0, false
	}
	return rune(v), true
}

// Lexicon holds bilingual dictionaries into English (the pivot language)
// and the Chinese character data. Build it with NewLexicon; it is
// immutable and safe for concurrent use.
type Lexicon struct {
	// langs: language → stemmed foreign word → English glosses.
	langs map[string]map[string][]string
	// zhFreq is the kHanyuPinlu count per character, zhTotal their sum.
	zhFreq  map[rune]float64
	zhTotal float64
	// zhSimp maps traditional characters to simplified ones.
	zhSimp map[rune]rune
}

// NewLexicon combines dictionaries. Foreign headwords are stemmed the way
// passage words are (Snowball, the light Arabic stemmer; Chinese entries
// are single characters), and glosses of all dictionaries of a language
// are merged in order.
func NewLexicon(dicts ...*Dictionary) *Lexicon {
	lx := &Lexicon{langs: map[string]map[string][]string{}}
	for _, d := range dicts {
		if d == nil {
			continue
		}
		lang := baseLang(d.Lang)
		m := lx.langs[lang]
		if m == nil {
			m = map[string][]string{}
			lx.langs[lang] = m
		}
		words := make([]string, 0, len(d.Entries))
		for w := range d.Entries {
			words = append(words, w)
		}
		sort.Strings(words)
		for _, w := range words {
			key := w
			if lang != "zh" {
				if strings.ContainsRune(w, ' ') {
					continue // phrases are not looked up
				}
				key = stemWord(lang, strings.ToLower(w))
			}
			for _, g := range d.Entries[w] {
				if len(m[key]) >= 8 {
					break
				}
				dup := false
				for _, h := range m[key] {
					if h == g {
						dup = true
						break
					}
				}
				if !dup {
					m[key] = append(m[key], g)
				}
			}
		}
	}
	return lx
}

// WithChinese returns a copy of the lexicon that also carries the
// character frequencies and the traditional → simplified map from
// ParseUnihan.
func (lx *Lexicon) WithChinese(freq map[rune]float64, simp map[rune]rune) *Lexicon {
	c := *lx
	c.zhFreq, c.zhSimp, c.zhTotal = freq, simp, 0
	for _, f := range freq {
		c.zhTotal += f
	}
	return &c
}

// Languages lists the languages the lexicon translates into English.
func (lx *Lexicon) Languages() []string {
	if lx == nil {
		return nil
	}
	var out []string
	for l := range lx.langs {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// glosses returns the English glosses of a stemmed word of lang.
func (lx *Lexicon) glosses(lang, key string) []string {
	if lx == nil {
		return nil
	}
	return lx.langs[lang][key]
}

// simplify maps a traditional Chinese character to its simplified form.
func (lx *Lexicon) simplify(r rune) rune {
	if lx != nil {
		if s, ok := lx.zhSimp[r]; ok {
			return s
		}
	}
	return r
}

// freeDictLangs are the FreeDict language codes LoadFreeDict reads, with
// the language tag they stand for.
var freeDictLangs = map[string]string{"ara": "ar", "rus": "ru", "fra": "fr", "spa": "es", "deu": "de", "ita": "it", "por": "pt", "tur": "tr", "nld": "nl", "pol": "pl"}

// LoadFreeDict reads every dictd database in dir that translates to or
// from English for a language in freeDictLangs (freedict-xxx-eng,
// freedict-eng-xxx) and Mueller's English–Russian dictionary (mueller7),
// whichever are installed. A directory without any gives no dictionaries
// and no error.
func LoadFreeDict(dir string) ([]*Dictionary, error) {
	var out []*Dictionary
	codes := make([]string, 0, len(freeDictLangs))
	for c := range freeDictLangs {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	read := func(name string) ([]DictdEntry, bool, error) {
		ix, err := os.ReadFile(filepath.Join(dir, name+".index"))
		if err != nil {
			return nil, false, nil
		}
		f, err := os.Open(filepath.Join(dir, name+".dict.dz"))
		if err != nil {
			f, err = os.Open(filepath.Join(dir, name+".dict"))
			if err != nil {
				return nil, false, nil
			}
		}
		defer f.Close()
		es, err := ParseDictd(bytes.NewReader(ix), f)
		if err != nil {
			return nil, false, fmt.Errorf("%s: %w", name, err)
		}
		return es, true, nil
	}
	for _, c := range codes {
		lang := freeDictLangs[c]
		if es, ok, err := read("freedict-" + c + "-eng"); err != nil {
			return nil, err
		} else if ok {
			out = append(out, FreeDictToEnglish(lang, es, false))
		}
		if es, ok, err := read("freedict-eng-" + c); err != nil {
			return nil, err
		} else if ok {
			out = append(out, FreeDictToEnglish(lang, es, true))
		}
	}
	if es, ok, err := read("mueller7"); err != nil {
		return nil, err
	} else if ok {
		out = append(out, MuellerToEnglish(es))
	}
	return out, nil
}

// LoadUnihan reads Unihan_Readings.txt(.bz2) and Unihan_Variants.txt(.bz2)
// from dir (DefaultUnicodeDir on Debian with unicode-data installed).
func LoadUnihan(dir string) (*Dictionary, map[rune]float64, map[rune]rune, error) {
	open := func(base string) (io.ReadCloser, error) {
		f, err := os.Open(filepath.Join(dir, base+".bz2"))
		if err == nil {
			return f, nil
		}
		return os.Open(filepath.Join(dir, base))
	}
	rd, err := open("Unihan_Readings.txt")
	if err != nil {
		return nil, nil, nil, fmt.Errorf("align: unihan: %w", err)
	}
	defer rd.Close()
	var vr io.Reader
	if v, err := open("Unihan_Variants.txt"); err == nil {
		defer v.Close()
		vr = v
	}
	return ParseUnihan(rd, vr)
}

// Resources are the lexical resources an Aligner can use.
type Resources struct {
	Lexicon  *Lexicon
	Synonyms *Synonyms
}

// LoadInstalled loads whatever lexical resources are installed at the
// Debian locations (DefaultWordNetDir, DefaultDictdDir,
// DefaultUnicodeDir). It returns the Debian packages whose data it did not
// find; the Aligner works without any of them (see doc.go for what is
// lost). Call it once at startup and share the result.
func LoadInstalled() (Resources, []string) {
	var res Resources
	var missing []string
	if syn, err := LoadWordNet(DefaultWordNetDir); err == nil {
		res.Synonyms = syn
	} else {
		missing = append(missing, "wordnet-base")
	}
	dicts, err := LoadFreeDict(DefaultDictdDir)
	if err != nil || len(dicts) == 0 {
		missing = append(missing, "dict-freedict-*/mueller7-dict")
	}
	lx := NewLexicon(dicts...)
	if zh, freq, simp, err := LoadUnihan(DefaultUnicodeDir); err == nil {
		lx = NewLexicon(append(dicts, zh)...).WithChinese(freq, simp)
	} else {
		missing = append(missing, "unicode-data")
	}
	res.Lexicon = lx
	return res, missing
}
