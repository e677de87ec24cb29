package align

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"time"
)

// Passage is one unit of a document (a sentence or paragraph) with the
// canonical ids of the entities found in it. Mentions, optional, give
// where those entities are written: words inside a mention are then
// counted once, as the entity, and not again as words (this matters most
// for Chinese and Arabic, whose names are otherwise indistinguishable
// from words).
type Passage struct {
	ID       string
	Text     string
	Lang     string
	Entities []string
	Mentions []Mention
}

// Mention is an entity written at Text[Start:End] (byte offsets).
type Mention struct {
	Start, End int
	Entity     string
}

// Document is an article: its passages in reading order. Published is
// zero when unknown.
type Document struct {
	ID, Outlet, Lang string
	Published        time.Time
	Passages         []Passage
	// TextDate, when TextDateKnown, is what LatestDate returns for the
	// document. A caller that keeps documents across calls (a server
	// placing articles into stories) sets them once; otherwise the text
	// is read for dates on every comparison that needs them.
	TextDate      time.Time
	TextDateKnown bool
}

// Ref names a passage of a document.
type Ref struct {
	Document string `json:"document"`
	Passage  string `json:"passage"`
}

// Evidence is what two linked passages share: entity ids, canonical
// numbers and dates, and content words (as "a/b" when the two sides write
// them differently, e.g. "withdrawal/вывод").
type Evidence struct {
	Entities []string `json:"entities"`
	Numbers  []string `json:"numbers"`
	Terms    []string `json:"terms"`
}

// Link says two passages of different documents report the same fact.
// Score is in [0, 1] and comparable across calls.
type Link struct {
	A        Ref      `json:"a"`
	B        Ref      `json:"b"`
	Score    float64  `json:"score"`
	Quote    bool     `json:"quote"`
	Evidence Evidence `json:"evidence"`
}

// DiffOp is one step of a word diff: "equal", "insert" (in B only) or
// "delete" (in A only).
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Diff is a word-level diff between two passages of the same language in a
// group: A is the group's base rendering, B the other.
type Diff struct {
	A   Ref      `json:"a"`
	B   Ref      `json:"b"`
	Ops []DiffOp `json:"ops"`
}

// Group is a set of passages of different documents that report one fact
// ("fact") or render one piece of quoted speech ("quote", with the speaker
// when known: an entity id, or the name as written). A group holds at most
// two passages of a document. A passage that bundles several facts may
// belong to two groups (see doc.go, "Groups").
type Group struct {
	ID       int    `json:"id"`
	Kind     string `json:"kind"`
	Speaker  string `json:"speaker"`
	Passages []Ref  `json:"passages"`
	Diff     []Diff `json:"diff"`
}

// Result is the outcome of Align.
type Result struct {
	Links  []Link  `json:"links"`
	Groups []Group `json:"groups"`
}

// Aligner aligns passages across documents. It is immutable after New and
// safe for concurrent use.
type Aligner struct {
	p         params
	lex       *Lexicon
	syn       *Synonyms
	threshold float64
	workers   int
}

// Option configures an Aligner.
type Option func(*Aligner)

// WithLexicon bridges other languages into English through bilingual
// dictionaries (see LoadFreeDict, LoadUnihan, NewLexicon).
func WithLexicon(lx *Lexicon) Option { return func(a *Aligner) { a.lex = lx } }

// WithSynonyms adds English synonyms, derivations and background word
// frequencies from WordNet (see LoadWordNet).
func WithSynonyms(s *Synonyms) Option { return func(a *Aligner) { a.syn = s } }

// WithThreshold sets the score DefaultThreshold returns.
func WithThreshold(t float64) Option { return func(a *Aligner) { a.threshold = t } }

// WithWorkers sets how many goroutines Align uses (default GOMAXPROCS).
func WithWorkers(n int) Option { return func(a *Aligner) { a.workers = n } }

// crossStoryMargin is taken off the score of passages of two documents
// that do not report the same story (StorySimilarity below the story
// threshold): they share background facts ("Russia entered the war in
// 2015"), not the event.
const crossStoryMargin = 0.08

// crossTimeMargin replaces crossStoryMargin when the dates of the two
// documents rule out one event (published weeks apart): only a strong
// match, such as a shared full date, survives.
const crossTimeMargin = 0.25

// calibratedThreshold is the link threshold measured on the seed gold
// (testdata/seeds_gold.tsv) and the cross-language test set with all
// lexical resources installed; see doc.go for the figures.
const calibratedThreshold = 0.30

// New returns an Aligner. Without options it compares entities, numbers,
// quotes and same-language stems only.
func New(opts ...Option) *Aligner {
	a := &Aligner{threshold: calibratedThreshold, p: defaultParams}
	for _, o := range opts {
		o(a)
	}
	if a.workers <= 0 {
		a.workers = runtime.GOMAXPROCS(0)
	}
	return a
}

// DefaultThreshold is the calibrated link threshold (or the one set with
// WithThreshold).
func (a *Aligner) DefaultThreshold() float64 { return a.threshold }

// params are the constants of the scoring model (see doc.go,
// "Similarity"); defaultParams holds the calibrated values.
type params struct {
	crossDiscount float64 // weight of an item that cannot be bridged, across languages
	containBeta   float64 // share of the containment term in the score
	containMass   float64 // weight below which a passage is too short for full containment
	entityOnly    float64 // factor for pairs that share nothing but entities and names
	contentFull   float64 // matched content weight above which no such penalty applies
	quoteMinMass  float64 // quoted content weight needed for quote similarity
	synCredit     float64 // credit of a match through WordNet synsets only
	competitive   float64 // a link must reach this share of its passages' best link
	entitySet     float64 // share of the remaining gap a fact-like shared entity set closes
	setLift       float64 // how many times its expected count a set must be named for full evidence
}

var defaultParams = params{
	crossDiscount: 0.25,
	containBeta:   0.35,
	containMass:   4.0,
	entityOnly:    0.7,
	contentFull:   1.2,
	quoteMinMass:  0.9,
	synCredit:     0.5,
	competitive:   0.75,
	entitySet:     0.25,
	setLift:       10,
}

type posting struct{ p, it int32 }

// index is an inverted index from feature ids to the items that carry
// them, stored as one flat array with offsets (counting sort).
type index struct {
	off   []int32
	posts []posting
}

func buildIndex(ans []*analysis, nf uint32, up bool) index {
	off := make([]int32, nf+1)
	for _, an := range ans {
		for _, it := range an.items {
			fs := it.own
			if up {
				fs = it.up
			}
			for _, f := range fs {
				off[f+1]++
			}
		}
	}
	for i := 1; i < len(off); i++ {
		off[i] += off[i-1]
	}
	posts := make([]posting, off[nf])
	fill := make([]int32, nf)
	for p, an := range ans {
		for i, it := range an.items {
			fs := it.own
			if up {
				fs = it.up
			}
			for _, f := range fs {
				posts[off[f]+fill[f]] = posting{int32(p), int32(i)}
				fill[f]++
			}
		}
	}
	return index{off: off, posts: posts}
}

func (ix index) get(f uint32) []posting {
	if int(f)+1 >= len(ix.off) {
		return nil
	}
	return ix.posts[ix.off[f]:ix.off[f+1]]
}

// pairScore is a scored candidate pair of passages (indices into the flat
// passage list).
type pairScore struct {
	a, b  int32
	score float64
	quote bool
	// set is the score with the evidence of a fact-like shared entity set
	// (see entitySets), which counts between documents of one story only;
	// score is without it.
	set      float64
	setQuote bool
}

// prepared is a document set reduced to analyses.
type prepared struct {
	z    *analyzer
	docs []Document
	ans  []*analysis
	// own and up postings
	own, up index
	// cutoff is the passage count above which a feature is frequent;
	// freq lists each passage's frequent features, sorted.
	cutoff int32
	freq   [][]freqFeat
	// entPosts lists the passages naming (or implying) each entity.
	entPosts map[uint32][]int32
}

// freqFeat is a frequent feature of a passage item (up: a hypernym).
type freqFeat struct {
	f    uint32
	item int32
	up   bool
}

// frequent reports whether more than cutoff postings carry feature f.
func (pr *prepared) frequent(f uint32) bool {
	n := int32(0)
	if int(f)+1 < len(pr.own.off) {
		n += pr.own.off[f+1] - pr.own.off[f]
	}
	if int(f)+1 < len(pr.up.off) {
		n += pr.up.off[f+1] - pr.up.off[f]
	}
	return n > pr.cutoff
}

func (a *Aligner) prepare(docs []Document) *prepared {
	z := a.newAnalyzer()
	z.setNames = setWordNames(docs)
	pr := &prepared{z: z, docs: docs}
	for d, doc := range docs {
		open := false
		var prev *analysis
		for i, p := range doc.Passages {
			lang := baseLang(p.Lang)
			if lang == "" {
				lang = baseLang(doc.Lang)
			}
			an, stillOpen := z.analyze(p, lang, open)
			open = stillOpen
			an.doc, an.idx = d, i
			if an.speaker == "\x00pronoun" {
				an.speaker = ""
				if prev != nil {
					if prev.speaker != "" {
						an.speaker = prev.speaker
					} else {
						an.speaker = prev.subject
					}
				}
			}
			if an.subject == "" && prev != nil && an.speaker != "" {
				an.subject = an.speaker
			}
			pr.ans = append(pr.ans, an)
			prev = an
		}
	}
	pr.weighBySet()
	pr.entPosts = map[uint32][]int32{}
	for p, an := range pr.ans {
		an.ents = an.ents[:0]
		for _, it := range an.items {
			if it.kind == itemEntity {
				an.ents = append(an.ents, it.key)
			}
		}
		an.ents = sortUniq(an.ents)
		for _, f := range an.ents {
			pr.entPosts[f] = append(pr.entPosts[f], int32(p))
		}
	}
	nf := z.nFeatures()
	pr.own = buildIndex(pr.ans, nf, false)
	pr.up = buildIndex(pr.ans, nf, true)
	pr.cutoff = frequentPostings
	pr.freq = make([][]freqFeat, len(pr.ans))
	for p, an := range pr.ans {
		var fs []freqFeat
		an.fmass = 0
		for i, it := range an.items {
			isFreq := false
			for _, f := range it.own {
				if pr.frequent(f) {
					fs = append(fs, freqFeat{f, int32(i), false})
					isFreq = true
				}
			}
			for _, f := range it.up {
				if pr.frequent(f) {
					isFreq = true
				}
			}
			if isFreq {
				an.fmass += it.w
			}
			for _, f := range it.up {
				if pr.frequent(f) {
					fs = append(fs, freqFeat{f, int32(i), true})
				}
			}
		}
		sort.Slice(fs, func(i, j int) bool { return fs[i].f < fs[j].f })
		pr.freq[p] = fs
	}
	return pr
}

// frequentPostings is the number of items above which a feature is
// frequent: it then proposes only frequentSample candidates per passage
// (a frequent WordNet synset proposes none), and maxCandidates bounds the
// candidates of a passage (see scorePairs), so that the cost of Align
// grows linearly with the number of passages.
const (
	frequentPostings = 48
	frequentSample   = 8
	maxCandidates    = 64
)

// sample returns frequentSample postings of a frequent feature for
// passage pa, from a start that depends on pa (deterministic, different
// for each passage).
func (pr *prepared) sample(posts []posting, pa int32) []posting {
	if len(posts) <= frequentSample {
		return posts
	}
	start := int(uint32(pa)*2654435761) % len(posts)
	if start+frequentSample <= len(posts) {
		return posts[start : start+frequentSample]
	}
	return posts[len(posts)-frequentSample:]
}

// In-set weighting (see doc.go, "Weights").
const (
	setPriorPassages = 20   // pseudo-passages of the smoothing prior
	setPriorRate     = 0.05 // share of those that carry the feature
	entityMaxFactor  = 1.6  // entities rare in the set weigh up to this × entityWeight
	setMinFactor     = 0.2
)

// weighBySet scales item weights by how many passages of the aligned set
// carry the same entity, word stem or number: r = (pf + m·ρ) / (P + m),
// factor = log(1/r) / log(1/ρ). Entities get the factor (capped at
// entityMaxFactor): a name in every other passage of a story (Putin,
// Syria) weighs about half of the base weight, one in a few passages
// (Tartus) more than the base. Words and numbers are only weighed down
// (factor capped at 1): "president" in a fifth of the passages counts less
// than its background weight says. With few passages the prior dominates,
// so scores stay comparable across calls.
func (pr *prepared) weighBySet() {
	pf := map[uint32]int{}
	seen := map[uint32]int{}
	for p, an := range pr.ans {
		for _, it := range an.items {
			if last, ok := seen[it.key]; ok && last == p+1 {
				continue
			}
			seen[it.key] = p + 1
			pf[it.key]++
		}
	}
	P := float64(len(pr.ans))
	norm := math.Log(1 / setPriorRate)
	for _, an := range pr.ans {
		an.mass, an.bmass, an.qmass = 0, 0, 0
		for i := range an.items {
			it := &an.items[i]
			r := (float64(pf[it.key]) + setPriorPassages*setPriorRate) / (P + setPriorPassages)
			f := math.Log(1/r) / norm
			if it.kind == itemEntity {
				it.w = entityWeight * math.Max(setMinFactor, math.Min(entityMaxFactor, f))
			} else {
				it.w *= math.Max(setMinFactor, math.Min(1, f))
			}
			an.mass += it.w
			if it.bridge {
				an.bmass += it.w
			}
			if it.quoted && (it.kind == itemWord || it.kind == itemNumber) {
				an.qmass += it.w
			}
		}
	}
}

// slot is the per-candidate scratch of scorePairs.
type slot struct {
	p            int32
	aOff, bOff   int32 // offsets of the two sides' bitsets
	bWords       int32
	accA, accB   float64 // matched weight
	contA, contB float64 // matched weight of words and numbers
	qA, qB       float64 // matched weight of quoted items
	qnA, qnB     int32   // number of quoted content items matched exactly
}

// scorePairs scores every pair of passages of different documents that
// share at least one feature, found through the inverted index (never all
// pairs), and returns those scoring at least floor.
func (a *Aligner) scorePairs(pr *prepared, floor float64) []pairScore {
	n := len(pr.ans)
	workers := a.workers
	if workers > n {
		workers = 1
	}
	var mu sync.Mutex
	var out []pairScore
	var wg sync.WaitGroup
	next := int32(0)
	var nextMu sync.Mutex
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slotOf := make([]int32, n)
			for i := range slotOf {
				slotOf[i] = -1
			}
			var slots []slot
			var bits []uint64
			var local []pairScore
			sets := entitySets{cache: map[string]float64{}}
			for {
				nextMu.Lock()
				pa := next
				next++
				nextMu.Unlock()
				if int(pa) >= n {
					break
				}
				A := pr.ans[pa]
				slots = slots[:0]
				bits = bits[:0]
				aWords := int32((len(A.items) + 63) / 64)
				// Each side keeps two bitsets per candidate: items matched at
				// all, and items matched exactly (same stem, translation,
				// entity, number); a WordNet-only match earns synCredit.
				credit := func(sl *slot, an *analysis, off int32, words int32, i int, exact bool, side int) {
					w := int32(i / 64)
					bit := uint64(1) << (uint(i) % 64)
					anyW, exW := &bits[off+w], &bits[off+words+w]
					var add float64
					switch {
					case *exW&bit != 0:
						return
					case exact && *anyW&bit != 0:
						add = 1 - a.p.synCredit
						*exW |= bit
					case exact:
						add = 1
						*exW |= bit
						*anyW |= bit
					case *anyW&bit != 0:
						return
					default:
						add = a.p.synCredit
						*anyW |= bit
					}
					it := &an.items[i]
					d := add * it.w
					if side == 0 {
						sl.accA += d
						if it.kind == itemWord || it.kind == itemNumber {
							sl.contA += d
						}
						if it.quoted && (it.kind == itemWord || it.kind == itemNumber) {
							sl.qA += d
							if exact {
								sl.qnA++
							}
						}
					} else {
						sl.accB += d
						if it.kind == itemWord || it.kind == itemNumber {
							sl.contB += d
						}
						if it.quoted && (it.kind == itemWord || it.kind == itemNumber) {
							sl.qB += d
							if exact {
								sl.qnB++
							}
						}
					}
				}
				mark := func(post posting, i int, exact bool) {
					if post.p <= pa {
						return
					}
					B := pr.ans[post.p]
					if B.doc == A.doc {
						return
					}
					s := slotOf[post.p]
					if s < 0 {
						s = int32(len(slots))
						slotOf[post.p] = s
						bw := int32((len(B.items) + 63) / 64)
						slots = append(slots, slot{p: post.p, aOff: int32(len(bits)), bOff: int32(len(bits)) + 2*aWords, bWords: bw})
						for k := int32(0); k < 2*aWords+2*bw; k++ {
							bits = append(bits, 0)
						}
					}
					sl := &slots[s]
					credit(sl, A, sl.aOff, aWords, i, exact, 0)
					credit(sl, B, sl.bOff, sl.bWords, int(post.it), exact, 1)
				}
				base := pr.z.base
				// Phase 1: candidates and matches through the features.
				// A frequent feature contributes a fixed-size sample of its
				// passages (so the candidates of a passage are bounded and
				// the cost stays linear); phase 2 completes its matches.
				for i := range A.items {
					it := &A.items[i]
					for _, f := range it.own {
						exact := f >= base
						if pr.frequent(f) {
							if exact {
								for _, post := range pr.sample(pr.own.get(f), pa) {
									mark(post, i, true)
								}
							}
							continue
						}
						for _, post := range pr.own.get(f) {
							mark(post, i, exact)
						}
						for _, post := range pr.up.get(f) {
							mark(post, i, false)
						}
					}
					for _, f := range it.up {
						if pr.frequent(f) {
							continue
						}
						for _, post := range pr.own.get(f) {
							mark(post, i, false)
						}
					}
				}
				// Keep the maxCandidates candidates with most matched
				// weight so far.
				if len(slots) > maxCandidates {
					sort.Slice(slots, func(x, y int) bool {
						return slots[x].accA+slots[x].accB > slots[y].accA+slots[y].accB
					})
					for _, sl := range slots[maxCandidates:] {
						slotOf[sl.p] = -1
					}
					slots = slots[:maxCandidates]
					for k := range slots {
						slotOf[slots[k].p] = int32(k)
					}
				}
				// Phase 2: the frequent features (Putin in a story about
				// Putin) only add to candidates found in phase 1, by
				// merging the two passages' sorted lists of them.
				fa := pr.freq[pa]
				for k := range slots {
					pb := slots[k].p
					fb := pr.freq[pb]
					if len(fa) == 0 || len(fb) == 0 {
						continue
					}
					// Skip the merge when even matching every frequent
					// item could not lift the pair to the floor.
					ub := slots[k]
					ub.accA += A.fmass
					ub.accB += pr.ans[pb].fmass
					ub.contA += A.fmass
					ub.contB += pr.ans[pb].fmass
					if sc, _ := a.p.pairFormula(A, pr.ans[pb], &ub, 1); sc < floor && !(A.quoted && pr.ans[pb].quoted) {
						continue
					}
					i, j := 0, 0
					for i < len(fa) && j < len(fb) {
						switch {
						case fa[i].f < fb[j].f:
							i++
						case fa[i].f > fb[j].f:
							j++
						default:
							// all combinations of equal features
							j2 := j
							for j2 < len(fb) && fb[j2].f == fa[i].f {
								x, y := fa[i], fb[j2]
								if !(x.up && y.up) {
									mark(posting{pb, y.item}, int(x.item), !x.up && !y.up && x.f >= base)
								}
								j2++
							}
							i++
						}
					}
				}
				for k := range slots {
					sl := &slots[k]
					B := pr.ans[sl.p]
					sc, q := a.p.pairFormula(A, B, sl, 0)
					ps := pairScore{a: pa, b: sl.p, score: sc, quote: q, set: sc, setQuote: q}
					if len(A.ents) >= 2 && len(B.ents) >= 2 {
						if up, _ := a.p.pairFormula(A, B, sl, 1); up >= floor {
							if x := sets.specificity(pr, &a.p, A, B); x > 0 {
								ps.set, ps.setQuote = a.p.pairFormula(A, B, sl, x)
							}
						}
					}
					if ps.set >= floor {
						local = append(local, ps)
					}
					slotOf[sl.p] = -1
				}
			}
			mu.Lock()
			out = append(out, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Slice(out, func(i, j int) bool {
		if out[i].a != out[j].a {
			return out[i].a < out[j].a
		}
		return out[i].b < out[j].b
	})
	return out
}

// pairFormula turns the matched weights of a pair into its score (see
// doc.go, "Similarity").
func (pm *params) pairFormula(A, B *analysis, sl *slot, set float64) (float64, bool) {
	same := A.lang == B.lang
	denA, denB := A.mass, B.mass
	if !same {
		denA = A.bmass + pm.crossDiscount*(A.mass-A.bmass)
		denB = B.bmass + pm.crossDiscount*(B.mass-B.bmass)
	}
	if denA <= 0 || denB <= 0 {
		return 0, false
	}
	covA := clamp01(sl.accA / denA)
	covB := clamp01(sl.accB / denB)
	if covA+covB == 0 {
		return 0, false
	}
	f := 2 * covA * covB / (covA + covB)
	// Containment: a short passage wholly inside a long one (1:n).
	c, m := covA, denA
	if denB < denA {
		c, m = covB, denB
	}
	g := m / pm.containMass
	if g > 1 {
		g = 1
	}
	s := (1-pm.containBeta)*f + pm.containBeta*c*g
	// A fact-like shared entity set (see entitySetSpecificity) is
	// evidence of its own, however differently the rest is worded.
	s += pm.entitySet * set * (1 - s)
	// Pairs sharing names but little content are penalised: the same
	// people and places appear in every passage of a story.
	cont := sl.contA
	if sl.contB > cont {
		cont = sl.contB
	}
	s *= pm.entityOnly + (1-pm.entityOnly)*min(1, cont/pm.contentFull)
	quote := false
	if A.quoted && B.quoted {
		// Quote similarity: the share of one side's quoted content found
		// anywhere in the other (the context of a quote in one outlet is
		// often inside the quote in another), with the speaker.
		compat := speakerCompat(A.speaker, B.speaker)
		// A side counts when it has enough quoted content and two of its
		// quoted words are found exactly in the other passage.
		var q float64
		if A.qmass >= pm.quoteMinMass && sl.qnA >= 2 {
			q = sl.qA / A.qmass
		}
		if B.qmass >= pm.quoteMinMass && sl.qnB >= 2 {
			if qb := sl.qB / B.qmass; qb > q {
				q = qb
			}
		}
		q = clamp01(q)
		if compat > 0 && q >= 0.3 || compat == 0 && q >= 0.5 {
			sq := 0.45*q + 0.25*f
			if compat > 0 {
				sq += 0.25
			}
			if sq > s {
				s, quote = sq, true
			}
		}
	}
	return clamp01(s), quote
}

func speakerCompat(a, b string) int {
	switch {
	case a == "" || b == "":
		return 0
	case a == b:
		return 1
	}
	return -1
}

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}

// Align links the passages of different documents that report the same
// fact (score ≥ threshold) and groups them. Links are found through an
// inverted index over passage features, so the cost grows with the number
// of passages times the number of passages sharing their features, not
// with all pairs. News reorders facts: no monotonic order is assumed, and
// one passage may link to several passages of another document.
func (a *Aligner) Align(docs []Document, threshold float64) Result {
	pr := a.prepare(docs)
	pairs := a.linkPairs(pr, threshold)
	var res Result
	for _, ps := range pairs {
		if ps.score < threshold {
			continue
		}
		A, B := pr.ans[ps.a], pr.ans[ps.b]
		res.Links = append(res.Links, Link{
			A:        pr.ref(A),
			B:        pr.ref(B),
			Score:    round3(ps.score),
			Quote:    ps.quote,
			Evidence: pr.evidence(A, B),
		})
	}
	res.Groups = a.group(pr, pairs, threshold)
	if res.Links == nil {
		res.Links = []Link{}
	}
	if res.Groups == nil {
		res.Groups = []Group{}
	}
	return res
}

// competitive keeps, between each two documents, only the pairs that come
// close to the best pair of one of their passages: a passage may link to
// several passages of another document (1:n, n:m) when they score alike,
// but not to a weak second match beside a strong first one.
func competitive(pr *prepared, pairs []pairScore, ratio float64) []pairScore {
	type key struct {
		p   int32
		doc int
	}
	best := map[key]float64{}
	for _, ps := range pairs {
		ka := key{ps.a, pr.ans[ps.b].doc}
		kb := key{ps.b, pr.ans[ps.a].doc}
		if ps.score > best[ka] {
			best[ka] = ps.score
		}
		if ps.score > best[kb] {
			best[kb] = ps.score
		}
	}
	out := pairs[:0:0]
	for _, ps := range pairs {
		ba := best[key{ps.a, pr.ans[ps.b].doc}]
		bb := best[key{ps.b, pr.ans[ps.a].doc}]
		if ps.score >= ratio*ba || ps.score >= ratio*bb {
			out = append(out, ps)
		}
	}
	return out
}

// linkPairs scores the candidate pairs of a prepared set, lowers the
// pairs of documents of different stories by crossStoryMargin and keeps
// the competitive ones scoring at least groupFloor × threshold.
func (a *Aligner) linkPairs(pr *prepared, threshold float64) []pairScore {
	floor := threshold * groupFloor
	scored := a.scorePairs(pr, floor)
	// Documents of different stories share background facts only: their
	// passages need crossStoryMargin more to link.
	stories := a.storyScores(pr, scored)
	kept := scored[:0:0]
	var cross []bool
	for _, ps := range scored {
		da, db := pr.ans[ps.a].doc, pr.ans[ps.b].doc
		isCross := stories[[2]int{min(da, db), max(da, db)}] < storyThreshold
		if isCross {
			m := crossStoryMargin
			if dateCompat(pr.docs[da], pr.docs[db]) == 0 {
				m = crossTimeMargin
			}
			ps.score = math.Max(0, ps.score-m)
		} else {
			// Within one story, a fact-like shared entity set counts.
			ps.score, ps.quote = ps.set, ps.setQuote
		}
		if ps.score >= floor {
			kept = append(kept, ps)
			cross = append(cross, isCross)
		}
	}
	kept = ownStoryFirst(kept, cross, threshold)
	return topPerPassage(competitive(pr, kept, a.p.competitive), maxPairsPerPassage)
}

// ownStoryFirst drops the links between documents of different stories
// (cross[i]) that are weaker than a link one of their passages has within
// its own story: two events of one conflict repeat each other's wording
// (two Putin–Assad meetings, told alike), and a passage whose fact its own
// story reports is better explained there.
func ownStoryFirst(pairs []pairScore, cross []bool, threshold float64) []pairScore {
	best := map[int32]float64{}
	for i, ps := range pairs {
		if cross[i] || ps.score < threshold {
			continue
		}
		best[ps.a] = math.Max(best[ps.a], ps.score)
		best[ps.b] = math.Max(best[ps.b], ps.score)
	}
	out := pairs[:0:0]
	for i, ps := range pairs {
		if cross[i] && (ps.score < best[ps.a] || ps.score < best[ps.b]) {
			continue
		}
		out = append(out, ps)
	}
	return out
}

// maxPairsPerPassage bounds the pairs a passage keeps (its best ones; a
// pair stays when it is among the best of either passage), so the number
// of links, and the cost of grouping, grow linearly with the passages even
// when a hundred articles repeat one fact.
const maxPairsPerPassage = 12

func topPerPassage(pairs []pairScore, k int) []pairScore {
	by := map[int32][]int{}
	for i, p := range pairs {
		by[p.a] = append(by[p.a], i)
		by[p.b] = append(by[p.b], i)
	}
	keep := make([]bool, len(pairs))
	for _, idx := range by {
		if len(idx) > k {
			sort.Slice(idx, func(x, y int) bool { return pairs[idx[x]].score > pairs[idx[y]].score })
			idx = idx[:k]
		}
		for _, i := range idx {
			keep[i] = true
		}
	}
	out := pairs[:0:0]
	for i, p := range pairs {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func (pr *prepared) ref(an *analysis) Ref {
	d := pr.docs[an.doc]
	return Ref{Document: d.ID, Passage: d.Passages[an.idx].ID}
}

// featureMaps returns, for a passage, the first item carrying each own
// feature and each hypernym feature (built once per passage and call).
func (pr *prepared) featureMaps(B *analysis) (map[uint32]int, map[uint32]int) {
	if B.byFeat != nil {
		return B.byFeat, B.byUp
	}
	byFeat := map[uint32]int{}
	byUp := map[uint32]int{}
	for j := range B.items {
		for _, f := range B.items[j].own {
			if _, ok := byFeat[f]; !ok {
				byFeat[f] = j
			}
		}
		for _, f := range B.items[j].up {
			if _, ok := byUp[f]; !ok {
				byUp[f] = j
			}
		}
	}
	B.byFeat, B.byUp = byFeat, byUp
	return byFeat, byUp
}

// evidence lists what two passages share.
func (pr *prepared) evidence(A, B *analysis) Evidence {
	byFeat, byUp := pr.featureMaps(B)
	ev := Evidence{Entities: []string{}, Numbers: []string{}, Terms: []string{}}
	seen := map[string]bool{}
	for i := range A.items {
		it := &A.items[i]
		j := -1
		for _, f := range it.own {
			if k, ok := byFeat[f]; ok {
				j = k
				break
			}
			if k, ok := byUp[f]; ok {
				j = k
				break
			}
		}
		if j < 0 {
			for _, f := range it.up {
				if k, ok := byFeat[f]; ok {
					j = k
					break
				}
			}
		}
		if j < 0 {
			continue
		}
		var s string
		switch it.kind {
		case itemEntity:
			s = it.text
			if !seen["e"+s] {
				ev.Entities = append(ev.Entities, s)
			}
			seen["e"+s] = true
			continue
		case itemNumber:
			s = it.text
			if bt := B.items[j].text; bt != s && len(bt) < len(s) {
				s = bt
			}
			if !seen["n"+s] {
				ev.Numbers = append(ev.Numbers, s)
			}
			seen["n"+s] = true
			continue
		case itemBigram:
			continue
		}
		s = it.text
		if bt := B.items[j].text; bt != s {
			s += "/" + bt
		}
		if !seen["t"+s] && len(ev.Terms) < 16 {
			ev.Terms = append(ev.Terms, s)
			seen["t"+s] = true
		}
	}
	return ev
}

// Shared entity sets (see doc.go, "Similarity"). Two passages of different
// documents that name together several entities which the rest of the set
// does not name together (Hmeimim with Tartus, Egypt with Turkey) most
// likely report one fact, however differently they word it. A set is
// fact-like when
//   - no document names it in more than two passages (a fact is told once,
//     twice when a caption or headline repeats the lead; a set a document
//     keeps naming, such as Putin with Syria, is its background),
//   - no more passages name it than there are documents, and
//   - it is named more often than its entities would be named together by
//     chance: cf, the passages naming the whole set, against the count
//     expected if each entity were named independently (its share of the
//     passages smoothed like item weights, see weighBySet). The evidence
//     grows with log(cf/expected) and is full at params.setLift times
//     the expected count.
//
// The evidence counts between documents of one story only (linkPairs).

// entitySets caches the specificity of shared entity sets within one
// worker of scorePairs.
type entitySets struct {
	cache map[string]float64
	buf   []uint32
	key   []byte
}

// specificity returns, in [0, 1], how fact-like the set of entities A and
// B share is (0 for fewer than two shared entities).
func (es *entitySets) specificity(pr *prepared, pm *params, A, B *analysis) float64 {
	S := es.buf[:0]
	i, j := 0, 0
	for i < len(A.ents) && j < len(B.ents) {
		switch {
		case A.ents[i] < B.ents[j]:
			i++
		case A.ents[i] > B.ents[j]:
			j++
		default:
			S = append(S, A.ents[i])
			i++
			j++
		}
	}
	es.buf = S
	if len(S) < 2 {
		return 0
	}
	key := es.key[:0]
	for _, f := range S {
		key = append(key, byte(f>>24), byte(f>>16), byte(f>>8), byte(f))
	}
	es.key = key
	if x, ok := es.cache[string(key)]; ok {
		return x
	}
	x := pr.entitySetSpecificity(S, pm)
	es.cache[string(key)] = x
	return x
}

// entitySetSpecificity scores a sorted set of entity features (see
// entitySets).
func (pr *prepared) entitySetSpecificity(S []uint32, pm *params) float64 {
	rare := pr.entPosts[S[0]]
	for _, f := range S[1:] {
		if ps := pr.entPosts[f]; len(ps) < len(rare) {
			rare = ps
		}
	}
	cf := 0
	perDoc := map[int]int{}
	for _, p := range rare {
		an := pr.ans[p]
		if !containsAll(an.ents, S) {
			continue
		}
		perDoc[an.doc]++
		if perDoc[an.doc] > maxGroupPerDoc {
			return 0 // a document keeps naming the set: background
		}
		cf++
	}
	if cf > len(pr.docs) {
		return 0 // more passages than documents name it: background
	}
	// Expected number of passages naming the whole set if its entities
	// were named independently (each entity's share smoothed like item
	// weights); the evidence is how far cf exceeds it.
	P := float64(len(pr.ans))
	exp := P
	for _, f := range S {
		exp *= (float64(len(pr.entPosts[f])) + setPriorPassages*setPriorRate) / (P + setPriorPassages)
	}
	lift := float64(cf) / exp
	return clamp01(math.Log(lift) / math.Log(pm.setLift))
}

// containsAll reports whether the sorted set has every element of the
// sorted sub.
func containsAll(set, sub []uint32) bool {
	i := 0
	for _, f := range sub {
		for i < len(set) && set[i] < f {
			i++
		}
		if i == len(set) || set[i] != f {
			return false
		}
		i++
	}
	return true
}
