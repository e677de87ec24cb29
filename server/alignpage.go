package server

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// A story's alignment is served in pages of groups: a story of hundreds
// of articles has thousands of groups and megabytes of passages, and no
// client should have to take them in one response. A page holds a run of
// groups in reading order, the passages those groups hold (with their
// documents) and the links between them; the next page's cursor names the
// alignment revision it continues, so a client never stitches two
// revisions together without noticing.

// AlignmentPageJSON is one page of a story's alignment.
type AlignmentPageJSON struct {
	AlignmentJSON
	// Revision is the story revision the alignment was computed from.
	Revision int64 `json:"revision"`
	// TotalGroups counts the groups of the whole alignment.
	TotalGroups int `json:"total_groups"`
	// Next is the cursor of the next page, or "" on the last.
	Next string `json:"next"`
}

// renderedPage is a page as served, with its gzip form.
type renderedPage struct {
	body, gz []byte
}

// maxPagePassages bounds the passages a page holds: a page ends before
// the group that would take it past this (a page holds at least one
// group). In a story of hundreds of articles, 50 groups hold hundreds of
// passages with their links and diffs, over half a megabyte.
const maxPagePassages = 120

// maxCachedPages bounds the pages kept per stored alignment; others are
// rendered on each request.
const maxCachedPages = 64

// alignmentCursor is what a page cursor holds: the revision the page
// belongs to and the last group id served.
func encodeAlignmentCursor(rev int64, after int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("g" + strconv.FormatInt(rev, 10) + "." + strconv.Itoa(after)))
}

func decodeAlignmentCursor(s string) (rev int64, after int, err error) {
	if s == "" {
		return 0, 0, nil
	}
	b, derr := base64.RawURLEncoding.DecodeString(s)
	if derr == nil && strings.HasPrefix(string(b), "g") {
		r, a, ok := strings.Cut(string(b[1:]), ".")
		rev, rerr := strconv.ParseInt(r, 10, 64)
		after, aerr := strconv.Atoi(a)
		if ok && rerr == nil && aerr == nil && rev > 0 && after > 0 {
			return rev, after, nil
		}
	}
	return 0, 0, problem(http.StatusBadRequest, "The cursor %q is not one this server gave out; use the \"next\" value of the previous page.", s)
}

// alignment returns the stored alignment decoded, once; callers must not
// change it.
func (a *storedAlignment) alignment() (*AlignmentJSON, error) {
	a.parseOnce.Do(func() {
		var al AlignmentJSON
		if err := json.Unmarshal(a.body, &al); err != nil {
			a.parseErr = fmt.Errorf("server: stored alignment: %w", err)
			return
		}
		normaliseIDs(&al)
		a.parsed = &al
		a.body = nil // the decoded form is what is used from now on
	})
	return a.parsed, a.parseErr
}

// page returns the page of up to limit groups after group id after (fewer
// when they would hold more than maxPagePassages passages).
func (a *storedAlignment) page(after, limit int) (*renderedPage, error) {
	key := [2]int{after, limit}
	a.pagesMu.Lock()
	p := a.pages[key]
	a.pagesMu.Unlock()
	if p != nil {
		return p, nil
	}
	al, err := a.alignment()
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(alignmentPage(al, a.rev, after, limit))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	_, _ = zw.Write(body)
	_ = zw.Close()
	p = &renderedPage{body: body, gz: buf.Bytes()}
	a.pagesMu.Lock()
	if a.pages == nil {
		a.pages = map[[2]int]*renderedPage{}
	}
	if len(a.pages) < maxCachedPages {
		a.pages[key] = p
	}
	a.pagesMu.Unlock()
	return p, nil
}

// alignmentPage cuts the page of up to limit groups after group id after
// out of a whole alignment. Groups are numbered 1..n in reading order.
func alignmentPage(al *AlignmentJSON, rev int64, after, limit int) AlignmentPageJSON {
	start := sort.Search(len(al.Groups), func(i int) bool { return al.Groups[i].ID > after })
	end, passages := start, 0
	for end < len(al.Groups) && end-start < limit && (end == start || passages+len(al.Groups[end].Passages) <= maxPagePassages) {
		passages += len(al.Groups[end].Passages)
		end++
	}
	out := AlignmentPageJSON{
		AlignmentJSON: AlignmentJSON{Documents: []AlignDocJSON{}, Links: []LinkJSON{}, Groups: al.Groups[start:end], Threshold: al.Threshold},
		Revision:      rev,
		TotalGroups:   len(al.Groups),
	}
	if end < len(al.Groups) && end > start {
		out.Next = encodeAlignmentCursor(rev, al.Groups[end-1].ID)
	}
	on := map[RefJSON]bool{}
	for _, g := range out.Groups {
		for _, r := range g.Passages {
			on[r] = true
		}
	}
	for _, d := range al.Documents {
		var ps []AlignPassageJSON
		for _, p := range d.Passages {
			if on[RefJSON{Document: d.ID, Passage: p.ID}] {
				ps = append(ps, p)
			}
		}
		if len(ps) > 0 {
			d.Passages = ps
			out.Documents = append(out.Documents, d)
		}
	}
	for _, l := range al.Links {
		if on[l.A] && on[l.B] {
			out.Links = append(out.Links, l)
		}
	}
	return out
}

// storedAlignment's paging state, kept beside the body.
type alignmentPages struct {
	parseOnce sync.Once
	parsed    *AlignmentJSON
	parseErr  error
	pagesMu   sync.Mutex
	pages     map[[2]int]*renderedPage
}
