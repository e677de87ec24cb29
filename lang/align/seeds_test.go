package align

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// goldSet is the parsed seed gold (testdata/seeds_gold.tsv).
type goldSet struct {
	groups map[string][]Ref
	// accept holds, per group, the optional members (optional-group rows):
	// a group holding one spans that member's outlet.
	accept   map[string][]Ref
	kinds    map[string]string
	speakers map[string]string
	order    []string
	required map[[2]Ref]bool
	optional map[[2]Ref]bool
	isolated []Ref
}

func pairKey(a, b Ref) [2]Ref {
	if a.Document > b.Document || a.Document == b.Document && a.Passage > b.Passage {
		a, b = b, a
	}
	return [2]Ref{a, b}
}

// readGold resolves the gold's sentence snippets against the documents.
// Rows naming a document outside docs are left out (the gold of a subset
// of the seeds).
func readGold(t *testing.T, docs []Document, path string) goldSet {
	t.Helper()
	byID := map[string]Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	// Optional rows may name sentences the product's cleaning drops (a
	// headline repeated from the title): they are then skipped. Required
	// rows must find their sentence.
	optionalRow := false
	find := func(doc, snippet string) []Ref {
		d, ok := byID[doc]
		if !ok {
			if doc < "000" || doc > "004" {
				t.Fatalf("gold: unknown document %q", doc)
			}
			return nil
		}
		var out []Ref
		for _, p := range d.Passages {
			if strings.HasPrefix(p.Text, snippet) {
				out = append(out, Ref{doc, p.ID})
			}
		}
		if len(out) == 0 && !optionalRow {
			t.Fatalf("gold: no sentence of %s starts with %q", doc, snippet)
		}
		return out
	}
	g := goldSet{groups: map[string][]Ref{}, accept: map[string][]Ref{}, kinds: map[string]string{}, speakers: map[string]string{},
		required: map[[2]Ref]bool{}, optional: map[[2]Ref]bool{}}
	var optGroups [][3]string
	for _, row := range readTSV(t, path) {
		optionalRow = row[0] == "optional" || row[0] == "optional-group"
		switch row[0] {
		case "group":
			g.order = append(g.order, row[1])
			g.kinds[row[1]] = row[2]
			if len(row) > 3 {
				g.speakers[row[1]] = row[3]
			}
		case "member":
			g.groups[row[1]] = append(g.groups[row[1]], find(row[2], row[3])...)
		case "link", "optional":
			for _, a := range find(row[1], row[2]) {
				for _, b := range find(row[3], row[4]) {
					if row[0] == "link" {
						g.required[pairKey(a, b)] = true
					} else {
						g.optional[pairKey(a, b)] = true
					}
				}
			}
		case "optional-group":
			optGroups = append(optGroups, [3]string{row[1], row[2], row[3]})
		case "isolated":
			g.isolated = append(g.isolated, find(row[1], row[2])...)
		default:
			t.Fatalf("gold: unknown row %q", row)
		}
	}
	for _, name := range g.order {
		ms := g.groups[name]
		for i, a := range ms {
			for _, b := range ms[i+1:] {
				if a.Document != b.Document {
					g.required[pairKey(a, b)] = true
				}
			}
		}
	}
	optionalRow = true
	for _, og := range optGroups {
		for _, a := range find(og[1], og[2]) {
			g.accept[og[0]] = append(g.accept[og[0]], a)
			for _, b := range g.groups[og[0]] {
				if a.Document != b.Document {
					g.optional[pairKey(a, b)] = true
				}
			}
		}
	}
	for k := range g.required {
		delete(g.optional, k)
	}
	return g
}

// TestSeedAlignment measures the links and groups of the seed articles
// against testdata/seeds_gold.tsv in three settings: all five seeds; the
// four articles of the Hmeimim story (000–003), which is what the server
// aligns; and those four with opaque entity ids, as the server stores them
// ("e12" rather than "vladimir-putin"). The requirement, checked in each:
// link precision and recall ≥ 0.8, every gold group recovered across the
// outlets that report it, the "never seen" quote one quote group with
// Putin as speaker, and the isolated passages unlinked.
func TestSeedAlignment(t *testing.T) {
	all := seedDocs(t)
	opaque, ids := opaqueEntityIDs(all[:4])
	cases := []struct {
		name string
		docs []Document
		ids  map[string]string // gold entity id → id in docs (nil: same)
	}{
		{"five", all, nil},
		{"hmeimim-story", all[:4], nil},
		{"hmeimim-story/opaque-ids", opaque, ids},
	}
	a := fullAligner(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkSeeds(t, a, tc.docs, tc.ids)
		})
	}
}

// opaqueEntityIDs renames the entity ids of docs to opaque keys ("e1",
// "e2", … in order of first appearance), as the server passes them, and
// returns the renaming.
func opaqueEntityIDs(docs []Document) ([]Document, map[string]string) {
	ids := map[string]string{}
	rename := func(id string) string {
		if _, ok := ids[id]; !ok {
			ids[id] = fmt.Sprintf("e%d", len(ids)+1)
		}
		return ids[id]
	}
	out := make([]Document, len(docs))
	for i, d := range docs {
		out[i] = d
		out[i].Passages = make([]Passage, len(d.Passages))
		for j, p := range d.Passages {
			q := p
			q.Entities = nil
			q.Mentions = nil
			for _, e := range p.Entities {
				q.Entities = append(q.Entities, rename(e))
			}
			for _, m := range p.Mentions {
				m.Entity = rename(m.Entity)
				q.Mentions = append(q.Mentions, m)
			}
			out[i].Passages[j] = q
		}
	}
	return out, ids
}

func checkSeeds(t *testing.T, a *Aligner, docs []Document, ids map[string]string) {
	gold := readGold(t, docs, filepath.Join("testdata", "seeds_gold.tsv"))
	res := a.Align(docs, a.DefaultThreshold())
	text := map[Ref]string{}
	for _, d := range docs {
		for _, p := range d.Passages {
			text[Ref{d.ID, p.ID}] = p.Text
		}
	}
	short := func(r Ref) string {
		s := text[r]
		if len(s) > 60 {
			s = s[:60]
		}
		return fmt.Sprintf("%s/%s %q", r.Document, r.Passage, s)
	}
	found := map[[2]Ref]bool{}
	var tp, fp int
	for _, l := range res.Links {
		k := pairKey(l.A, l.B)
		found[k] = true
		switch {
		case gold.required[k]:
			tp++
		case gold.optional[k]:
		default:
			fp++
			t.Logf("false link %.3f: %s — %s %v", l.Score, short(l.A), short(l.B), l.Evidence.Terms)
		}
	}
	var missed []string
	for k := range gold.required {
		if !found[k] {
			missed = append(missed, short(k[0])+" — "+short(k[1]))
		}
	}
	sort.Strings(missed)
	for _, m := range missed {
		t.Logf("missed link: %s", m)
	}
	prec := float64(tp) / float64(max(1, tp+fp))
	rec := float64(tp) / float64(max(1, len(gold.required)))
	t.Logf("seed links: %d found, %d required; precision %.3f (%d/%d), recall %.3f (%d/%d)",
		len(res.Links), len(gold.required), prec, tp, tp+fp, rec, tp, len(gold.required))
	if prec < 0.8 {
		t.Errorf("link precision %.3f, want ≥ 0.8", prec)
	}
	if rec < 0.8 {
		t.Errorf("link recall %.3f, want ≥ 0.8", rec)
	}

	t.Run("isolated", func(t *testing.T) {
		for _, r := range gold.isolated {
			for _, l := range res.Links {
				if l.A == r || l.B == r {
					t.Errorf("%s links to %s (score %.3f), want no link", short(r), short(other(l, r)), l.Score)
				}
			}
		}
	})

	t.Run("groups", func(t *testing.T) {
		groupOf := map[Ref]int{}
		for i, g := range res.Groups {
			for _, r := range g.Passages {
				groupOf[r] = i
			}
		}
		inGold := map[Ref]string{}
		for n, ms := range gold.groups {
			for _, r := range ms {
				inGold[r] = n
			}
		}
		found := 0
		for _, name := range gold.order {
			members := gold.groups[name]
			// the predicted group holding most of the gold members
			count := map[int]int{}
			for _, r := range members {
				if gi, ok := groupOf[r]; ok {
					count[gi]++
				}
			}
			best, bc := -1, 0
			for gi, c := range count {
				if c > bc || c == bc && gi < best {
					best, bc = gi, c
				}
			}
			if best < 0 || bc < 2 {
				t.Errorf("gold group %s: not recovered (best group holds %d of %d members)", name, bc, len(members))
				continue
			}
			g := res.Groups[best]
			ok := true
			// The group spans every outlet that reports the fact: it
			// holds a member (or an acceptable passage) of each.
			in := map[Ref]bool{}
			for _, r := range g.Passages {
				in[r] = true
			}
			spans := map[string]bool{}
			for _, r := range append(append([]Ref{}, members...), gold.accept[name]...) {
				if in[r] {
					spans[r.Document] = true
				}
			}
			for _, r := range members {
				if !spans[r.Document] {
					t.Errorf("group %d (%s) holds nothing of outlet %s (gold member %s)", g.ID, name, r.Document, short(r))
					spans[r.Document] = true // once per outlet
					ok = false
				}
			}
			// A passage of another gold group may be here too when it
			// reports both facts (a required link to a member: it
			// bundles them).
			for _, r := range g.Passages {
				if n, in := inGold[r]; in && n != name && !linkedTo(gold, r, members) {
					t.Errorf("group %d (%s) also holds %s of gold group %s", g.ID, name, short(r), n)
					ok = false
				}
			}
			if g.Kind != gold.kinds[name] {
				t.Errorf("group %d (%s) kind: got %q, want %q", g.ID, name, g.Kind, gold.kinds[name])
				ok = false
			}
			if sp := gold.speakers[name]; sp != "" {
				if id, renamed := ids[sp]; renamed {
					sp = id
				}
				if g.Speaker != sp {
					t.Errorf("group %d (%s) speaker: got %q, want %q", g.ID, name, g.Speaker, sp)
					ok = false
				}
			}
			if ok {
				found++
			}
			t.Logf("gold group %s → group %d: %d passages, %d of %d gold members, kind %s, speaker %q", name, g.ID, len(g.Passages), bc, len(members), g.Kind, g.Speaker)
		}
		t.Logf("gold groups recovered: %d of %d", found, len(gold.order))
	})
}

// linkedTo reports whether the gold requires a link from r to one of
// members.
func linkedTo(gold goldSet, r Ref, members []Ref) bool {
	for _, m := range members {
		if gold.required[pairKey(r, m)] {
			return true
		}
	}
	return false
}

func other(l Link, r Ref) Ref {
	if l.A == r {
		return l.B
	}
	return l.A
}
