package names

import (
	"slices"
	"strings"
)

// Group is one entity among the names given to [Matcher.Group]: its
// canonical name and the indices of its names, ascending.
type Group struct {
	Canonical string
	Members   []int
}

// Group partitions names into entities; every index appears in exactly one
// group. Groups are ordered by their first member.
//
//  1. Names that resolve to one gazetteer entity ([Matcher.Resolve]) form
//     its group, named by its canonical name; names resolving to different
//     entities are never merged (Iran and Iraq stay apart even if a
//     similarity said otherwise).
//  2. The other names are taken longest first (most words, then longest);
//     each joins the group holding the name it is most similar to, if that
//     similarity reaches [SameThreshold] ([Same]).
//  3. A one-word name that only matches as the last word of longer names
//     ("Assad" against "Bashar al-Assad") joins only if those names are in
//     one group; otherwise it forms its own.
//
// Unresolved groups are named by their longest member (most words), ties
// going to the most frequent, then the first.
func (m *Matcher) Group(names []string) []Group {
	return m.GroupWithAliases(names, nil)
}

// GroupWithAliases is Group with aliases learnt from the texts
// ([LearnAliases]): names whose keys match the two sides of an alias are
// put in one group, unless they resolve to different entities.
func (m *Matcher) GroupWithAliases(names []string, aliases []Alias) []Group {
	n := len(names)
	infos := make([]nameInfo, n)
	ents := make([]int, n)
	parent := make([]int, n)
	for i, s := range names {
		infos[i] = newNameInfo(s)
		ents[i], _ = m.resolve(s, "", "")
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// entity of each cluster, kept at its root: -1 none
	rootEnt := slices.Clone(ents)
	clusterEnt := func(r int) int { return rootEnt[r] }
	union := func(a, b int) bool {
		ra, rb := find(a), find(b)
		if ra == rb {
			return true
		}
		ea, eb := clusterEnt(ra), clusterEnt(rb)
		if ea >= 0 && eb >= 0 && ea != eb {
			return false
		}
		e := max(ea, eb)
		if ra < rb {
			parent[rb] = ra
			rootEnt[ra] = e
		} else {
			parent[ra] = rb
			rootEnt[rb] = e
		}
		return true
	}
	// 1. resolved names
	firstOf := map[int]int{}
	for i := range n {
		if ents[i] < 0 {
			continue
		}
		if f, ok := firstOf[ents[i]]; ok {
			union(f, i)
		} else {
			firstOf[ents[i]] = i
		}
	}
	// identical keys always belong together (unless resolved apart)
	byKey := map[string]int{}
	for i := range n {
		if infos[i].compact == "" {
			continue
		}
		if f, ok := byKey[infos[i].compact]; ok {
			if ents[i] < 0 || ents[f] < 0 {
				union(f, i)
			}
		} else {
			byKey[infos[i].compact] = i
		}
	}
	// aliases
	for _, a := range aliases {
		ka, kb := compactKey(a.A), compactKey(a.B)
		ia, okA := byKey[ka]
		ib, okB := byKey[kb]
		if okA && okB {
			union(ia, ib)
		}
	}
	// 2./3. unresolved names, longest first
	order := make([]int, 0, n)
	for i := range n {
		if ents[i] < 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := len(infos[b].words) - len(infos[a].words); d != 0 {
			return d
		}
		return len(infos[b].compact) - len(infos[a].compact)
	})
	done := make([]bool, n)
	for i := range n {
		done[i] = ents[i] >= 0
	}
	for _, i := range order {
		bestFull, bestFullScore := -1, 0.0
		partialRoots := map[int]bool{}
		for j := range n {
			if j == i || !done[j] || find(j) == find(i) {
				continue
			}
			th := threshold(infos[i], infos[j])
			la, lb := len(infos[i].compact), len(infos[j].compact)
			if la*3 < lb && len(infos[i].words) >= len(infos[j].words) || lb*3 < la && len(infos[j].words) >= len(infos[i].words) {
				continue // too different in length for any rule to join them
			}
			full := fullSim(infos[i], infos[j])
			if full >= th && full > bestFullScore {
				bestFull, bestFullScore = j, full
			}
			if full < th && len(infos[i].words) < len(infos[j].words) && partialPair(infos[i], infos[j]) >= th {
				partialRoots[find(j)] = true
			}
		}
		switch {
		case bestFull >= 0:
			union(bestFull, i)
		case len(partialRoots) == 1:
			for r := range partialRoots {
				union(r, i)
			}
		}
		done[i] = true
	}
	// collect
	groups := map[int]*Group{}
	var roots []int
	for i := range n {
		r := find(i)
		g, ok := groups[r]
		if !ok {
			g = &Group{}
			groups[r] = g
			roots = append(roots, r)
		}
		g.Members = append(g.Members, i)
	}
	out := make([]Group, 0, len(roots))
	for _, r := range roots {
		g := groups[r]
		if e := clusterEnt(r); e >= 0 {
			g.Canonical = m.ents[e].Canonical
		} else {
			g.Canonical = representative(names, infos, g.Members)
		}
		out = append(out, *g)
	}
	return out
}

// partialPair is partialSim with the scripts' cost model.
func partialPair(a, b nameInfo) float64 {
	cm := modelFor(a.script, b.script)
	if cm.sided && !isSideA(a.script, cm) {
		a, b = b, a
	}
	return partialSim(a, b, cm)
}

// fullSim is similarity without the partial-name rule.
func fullSim(a, b nameInfo) float64 {
	if a.compact == "" || b.compact == "" {
		return 0
	}
	if a.compact == b.compact {
		return 1
	}
	if a.script == Han && b.script == Han {
		return 0
	}
	cm := modelFor(a.script, b.script)
	if cm.sided && !isSideA(a.script, cm) {
		a, b = b, a
	}
	s := stringSim(a.compact, b.compact, cm)
	if len(a.words) > 1 && len(b.words) > 1 && a.sorted != a.compact {
		s = max(s, stringSim(a.sorted, b.sorted, cm))
	}
	return max(s, altSim(a, b, cm))
}

func representative(names []string, infos []nameInfo, members []int) string {
	count := map[string]int{}
	for _, i := range members {
		count[strings.TrimSpace(names[i])]++
	}
	best := members[0]
	for _, i := range members[1:] {
		a, b := infos[i], infos[best]
		switch {
		case len(a.words) != len(b.words):
			if len(a.words) > len(b.words) {
				best = i
			}
		case count[strings.TrimSpace(names[i])] > count[strings.TrimSpace(names[best])]:
			best = i
		}
	}
	return strings.TrimSpace(names[best])
}
