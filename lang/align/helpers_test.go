package align

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"interlinear/internal/testdeps"
	"interlinear/lang/names"
	"interlinear/lang/pipeline"
	"interlinear/seeds"
)

// Lexical resources and the names matcher are loaded once per test binary.
var (
	resOnce    sync.Once
	resShared  Resources
	resMissing []string

	namesOnce    sync.Once
	namesMatcher *names.Matcher
	namesErr     error
)

// resources returns the installed lexical resources (see LoadInstalled).
// Tests that measure quality with them log what is missing; CI installs
// them (see doc.go).
func resources(t testing.TB) Resources {
	t.Helper()
	resOnce.Do(func() { resShared, resMissing = LoadInstalled() })
	if len(resMissing) > 0 {
		t.Logf("lexical resources missing: %v", resMissing)
	}
	return resShared
}

func fullAligner(t testing.TB) *Aligner {
	r := resources(t)
	return New(WithLexicon(r.Lexicon), WithSynonyms(r.Synonyms))
}

// matcher returns the names matcher over the seed gazetteer.
func matcher(t testing.TB) *names.Matcher {
	t.Helper()
	namesOnce.Do(func() {
		f, err := os.Open(filepath.Join("..", "..", "seeds", "gazetteer.tsv"))
		if err != nil {
			namesErr = err
			return
		}
		defer f.Close()
		g, err := names.ParseGazetteer(f)
		if err != nil {
			namesErr = err
			return
		}
		namesMatcher = names.NewMatcher(g)
	})
	if namesErr != nil {
		t.Fatalf("gazetteer: %v", namesErr)
	}
	return namesMatcher
}

// entitiesOf resolves the entity ids of a passage and their mentions
// with lang/names.
func entitiesOf(t testing.TB, text, lang string) ([]string, []Mention) {
	var out []string
	var ms []Mention
	seen := map[string]bool{}
	for _, m := range matcher(t).Extract(text, lang) {
		if m.EntityID == "" {
			continue
		}
		ms = append(ms, Mention{Start: m.Start, End: m.End, Entity: m.EntityID})
		if !seen[m.EntityID] {
			seen[m.EntityID] = true
			out = append(out, m.EntityID)
		}
	}
	return out, ms
}

// passage builds a Passage with entities and mentions from lang/names.
func passage(t testing.TB, id, text, lang string) Passage {
	ents, ms := entitiesOf(t, text, lang)
	return Passage{ID: id, Text: text, Lang: lang, Entities: ents, Mentions: ms}
}

// splitSentences is the tests' sentence splitter (the product uses
// lang/segment): paragraphs are lines; a sentence ends at . ! ? (and any
// closing quotes after them) followed by a space and a capital letter, a
// digit or an opening quote, unless the word before the stop is a single
// capital or a common abbreviation.
func splitSentences(text string) []string {
	var out []string
	abbrev := map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Dec": true, "Jan": true, "Feb": true, "Aug": true, "Sept": true, "Sep": true, "Oct": true, "Nov": true, "Gen": true, "Lt": true, "Col": true, "U.S": true, "U.N": true, "т": true, "г": true}
	for _, para := range strings.Split(text, "\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		start := 0
		rs := []rune(para)
		pos := 0 // byte offset of rs[i]
		offs := make([]int, len(rs)+1)
		for i, r := range rs {
			offs[i] = pos
			pos += utf8.RuneLen(r)
		}
		offs[len(rs)] = pos
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			if strings.ContainsRune("。！？", r) {
				j := i + 1
				for j < len(rs) && strings.ContainsRune("”」』\"", rs[j]) {
					j++
				}
				out = append(out, strings.TrimSpace(para[offs[start]:offs[j]]))
				start = j
				i = j - 1
				continue
			}
			if r != '.' && r != '!' && r != '?' {
				continue
			}
			j := i + 1
			for j < len(rs) && strings.ContainsRune("”’\"'»)", rs[j]) {
				j++
			}
			if j >= len(rs) || !unicode.IsSpace(rs[j]) {
				continue
			}
			k := j
			for k < len(rs) && unicode.IsSpace(rs[k]) {
				k++
			}
			if k >= len(rs) || !(unicode.IsUpper(rs[k]) || unicode.IsDigit(rs[k]) || strings.ContainsRune("“\"«‘'„", rs[k]) || unicode.Is(unicode.Arabic, rs[k])) {
				continue
			}
			// word before the stop
			w := i
			for w > start && !unicode.IsSpace(rs[w-1]) {
				w--
			}
			word := string(rs[w:i])
			if r == '.' && (abbrev[word] || utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0])) {
				continue
			}
			out = append(out, strings.TrimSpace(para[offs[start]:offs[j]]))
			start = k
			i = k - 1
		}
		if start < len(rs) {
			if s := strings.TrimSpace(para[offs[start]:]); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// makeDoc builds a Document from a text: one passage per sentence,
// entities from lang/names.
func makeDoc(t testing.TB, id, outlet, lang string, published time.Time, text string) Document {
	d := Document{ID: id, Outlet: outlet, Lang: lang, Published: published}
	for i, s := range splitSentences(text) {
		d.Passages = append(d.Passages, passage(t, fmt.Sprintf("p%d", i), s, lang))
	}
	return d
}

// productPipeline is the ingest pipeline the server runs (cleaning,
// segmentation, language detection, names), shared by the test binary.
func productPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	return testdeps.Pipeline(t)
}

// seedDocs returns the five seed articles as documents "000" … "004",
// analysed exactly as an ingest analyses them (the manifest's titles and
// publication dates, the product's cleaning, sentences and names), so the
// seed figures measure what a desk sees.
func seedDocs(t testing.TB) []Document {
	t.Helper()
	list, err := seeds.Articles()
	if err != nil {
		t.Fatal(err)
	}
	p := productPipeline(t)
	var docs []Document
	for _, a := range list {
		var pub time.Time
		if a.PublishedAt != "" {
			if pub, err = time.Parse(time.RFC3339, a.PublishedAt); err != nil {
				t.Fatalf("manifest date %q: %v", a.PublishedAt, err)
			}
		}
		pd, err := p.Process(pipeline.Input{Text: a.Text, Title: a.Title, Language: a.Language})
		if err != nil {
			t.Fatalf("%s: %v", a.File, err)
		}
		d := Document{ID: a.File[:3], Outlet: a.Outlet, Lang: pd.Language.Code, Published: pub}
		for i, ps := range pd.Passages {
			ap := Passage{ID: fmt.Sprintf("p%d", i), Text: ps.Text, Lang: ps.Language.Code}
			for _, m := range ps.Mentions {
				if m.EntityID == "" {
					continue
				}
				ap.Mentions = append(ap.Mentions, Mention{Start: m.Start, End: m.End, Entity: m.EntityID})
				if !slices.Contains(ap.Entities, m.EntityID) {
					ap.Entities = append(ap.Entities, m.EntityID)
				}
			}
			d.Passages = append(d.Passages, ap)
		}
		docs = append(docs, d)
	}
	return docs
}

// readTSV reads a tab-separated file, skipping blank lines and # comments.
func readTSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v", err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}
