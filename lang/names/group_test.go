package names

import (
	"slices"
	"testing"
)

// groupOf returns the group index of each name.
func groupOf(gs []Group, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for g, gr := range gs {
		for _, i := range gr.Members {
			out[i] = g
		}
	}
	return out
}

// checkPartition fails unless every index is in exactly one group.
func checkPartition(t *testing.T, gs []Group, n int) {
	t.Helper()
	seen := make([]int, n)
	for _, g := range gs {
		if !slices.IsSorted(g.Members) || len(g.Members) == 0 {
			t.Errorf("group %q: members %v not sorted or empty", g.Canonical, g.Members)
		}
		for _, i := range g.Members {
			if i < 0 || i >= n {
				t.Fatalf("group %q: index %d out of range", g.Canonical, i)
			}
			seen[i]++
		}
	}
	for i, c := range seen {
		if c != 1 {
			t.Errorf("index %d in %d groups, want 1", i, c)
		}
	}
}

func TestGroup(t *testing.T) {
	names := []string{
		"Hmeymim", "Hmeimim", "Khmeimim", "Хмеймим", "حميميم", // 0-4
		"Bashar al-Assad", "al-Assad", "Assad", // 5-7
		"Recep Tayyip Erdogan", "Erdogan", // 8-9
		"Sergey Shoygu", "Shoygu", "Шойгу", // 10-12
		"Iran", "Iraq", "Tartus", "Tartu", "Hama", "Hamas", // 13-18
	}
	same := [][]int{{0, 1, 2, 3, 4}, {5, 6, 7}, {8, 9}, {10, 11, 12}}
	apart := [][2]int{{13, 14}, {15, 16}, {17, 18}, {0, 15}, {5, 8}}
	for _, tc := range []struct {
		name string
		m    *Matcher
	}{{"no gazetteer", NewMatcher(nil)}, {"test gazetteer", NewMatcher(testGazetteer(t))}} {
		t.Run(tc.name, func(t *testing.T) {
			gs := tc.m.Group(names)
			checkPartition(t, gs, len(names))
			of := groupOf(gs, len(names))
			for _, s := range same {
				for _, i := range s[1:] {
					if of[i] != of[s[0]] {
						t.Errorf("%q and %q: got different groups, want one", names[s[0]], names[i])
					}
				}
			}
			for _, p := range apart {
				if of[p[0]] == of[p[1]] {
					t.Errorf("%q and %q: got one group, want different", names[p[0]], names[p[1]])
				}
			}
		})
	}
	// canonical names come from the gazetteer when resolved
	gs := NewMatcher(testGazetteer(t)).Group([]string{"Hmeymim", "Khmeimim"})
	if len(gs) != 1 || gs[0].Canonical != "Hmeimim" {
		t.Errorf("got %+v, want one group named Hmeimim", gs)
	}
	// unresolved groups are named by their longest member
	gs = NewMatcher(nil).Group([]string{"Shoygu", "Sergey Shoygu", "Shoygu"})
	if len(gs) != 1 || gs[0].Canonical != "Sergey Shoygu" {
		t.Errorf("got %+v, want one group named Sergey Shoygu", gs)
	}
	if gs := NewMatcher(nil).Group(nil); len(gs) != 0 {
		t.Errorf("Group(nil) got %v, want no groups", gs)
	}
}

func TestGroupAmbiguousSurname(t *testing.T) {
	// "Assad" fits two different full names: it must not join either
	names := []string{"Bashar al-Assad", "Hafez al-Assad", "Assad"}
	gs := NewMatcher(nil).Group(names)
	checkPartition(t, gs, len(names))
	of := groupOf(gs, len(names))
	if of[0] == of[1] || of[2] == of[0] || of[2] == of[1] {
		t.Errorf("got groups %v, want three", of)
	}
	// with a gazetteer that knows Bashar as "Assad", the surname is his
	gs = NewMatcher(testGazetteer(t)).Group(names)
	of = groupOf(gs, len(names))
	if of[2] != of[0] || of[1] == of[0] {
		t.Errorf("got groups %v, want Assad with Bashar and Hafez apart", of)
	}
}

func TestGroupWithAliases(t *testing.T) {
	names := []string{"Daesh", "ISIS", "CDIC", "China Daily Information Co"}
	al := LearnAliases("They fought Daesh (ISIS) terrorists. The text belongs to China Daily Information Co (CDIC).")
	gs := NewMatcher(nil).GroupWithAliases(names, al)
	checkPartition(t, gs, len(names))
	of := groupOf(gs, len(names))
	if of[0] != of[1] || of[2] != of[3] || of[0] == of[2] {
		t.Errorf("got groups %v, want {Daesh, ISIS} and {CDIC, China Daily Information Co}", of)
	}
}
