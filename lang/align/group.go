package align

import (
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Grouping constants (see doc.go, "Groups").
const (
	// groupFloor: pairs scoring at least groupFloor × threshold count in
	// the average linkage (weaker pairs count as 0).
	groupFloor = 0.6
	// avgLinkage: two groups merge only if the mean score over all their
	// cross-document passage pairs is at least avgLinkage × threshold, so
	// a single bridge cannot chain two unrelated facts.
	avgLinkage = 0.8
	// strongLink: a group may hold two passages of one document only if
	// the groups being merged are this strongly linked on average.
	strongLink = 0.6
	// maxGroupPerDoc caps a group at this many passages per document.
	maxGroupPerDoc = 2
)

// group clusters linked passages: constrained average-linkage clustering
// over the scored pairs, strongest links first; then the passages a
// clustering left alone may form groups with a passage that bundles
// several facts (see secondary).
func (a *Aligner) group(pr *prepared, pairs []pairScore, threshold float64) []Group {
	n := len(pr.ans)
	score := make(map[[2]int32]float64, len(pairs))
	quote := make(map[[2]int32]bool)
	for _, p := range pairs {
		score[[2]int32{p.a, p.b}] = p.score
		if p.quote {
			quote[[2]int32{p.a, p.b}] = true
		}
	}
	get := func(x, y int32) float64 {
		if x > y {
			x, y = y, x
		}
		return score[[2]int32{x, y}]
	}
	docOf := make([]int, n)
	for i, an := range pr.ans {
		docOf[i] = an.doc
	}
	clusters := cluster(docOf, pairs, len(pr.docs), threshold)
	clusters = append(clusters, secondary(docOf, pairs, clusters, len(pr.docs), threshold)...)
	var groups []Group
	var firsts []int32
	for _, ms := range clusters {
		sort.Slice(ms, func(i, j int) bool { return ms[i] < ms[j] })
		grp := Group{Kind: "fact", Passages: make([]Ref, 0, len(ms)), Diff: []Diff{}}
		for _, m := range ms {
			grp.Passages = append(grp.Passages, pr.ref(pr.ans[m]))
		}
		// Quote group: most of its direct links are quote links.
		var ql, all int
		speakers := map[string]int{}
		for i, x := range ms {
			for _, y := range ms[i+1:] {
				if get(x, y) >= threshold {
					all++
					k := [2]int32{min(x, y), max(x, y)}
					if quote[k] {
						ql++
					}
				}
			}
			if pr.ans[x].quoted && pr.ans[x].speaker != "" {
				speakers[pr.ans[x].speaker]++
			}
		}
		if all > 0 && 2*ql >= all && ql > 0 {
			grp.Kind = "quote"
			best, bc := "", 0
			for s, c := range speakers {
				if c > bc || c == bc && s < best {
					best, bc = s, c
				}
			}
			grp.Speaker = best
		}
		grp.Diff = pr.diffs(ms)
		groups = append(groups, grp)
		firsts = append(firsts, ms[0])
	}
	// Groups in reading order of their earliest passage.
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return firsts[order[i]] < firsts[order[j]] })
	sorted := make([]Group, len(groups))
	for i, k := range order {
		sorted[i] = groups[k]
		sorted[i].ID = i + 1
	}
	return sorted
}

// cluster is constrained average-linkage clustering over nodes (passages,
// or copies of passages; docOf gives each node's document) and their
// scored pairs (node indices), strongest links (≥ threshold) first. It
// returns the clusters of two nodes or more.
func cluster(docOf []int, pairs []pairScore, nDocs int, threshold float64) [][]int32 {
	n := len(docOf)
	type edge struct {
		q int32
		s float64
	}
	var links []pairScore
	adj := make([][]edge, n)
	for _, p := range pairs {
		adj[p.a] = append(adj[p.a], edge{p.b, p.score})
		adj[p.b] = append(adj[p.b], edge{p.a, p.score})
		if p.score >= threshold {
			links = append(links, p)
		}
	}
	sort.SliceStable(links, func(i, j int) bool { return links[i].score > links[j].score })
	groupOf := make([]int32, n)
	members := make([][]int32, n)
	for i := range groupOf {
		groupOf[i] = int32(i)
		members[i] = []int32{int32(i)}
	}
	maxSize := maxGroupPerDoc * nDocs
	for _, l := range links {
		ga, gb := groupOf[l.a], groupOf[l.b]
		if ga == gb {
			continue
		}
		ma, mb := members[ga], members[gb]
		if len(ma)+len(mb) > maxSize {
			continue
		}
		// Two passages of one document in the merged group: unless the
		// groups are strongly linked, the one that links less to the other
		// group's passages (a headline summing up several facts, say)
		// leaves and the merge is judged without it.
		docsA := map[int][]int32{}
		for _, x := range ma {
			d := docOf[x]
			docsA[d] = append(docsA[d], x)
		}
		var drop []int32
		perDoc := map[int]int{}
		for d, xs := range docsA {
			perDoc[d] = len(xs)
		}
		tooMany := false
		for _, y := range mb {
			d := docOf[y]
			perDoc[d]++
			if perDoc[d] > maxGroupPerDoc {
				tooMany = true
			}
		}
		if tooMany {
			continue
		}
		// Sums run over the scored pairs (each passage keeps at most
		// maxPairsPerPassage), counts over all cross-document pairs, so
		// the cost is linear in the group sizes.
		mean := func(x int32, others []int32) float64 {
			g := groupOf[others[0]]
			var s float64
			for _, e := range adj[x] {
				if groupOf[e.q] == g {
					s += e.s
				}
			}
			n := 0
			for _, y := range others {
				if docOf[y] != docOf[x] {
					n++
				}
			}
			if n == 0 {
				return 0
			}
			return s / float64(n)
		}
		avgOf := func(xa, xb []int32, skip map[int32]bool) float64 {
			if len(xa) > len(xb) {
				xa, xb = xb, xa
			}
			gb := groupOf[xb[0]]
			var sum float64
			ca, cb := map[int]int{}, map[int]int{}
			na, nb := 0, 0
			for _, x := range xa {
				if skip[x] {
					continue
				}
				na++
				ca[docOf[x]]++
				for _, e := range adj[x] {
					if groupOf[e.q] == gb && !skip[e.q] {
						sum += e.s
					}
				}
			}
			for _, y := range xb {
				if !skip[y] {
					nb++
					cb[docOf[y]]++
				}
			}
			cnt := na * nb
			for d, c := range ca {
				cnt -= c * cb[d]
			}
			if cnt <= 0 {
				return 0
			}
			return sum / float64(cnt)
		}
		avg := avgOf(ma, mb, nil)
		if avg < avgLinkage*threshold {
			continue
		}
		conflict := false
		for _, y := range mb {
			for _, x := range docsA[docOf[y]] {
				conflict = true
				if avg >= strongLink {
					continue
				}
				// keep the passage that links better across the merge
				if mean(x, mb) >= mean(y, ma) {
					drop = append(drop, y)
				} else {
					drop = append(drop, x)
				}
			}
		}
		if conflict && len(drop) > 0 {
			skip := map[int32]bool{}
			for _, x := range drop {
				skip[x] = true
			}
			if avgOf(ma, mb, skip) < avgLinkage*threshold || skip[l.a] || skip[l.b] {
				continue
			}
			for _, x := range drop {
				g := groupOf[x]
				ms := members[g][:0]
				for _, m := range members[g] {
					if m != x {
						ms = append(ms, m)
					}
				}
				members[g] = ms
				groupOf[x] = int32(len(members))
				members = append(members, []int32{x})
			}
			ma, mb = members[ga], members[gb]
		}
		// merge the smaller into the larger
		if len(ma) < len(mb) {
			ga, gb = gb, ga
			ma, mb = mb, ma
		}
		for _, y := range mb {
			groupOf[y] = ga
		}
		members[ga] = append(ma, mb...)
		members[gb] = nil
	}
	var out [][]int32
	for _, ms := range members {
		if len(ms) >= 2 {
			out = append(out, ms)
		}
	}
	return out
}

// secondary lets a passage that bundles several facts ("In an unannounced
// visit to Syria, en route to Egypt and Turkey, Putin toured the base where
// he was met by Assad") report a second fact with passages the clustering
// left alone: each grouped passage linked to such passages takes part, as
// a copy of itself that knows only its links to them, in a clustering of
// those passages. The groups that come out hold the copied passage and at
// least two passages of no other group; the bundle then belongs to two
// groups (n:m), and since a copy links to ungrouped passages only, no two
// groups are chained through it.
func secondary(docOf []int, pairs []pairScore, clusters [][]int32, nDocs int, threshold float64) [][]int32 {
	grouped := make([]bool, len(docOf))
	for _, ms := range clusters {
		for _, m := range ms {
			grouped[m] = true
		}
	}
	// nodes: the ungrouped passages, then the copies
	node := map[int32]int32{}
	var orig []int32
	var nodeDoc []int
	add := func(p int32) int32 {
		if k, ok := node[p]; ok {
			return k
		}
		k := int32(len(orig))
		node[p] = k
		orig = append(orig, p)
		nodeDoc = append(nodeDoc, docOf[p])
		return k
	}
	var sub []pairScore
	hasCopy := false
	for _, p := range pairs {
		ga, gb := grouped[p.a], grouped[p.b]
		switch {
		case !ga && !gb:
			q := p
			q.a, q.b = add(p.a), add(p.b)
			sub = append(sub, q)
		case ga != gb:
			hasCopy = true
			q := p
			q.a, q.b = add(p.a), add(p.b)
			sub = append(sub, q)
		}
	}
	if !hasCopy {
		return nil
	}
	var out [][]int32
	for _, ms := range cluster(nodeDoc, sub, nDocs, threshold) {
		alone := 0
		var ps []int32
		for _, m := range ms {
			ps = append(ps, orig[m])
			if !grouped[orig[m]] {
				alone++
			}
		}
		if alone >= 2 && alone < len(ms) {
			out = append(out, ps)
		}
	}
	return out
}

// diffs compares, for each language of a group with two or more
// passages, the first passage (the base) with each other one.
func (pr *prepared) diffs(ms []int32) []Diff {
	out := []Diff{}
	base := map[string]int32{}
	for _, m := range ms {
		an := pr.ans[m]
		b, ok := base[an.lang]
		if !ok {
			base[an.lang] = m
			continue
		}
		A := pr.docs[pr.ans[b].doc].Passages[pr.ans[b].idx].Text
		B := pr.docs[an.doc].Passages[an.idx].Text
		out = append(out, Diff{A: pr.ref(pr.ans[b]), B: pr.ref(an), Ops: WordDiff(A, B)})
	}
	return out
}

// WordDiff is a word-level diff of two renderings of a passage: the texts
// are cut into words and the runs of spaces and punctuation between them
// (so a changed word never splits), each distinct piece is mapped to one
// rune, and sergi/go-diff's Myers diff runs over those runes (the
// line-mode trick of diff-match-patch, applied to words). Ops concatenate
// back to A (equal + delete) and to B (equal + insert).
func WordDiff(a, b string) []DiffOp {
	dmp := diffmatchpatch.New()
	pieces := map[string]rune{}
	var table []string
	encode := func(s string) string {
		var sb strings.Builder
		for _, w := range splitWords(s) {
			r, ok := pieces[w]
			if !ok {
				// Private Use Area first, then supplementary planes.
				r = rune(0xE000 + len(table))
				if r > 0xF8FF {
					r = rune(0xF0000 + len(table) - (0xF8FF - 0xE000 + 1))
				}
				pieces[w] = r
				table = append(table, w)
			}
			sb.WriteRune(r)
		}
		return sb.String()
	}
	ea, eb := encode(a), encode(b)
	ds := dmp.DiffMain(ea, eb, false)
	ops := make([]DiffOp, 0, len(ds))
	for _, d := range ds {
		var sb strings.Builder
		for _, r := range d.Text {
			i := int(r - 0xE000)
			if r >= 0xF0000 {
				i = int(r-0xF0000) + (0xF8FF - 0xE000 + 1)
			}
			sb.WriteString(table[i])
		}
		op := "equal"
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = "insert"
		case diffmatchpatch.DiffDelete:
			op = "delete"
		}
		if n := len(ops); n > 0 && ops[n-1].Op == op {
			ops[n-1].Text += sb.String()
			continue
		}
		ops = append(ops, DiffOp{Op: op, Text: sb.String()})
	}
	return ops
}

// splitWords cuts s into alternating word and non-word pieces that
// concatenate back to s. Han characters are pieces of their own.
func splitWords(s string) []string {
	var out []string
	start := 0
	kind := -1
	for i, r := range s {
		k := 0
		switch {
		case isHan(r):
			k = 2
		case isWordRune(r) || r >= '0' && r <= '9' || isApostrophe(r) && kind == 1:
			k = 1
		}
		if i > start && (k != kind || k == 2) {
			out = append(out, s[start:i])
			start = i
		}
		kind = k
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
