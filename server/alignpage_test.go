package server_test

import (
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

type alignmentPageJSON struct {
	alignmentJSON
	Revision    int64  `json:"revision"`
	TotalGroups int    `json:"total_groups"`
	Next        string `json:"next"`
}

// Walking a story's alignment page by page gives every group once, in
// order, each page carrying the passages its groups hold and only links
// between them; the last page has no next cursor.
func TestAlignmentPages(t *testing.T) {
	env := newEnv(t, true)
	sid := storyOfArticle(t, env, 1)
	base := fmt.Sprintf("/api/v1/stories/%d/alignment", sid)
	whole := decode[alignmentPageJSON](t, env.do(t, "GET", base+"?limit=500", ""))
	if whole.Next != "" || whole.TotalGroups != len(whole.Groups) || whole.TotalGroups < 5 {
		t.Fatalf("one big page: next %q, %d of %d groups", whole.Next, len(whole.Groups), whole.TotalGroups)
	}
	if whole.Revision <= 0 {
		t.Errorf("revision %d", whole.Revision)
	}
	var walked []int
	pages, cursor := 0, ""
	for {
		u := base + "?limit=2"
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		p := decode[alignmentPageJSON](t, env.do(t, "GET", u, ""))
		pages++
		if len(p.Groups) == 0 || len(p.Groups) > 2 || p.TotalGroups != whole.TotalGroups || p.Revision != whole.Revision {
			t.Fatalf("page %d: %d groups, total %d, revision %d", pages, len(p.Groups), p.TotalGroups, p.Revision)
		}
		on := map[string]bool{}
		for _, g := range p.Groups {
			walked = append(walked, g.ID)
			for _, r := range g.Passages {
				on[fmt.Sprint(r)] = true
				if p.text(r) == "" {
					t.Errorf("page %d: group %d's passage %+v is not among the page's documents", pages, g.ID, r)
				}
			}
		}
		for _, d := range p.Documents {
			for _, ps := range d.Passages {
				if !on[fmt.Sprint(refJSON{Document: d.ID, Passage: ps.ID})] {
					t.Errorf("page %d: passage %d of document %v is in no group of the page", pages, ps.ID, d.ID)
				}
			}
		}
		for _, l := range p.Links {
			if !on[fmt.Sprint(l.A)] || !on[fmt.Sprint(l.B)] {
				t.Errorf("page %d: link %+v leaves the page", pages, l)
			}
		}
		if p.Next == "" {
			break
		}
		if pages > whole.TotalGroups {
			t.Fatalf("more pages than groups")
		}
		cursor = p.Next
	}
	var want []int
	for _, g := range whole.Groups {
		want = append(want, g.ID)
	}
	if !reflect.DeepEqual(walked, want) {
		t.Errorf("pages walked groups %v, want %v", walked, want)
	}
	if want := (whole.TotalGroups + 1) / 2; pages != want {
		t.Errorf("%d pages of 2 for %d groups, want %d", pages, whole.TotalGroups, want)
	}

	// The default page is bounded: 50 groups or 120 passages, whichever
	// comes first, and at least one group. The seed story fits.
	if def := decode[alignmentPageJSON](t, env.do(t, "GET", base, "")); len(def.Groups) != whole.TotalGroups || def.Next != "" {
		t.Errorf("default page has %d groups of %d", len(def.Groups), whole.TotalGroups)
	}

	// A cursor from before a change is refused with 409, not stitched to
	// the new alignment.
	first := decode[alignmentPageJSON](t, env.do(t, "GET", base+"?limit=1", ""))
	if rec := env.do(t, "POST", "/api/v1/stories", `{"title":"Novosti's version","articles":[4]}`); rec.Code != 201 {
		t.Fatalf("new story: %d %s", rec.Code, rec.Body.String())
	}
	rec := env.do(t, "GET", base+"?limit=1&cursor="+url.QueryEscape(first.Next), "")
	if rec.Code != 409 || !strings.Contains(rec.Body.String(), "start again from the first page") {
		t.Errorf("stale cursor: %d %s", rec.Code, rec.Body.String())
	}
	for _, bad := range []string{"?cursor=zz", "?limit=0", "?limit=501", "?cursor=" + url.QueryEscape(strings.Repeat("A", 40))} {
		if rec := env.do(t, "GET", base+bad, ""); rec.Code != 400 {
			t.Errorf("%s: %d", bad, rec.Code)
		}
	}
}

// A story too long for one page shows its facts 50 at a time with links
// to the neighbouring pages, and every passage a page shows is escaped
// text from the story.
func TestStoryPagePages(t *testing.T) {
	env := newEnv(t, true)
	sid := storyOfArticle(t, env, 1)
	whole := decode[alignmentPageJSON](t, env.do(t, "GET", fmt.Sprintf("/api/v1/stories/%d/alignment?limit=500", sid), ""))
	body := env.do(t, "GET", fmt.Sprintf("/stories/%d", sid), "").Body.String()
	if whole.TotalGroups <= 50 {
		if strings.Contains(body, `rel="next"`) {
			t.Errorf("a story of %d groups has a next page", whole.TotalGroups)
		}
	}
	if rec := env.do(t, "GET", fmt.Sprintf("/stories/%d?after=x", sid), ""); rec.Code != 400 {
		t.Errorf("after=x: %d", rec.Code)
	}
	last := whole.Groups[len(whole.Groups)-1].ID
	body = env.do(t, "GET", fmt.Sprintf("/stories/%d?after=%d", sid, last-1), "").Body.String()
	if !strings.Contains(body, fmt.Sprintf(`id="g%d"`, last)) || strings.Contains(body, fmt.Sprintf(`id="g%d"`, last-1)) {
		t.Errorf("the page after group %d does not show exactly the groups after it", last-1)
	}
	if !strings.Contains(body, `rel="prev"`) || strings.Contains(body, `rel="next"`) {
		t.Errorf("the last page should link back and not forward")
	}
}
