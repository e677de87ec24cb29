package server

import (
	"reflect"
	"testing"
)

// alignmentPage cuts pages at the group limit or before the group that
// would take a page past maxPagePassages passages, and never returns an
// empty page while groups remain.
func TestAlignmentPageBudget(t *testing.T) {
	sizes := []int{100, 20, 30, 200, 5, 5, 1}
	al := &AlignmentJSON{Documents: []AlignDocJSON{{ID: int64(1)}}}
	for i, n := range sizes {
		g := AlignGroupJSON{ID: i + 1}
		for j := range n {
			ref := RefJSON{Document: int64(1), Passage: int64(1000*i + j)}
			g.Passages = append(g.Passages, ref)
			al.Documents[0].Passages = append(al.Documents[0].Passages, AlignPassageJSON{ID: ref.Passage})
		}
		al.Groups = append(al.Groups, g)
	}
	for _, tc := range []struct {
		limit int
		pages [][]int // group ids per page
	}{
		{50, [][]int{{1, 2}, {3}, {4}, {5, 6, 7}}},
		{2, [][]int{{1, 2}, {3}, {4}, {5, 6}, {7}}},
		{1, [][]int{{1}, {2}, {3}, {4}, {5}, {6}, {7}}},
	} {
		var got [][]int
		after := 0
		for range 20 {
			p := alignmentPage(al, 7, after, tc.limit)
			var ids []int
			n := 0
			for _, g := range p.Groups {
				ids = append(ids, g.ID)
				n += len(g.Passages)
			}
			if len(p.Documents) != 1 || len(p.Documents[0].Passages) != n {
				t.Errorf("limit %d after %d: the page lists %v documents for %d passages", tc.limit, after, len(p.Documents), n)
			}
			got = append(got, ids)
			if p.Next == "" {
				break
			}
			rev, a, err := decodeAlignmentCursor(p.Next)
			if err != nil || rev != 7 || a != ids[len(ids)-1] {
				t.Fatalf("cursor %q: %d %d %v", p.Next, rev, a, err)
			}
			after = a
		}
		if !reflect.DeepEqual(got, tc.pages) {
			t.Errorf("limit %d: pages %v, want %v", tc.limit, got, tc.pages)
		}
	}
}

func FuzzAlignmentCursor(f *testing.F) {
	f.Add(encodeAlignmentCursor(3, 50))
	f.Add("zz")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		rev, after, err := decodeAlignmentCursor(s)
		if err != nil || s == "" {
			return
		}
		if rev <= 0 || after <= 0 {
			t.Fatalf("%q decoded to revision %d after %d", s, rev, after)
		}
		if r2, a2, err := decodeAlignmentCursor(encodeAlignmentCursor(rev, after)); err != nil || r2 != rev || a2 != after {
			t.Fatalf("round trip of %d/%d: %d/%d %v", rev, after, r2, a2, err)
		}
	})
}

// The story page's link back lands on a page that ends just before the
// current one.
func TestPreviousPageAfter(t *testing.T) {
	al := &AlignmentJSON{}
	for i, n := range []int{100, 20, 30, 200, 5, 5, 1} {
		al.Groups = append(al.Groups, AlignGroupJSON{ID: i + 1, Passages: make([]RefJSON, n)})
	}
	for _, tc := range []struct{ from, limit, want int }{
		{1, 50, 0}, {3, 50, 0}, {4, 50, 1}, {5, 50, 3}, {7, 50, 4}, {7, 1, 5}, {6, 50, 4},
	} {
		if got := previousPageAfter(al, tc.from, tc.limit); got != tc.want {
			t.Errorf("previousPageAfter(from %d, limit %d) = %d, want %d", tc.from, tc.limit, got, tc.want)
		}
	}
}
