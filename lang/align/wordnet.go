package align

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// DefaultWordNetDir is where Debian's wordnet-base package installs the
// WordNet 3.0 database files.
const DefaultWordNetDir = "/usr/share/wordnet"

// Senses kept per lemma and part of speech. WordNet lists a lemma's senses
// by decreasing frequency in its sense-tagged corpus, so the first few are
// the ones news text uses; the rest (withdraw = "remove money from a bank
// account", force = "a unit of physics") would only add false matches.
var sensesPerPOS = map[byte]int{'n': 2, 'v': 2, 'a': 1, 'r': 1}

// ErrWordNet reports a malformed WordNet database file.
var ErrWordNet = errors.New("align: malformed WordNet file")

// Synonyms is the English synonym and derivation model, built from
// WordNet 3.0 (Princeton; Debian package wordnet-base). It maps the stem of
// every English word and two-word collocation ("pull out") to the synsets
// of its first senses, the synsets derivationally related to them ("+"
// pointers: withdraw ↔ withdrawal, soldier ↔ troops) and, for nouns, their
// direct hypernyms (troops → force), and it carries the SemCor tag counts
// (cntlist.rev) used as a fixed background word frequency. Immutable and
// safe for concurrent use.
type Synonyms struct {
	lemmas   map[string]bool // every lemma, lower case, spaces as '_'
	proper   map[string]bool // lemmas WordNet only writes capitalised (Syria, Putin)
	byStem   map[string]int32
	entries  []synEntry
	nSynsets uint32
	total    float64 // sum of SemCor counts over all stems
}

type synEntry struct {
	own, up []uint32 // synset ordinals, sorted
	count   float64  // SemCor tag count of the lemmas with this stem
}

// WordNetFiles are the database files ParseWordNet reads. Data and Index
// are keyed by part of speech: "noun", "verb", "adj", "adv". CntList
// (cntlist.rev) is optional; without it every word has the same
// background weight.
type WordNetFiles struct {
	Data, Index map[string]io.Reader
	// Exc holds the optional morphological exception lists (noun.exc,
	// verb.exc, …: "servicemen serviceman"), keyed like Data.
	Exc     map[string]io.Reader
	CntList io.Reader
}

// LoadWordNet reads a WordNet 3.0 database directory (data.noun,
// index.noun, …, cntlist.rev), such as DefaultWordNetDir.
func LoadWordNet(dir string) (*Synonyms, error) {
	files := WordNetFiles{Data: map[string]io.Reader{}, Index: map[string]io.Reader{}, Exc: map[string]io.Reader{}}
	var closers []io.Closer
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	open := func(name string) (io.Reader, error) {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		closers = append(closers, f)
		return bufio.NewReaderSize(f, 1<<16), nil
	}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		d, err := open("data." + pos)
		if err != nil {
			return nil, fmt.Errorf("align: wordnet: %w", err)
		}
		ix, err := open("index." + pos)
		if err != nil {
			return nil, fmt.Errorf("align: wordnet: %w", err)
		}
		files.Data[pos], files.Index[pos] = d, ix
		if x, err := open(pos + ".exc"); err == nil {
			files.Exc[pos] = x
		}
	}
	if c, err := open("cntlist.rev"); err == nil {
		files.CntList = c
	}
	return ParseWordNet(files)
}

type wnSynset struct {
	ord       uint32
	hypernyms []string // keys "pos:offset"
	derived   []string
}

// ParseWordNet builds Synonyms from WordNet database files (see
// WordNetFiles). Lines of the data files are "offset lex_filenum ss_type
// w_cnt word lex_id … p_cnt pointer… | gloss"; lines of the index files are
// "lemma pos synset_cnt p_cnt ptr… sense_cnt tagsense_cnt offset…"
// (wndb(5WN)).
func ParseWordNet(files WordNetFiles) (*Synonyms, error) {
	synsets := map[string]*wnSynset{}
	capital, lower := map[string]bool{}, map[string]bool{}
	posChar := map[string]byte{"noun": 'n', "verb": 'v', "adj": 'a', "adv": 'r'}
	var ord uint32
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		r := files.Data[pos]
		if r == nil {
			continue
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == ' ' {
				continue // licence header
			}
			if i := strings.Index(line, " | "); i >= 0 {
				line = line[:i]
			}
			f := strings.Fields(line)
			if len(f) < 4 {
				return nil, fmt.Errorf("%w: data.%s: %q", ErrWordNet, pos, line)
			}
			wcnt, err := strconv.ParseInt(f[3], 16, 32)
			if err != nil || len(f) < 5+2*int(wcnt) {
				return nil, fmt.Errorf("%w: data.%s: %q", ErrWordNet, pos, line)
			}
			s := &wnSynset{ord: ord}
			ord++
			for k := 0; k < int(wcnt); k++ {
				w := f[4+2*k]
				if i := strings.IndexByte(w, '('); i > 0 {
					w = w[:i] // adjective markers: (a), (p), (ip)
				}
				lw := strings.ToLower(w)
				if lw != w {
					capital[lw] = true
				} else {
					lower[lw] = true
				}
			}
			i := 4 + 2*int(wcnt)
			pcnt, err := strconv.Atoi(f[i])
			if err != nil || len(f) < i+1+4*pcnt {
				return nil, fmt.Errorf("%w: data.%s: %q", ErrWordNet, pos, line)
			}
			for k := 0; k < pcnt; k++ {
				sym, off, ps := f[i+1+4*k], f[i+2+4*k], f[i+3+4*k]
				if ps == "s" {
					ps = "a"
				}
				key := ps + ":" + off
				switch sym {
				case "@", "@i":
					s.hypernyms = append(s.hypernyms, key)
				case "+":
					s.derived = append(s.derived, key)
				}
			}
			synsets[string(posChar[pos])+":"+f[0]] = s
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("align: wordnet data.%s: %w", pos, err)
		}
	}
	syn := &Synonyms{lemmas: map[string]bool{}, proper: map[string]bool{}, byStem: map[string]int32{}, nSynsets: ord}
	for w := range capital {
		if !lower[w] {
			syn.proper[w] = true
		}
	}
	type acc struct{ own, up map[uint32]bool }
	accs := map[string]*acc{}
	type lemmaSenses struct {
		lemma  string
		pos    byte
		keys   []string
		tagged int // tagsense_cnt: how often this part of speech was tagged
	}
	var all []lemmaSenses
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		r := files.Index[pos]
		if r == nil {
			continue
		}
		pc := posChar[pos]
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == ' ' {
				continue
			}
			f := strings.Fields(line)
			if len(f) < 6 {
				return nil, fmt.Errorf("%w: index.%s: %q", ErrWordNet, pos, line)
			}
			n, err := strconv.Atoi(f[2])
			if err != nil || n < 1 || len(f) < n+4 {
				return nil, fmt.Errorf("%w: index.%s: %q", ErrWordNet, pos, line)
			}
			ls := lemmaSenses{lemma: f[0], pos: pc}
			if tc, err := strconv.Atoi(f[len(f)-n-1]); err == nil {
				ls.tagged = tc
			}
			offs := f[len(f)-n:]
			if k := sensesPerPOS[pc]; len(offs) > k {
				offs = offs[:k]
			}
			for _, o := range offs {
				ls.keys = append(ls.keys, string(pc)+":"+o)
			}
			syn.lemmas[f[0]] = true
			all = append(all, ls)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("align: wordnet index.%s: %w", pos, err)
		}
	}
	known := func(w string) bool { return syn.lemmas[w] }
	// A lemma's rare parts of speech are left out: "part" is a noun far
	// more often than the verb meaning "leave", "force" a noun more often
	// than the verb. A part of speech counts when it has at least a fifth
	// of the lemma's most tagged one (or when none was ever tagged).
	maxTagged := map[string]int{}
	for _, ls := range all {
		if ls.tagged > maxTagged[ls.lemma] {
			maxTagged[ls.lemma] = ls.tagged
		}
	}
	for _, ls := range all {
		if m := maxTagged[ls.lemma]; m > 0 && ls.tagged*5 < m {
			continue
		}
		key := syn.stemKey(ls.lemma, known)
		if key == "" {
			continue
		}
		a := accs[key]
		if a == nil {
			a = &acc{own: map[uint32]bool{}, up: map[uint32]bool{}}
			accs[key] = a
		}
		for i, k := range ls.keys {
			s := synsets[k]
			if s == nil {
				continue
			}
			a.own[s.ord] = true
			if i > 0 {
				continue
			}
			// The first (most frequent) sense also brings its
			// derivationally related synsets and, for nouns, its direct
			// hypernyms.
			for _, d := range s.derived {
				if t := synsets[d]; t != nil {
					a.own[t.ord] = true
				}
			}
			if ls.pos == 'n' {
				for _, h := range s.hypernyms {
					if t := synsets[h]; t != nil {
						a.up[t.ord] = true
					}
				}
			}
		}
	}
	keys := make([]string, 0, len(accs))
	for k := range accs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		a := accs[k]
		e := synEntry{own: sortedKeys(a.own), up: sortedKeys(a.up)}
		syn.byStem[k] = int32(len(syn.entries))
		syn.entries = append(syn.entries, e)
	}
	// Irregular forms (servicemen → serviceman, withdrew → withdraw) share
	// the entry of their lemma unless their own stem already has one.
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		r := files.Exc[pos]
		if r == nil {
			continue
		}
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) < 2 {
				continue
			}
			from := syn.stemKey(f[0], known)
			to := syn.stemKey(f[1], known)
			if from == "" || to == "" || from == to {
				continue
			}
			if _, ok := syn.byStem[from]; ok {
				continue
			}
			if id, ok := syn.byStem[to]; ok {
				syn.byStem[from] = id
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("align: wordnet %s.exc: %w", pos, err)
		}
	}
	if files.CntList != nil {
		sc := bufio.NewScanner(files.CntList)
		for sc.Scan() {
			// sense_key sense_number tag_cnt, sense_key = lemma%ss_type:…
			f := strings.Fields(sc.Text())
			if len(f) != 3 {
				continue
			}
			i := strings.IndexByte(f[0], '%')
			if i <= 0 {
				continue
			}
			c, err := strconv.Atoi(f[2])
			if err != nil {
				continue
			}
			key := syn.stemKey(strings.ToLower(f[0][:i]), known)
			if id, ok := syn.byStem[key]; ok {
				syn.entries[id].count += float64(c)
				syn.total += float64(c)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("align: wordnet cntlist.rev: %w", err)
		}
	}
	return syn, nil
}

func sortedKeys(m map[uint32]bool) []uint32 {
	out := make([]uint32, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// stemKey is the comparison key of a WordNet lemma: the English stem of
// each part of a collocation of at most three words, joined by '_' (the
// possessive slot "one's" is kept as written). Longer collocations are
// dropped (text matching looks at two and three words).
func (s *Synonyms) stemKey(lemma string, known func(string) bool) string {
	parts := strings.Split(strings.ToLower(lemma), "_")
	if len(parts) > 3 {
		return ""
	}
	for i, p := range parts {
		if p == "" || strings.ContainsAny(p, ".0123456789") {
			return ""
		}
		if p == "one's" {
			continue
		}
		parts[i] = stemWord("en", britishFold(p, known))
	}
	return strings.Join(parts, "_")
}

// Known reports whether w (lower case; collocations with '_') is a
// WordNet lemma.
func (s *Synonyms) Known(w string) bool { return s != nil && s.lemmas[w] }

// Common reports whether w is a WordNet lemma that is not only a proper
// noun (Syria and Putin are lemmas, but only ever capitalised).
func (s *Synonyms) Common(w string) bool { return s != nil && s.lemmas[w] && !s.proper[w] }

// lookup returns the entry of an English stem key.
func (s *Synonyms) lookup(key string) (*synEntry, int32, bool) {
	if s == nil {
		return nil, -1, false
	}
	id, ok := s.byStem[key]
	if !ok {
		return nil, -1, false
	}
	return &s.entries[id], id, true
}

// weight is the background weight of an English stem, from its SemCor tag
// count c: the normalised inverse frequency idf = log((N+1)/(c+1)) /
// log(N+1), squared to spread the scale (SemCor is small, so idf alone
// runs only from about 0.4 for "say" to 1). A word never tagged weighs 1,
// "president" about 0.4, "say" 0.15. Stems outside WordNet (names, rare
// words) weigh 1.
func (s *Synonyms) weight(key string) float64 {
	e, _, ok := s.lookup(key)
	if !ok || s.total == 0 {
		return 1
	}
	idf := math.Log((s.total+1)/(e.count+1)) / math.Log(s.total+1)
	return idf * idf
}
