package names

import (
	"bytes"
	"strings"
	"testing"

	"interlinear/seeds"
)

// TestSeeds extracts the mentions of the five seed articles line by line
// (as passages), groups them with the aliases the lines define, and checks
// the spelling variants the articles are known for (see the seeds README):
// variants of one entity form one group, different entities do not. It
// runs with the project gazetteer (seeds.Gazetteer), the test gazetteer,
// and with none (where only transliteration and aliases can join names).
func TestSeeds(t *testing.T) {
	arts, err := seeds.Articles()
	if err != nil {
		t.Fatal(err)
	}
	full := [][]string{
		{"Hmeymim", "Hmeimim", "Khmeimim", "Хмеймим"},
		{"Bashar al-Assad", "al-Assad", "Assad"},
		{"Daesh", "ISIS", "ISIL", "Islamic State", "Islamic State of Iraq and the Levant", "Islamic State group"},
		{"Recep Tayyip Erdogan", "Erdogan"},
		{"Sergey Shoygu", "Shoygu", "Шойгу"},
		{"Hizballah", "Hezbollah"},
		{"Vladimir Putin", "Putin"},
	}
	apart := [][2]string{
		{"Syria", "Syrian Arab Army"}, {"Iran", "Iraq"}, {"Russia", "Russian forces"},
		{"Putin", "Assad"}, {"Tartus", "Latakia"}, {"Egypt", "Turkey"},
		{"Syria", "Russia"}, {"Daesh", "al-Nusra Front"}, {"Hmeimim", "Tartus"},
		{"Syrian National Coalition", "Syrian Arab Army"}, {"ISIS", "Iraq"},
	}
	// names not in the articles, grouped with the extracted ones
	extra := []string{"Shoygu", "Шойгу", "Хмеймим", "Hezbollah", "Russian forces"}

	type config struct {
		name string
		g    func(t *testing.T) *Gazetteer
		same [][]string
	}
	configs := []config{
		{"project gazetteer", func(t *testing.T) *Gazetteer {
			raw, err := seeds.Gazetteer()
			if err != nil {
				t.Fatalf("seeds.Gazetteer: %v", err)
			}
			g, err := ParseGazetteer(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("seeds/gazetteer.tsv: %v", err)
			}
			return g
		}, full},
		{"test gazetteer", func(t *testing.T) *Gazetteer { return testGazetteer(t) }, full},
		{"no gazetteer", func(*testing.T) *Gazetteer { return nil }, [][]string{
			{"Hmeymim", "Hmeimim", "Khmeimim", "Хмеймим"},
			{"Bashar al-Assad", "al-Assad", "Assad"},
			{"Daesh", "ISIS"},                                // alias in 001
			{"ISIL", "Islamic State of Iraq and the Levant"}, // alias in 003
			{"Recep Tayyip Erdogan", "Erdogan"},
			{"Sergey Shoygu", "Shoygu", "Шойгу"},
			{"Hizballah", "Hezbollah"},
			{"Vladimir Putin", "Putin"},
		}},
	}
	for _, c := range configs {
		t.Run(c.name, func(t *testing.T) {
			m := NewMatcher(c.g(t))
			var names []string
			var aliases []Alias
			for _, a := range arts {
				for _, line := range strings.Split(a.Text, "\n") {
					ms := m.Extract(line, "en")
					checkSpans(t, line, ms)
					for _, mn := range ms {
						names = append(names, mn.Surface)
					}
					aliases = append(aliases, LearnAliases(line)...)
				}
			}
			extracted := map[string]bool{}
			for _, n := range names {
				extracted[n] = true
			}
			names = append(names, extra...)
			gs := m.GroupWithAliases(names, aliases)
			checkPartition(t, gs, len(names))
			group := map[string]int{}
			canon := map[int]string{}
			for g, gr := range gs {
				canon[g] = gr.Canonical
				for _, i := range gr.Members {
					if prev, ok := group[names[i]]; ok && prev != g {
						t.Errorf("%q is in two groups: %q and %q", names[i], gs[prev].Canonical, gr.Canonical)
					}
					group[names[i]] = g
				}
			}
			isExtra := func(s string) bool {
				for _, e := range extra {
					if e == s {
						return true
					}
				}
				return false
			}
			for _, set := range c.same {
				for _, s := range set {
					if !extracted[s] && !isExtra(s) {
						t.Errorf("%q was not extracted from the seed articles", s)
					}
				}
				for _, s := range set[1:] {
					if group[s] != group[set[0]] {
						t.Errorf("%q (group %q) and %q (group %q): want one group", set[0], canon[group[set[0]]], s, canon[group[s]])
					}
				}
			}
			for _, p := range apart {
				ga, okA := group[p[0]]
				gb, okB := group[p[1]]
				if !okA || !okB {
					t.Errorf("%q or %q missing from the names", p[0], p[1])
					continue
				}
				if ga == gb {
					t.Errorf("%q and %q: got one group %q, want two", p[0], p[1], canon[ga])
				}
			}
			t.Logf("%d mentions, %d distinct, %d groups", len(names)-len(extra), len(extracted), len(gs))
		})
	}
}
