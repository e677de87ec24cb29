package server

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/labstack/echo/v4"

	"interlinear/lang/align"
	"interlinear/server/store"
)

type storiesPageData struct {
	Items []StoryJSON
	Next  string
}

func (s *Server) storiesPage(c echo.Context) error {
	after, err := decodeCursor("s", c.QueryParam("cursor"))
	if err != nil {
		return err
	}
	list, next, err := s.st.Stories(c.Request().Context(), after, 100)
	if err != nil {
		return err
	}
	d := storiesPageData{Next: encodeCursor("s", next)}
	for i := range list {
		d.Items = append(d.Items, storyJSON(&list[i]))
	}
	return c.Render(http.StatusOK, "stories", s.page(c, "Stories", d))
}

// cellView is one passage shown in a story's side-by-side grid.
type cellView struct {
	Ref      RefJSON
	Lang     string
	Segments []segment
}

type columnView struct {
	Doc AlignDocJSON
}

type rowView struct {
	Group AlignGroupJSON
	Cells [][]cellView // one slice per column
	Diffs []diffView
}

type diffView struct {
	A, B string // outlets of the two renderings
	Ops  []align.DiffOp
}

type storyPageData struct {
	Story StoryJSON
	// From and To are the first and last group shown, of Total; Prev and
	// Next are the after= values of the neighbouring pages (Next is 0 on
	// the last page), Paged whether the story takes more than one page.
	From, To, Total, Prev, Next int
	Paged                       bool
	Columns                     []columnView
	Rows                        []rowView
	Coverage                    CoverageJSON
	Unique                      []uniqueView
	Variants                    variantsPageData
	Stories                     []StoryJSON // for the move control
	Compare                     [2]int64
}

// storyPageGroups is how many groups the story page shows at a time.
const storyPageGroups = 50

// previousPageAfter returns the after= value of the page that ends just
// before group from: it takes groups backwards under the same limits as a
// page going forwards.
func previousPageAfter(al *AlignmentJSON, from, limit int) int {
	i := sort.Search(len(al.Groups), func(i int) bool { return al.Groups[i].ID >= from })
	start, passages := i, 0
	for start > 0 && i-start < limit && (start == i || passages+len(al.Groups[start-1].Passages) <= maxPagePassages) {
		passages += len(al.Groups[start-1].Passages)
		start--
	}
	if start == 0 {
		return 0
	}
	return al.Groups[start-1].ID
}

// pageRows returns the coverage rows of groups from to to.
func pageRows(rows []CoverageRowJSON, from, to int) []CoverageRowJSON {
	i := sort.Search(len(rows), func(i int) bool { return rows[i].Group >= from })
	j := sort.Search(len(rows), func(i int) bool { return rows[i].Group > to })
	return rows[i:max(i, j)]
}

type uniqueView struct {
	Outlet string
	Cells  []cellView
}

func mentionsOfJSON(text string, ms []MentionJSON, titles map[int64]string) []segment {
	p := store.Passage{Text: text}
	for _, m := range ms {
		p.Mentions = append(p.Mentions, store.Mention{Start: m.Start, End: m.End, Surface: m.Surface, EntityID: m.EntityID})
	}
	return segmentPassage(p, titles)
}

func (s *Server) storyPage(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	st, err := s.st.Story(ctx, id)
	if err != nil {
		return err
	}
	after := 0
	if v := c.QueryParam("after"); v != "" {
		if after, err = strconv.Atoi(v); err != nil || after < 0 {
			return problem(http.StatusBadRequest, "after must be a group number, not %q.", v)
		}
	}
	all, cov, err := s.storyCoverage(ctx, id)
	if err != nil {
		return err
	}
	// The grid and the coverage matrix show a page of groups at a time
	// (as the API pages them, with storyPageGroups as the limit); a story
	// that fits on one page shows every article as a column.
	a := alignmentPage(all, 0, after, storyPageGroups)
	d := storyPageData{Story: storyJSON(st), Coverage: cov, From: after}
	if len(a.Groups) > 0 {
		d.From = a.Groups[0].ID
		d.To = a.Groups[len(a.Groups)-1].ID
	}
	d.Coverage.Rows = pageRows(cov.Rows, d.From, d.To)
	d.Total = a.TotalGroups
	if d.To > 0 && d.To < a.TotalGroups {
		d.Next = d.To
	}
	if after > 0 {
		d.Prev = previousPageAfter(all, d.From, storyPageGroups)
		d.Paged = true
	}
	d.Paged = d.Paged || d.Next > 0
	cols := a.Documents
	if !d.Paged {
		cols = all.Documents
	}
	// Passages by reference, and hover titles for the names of those shown.
	byRef := map[RefJSON]AlignPassageJSON{}
	for _, doc := range all.Documents {
		for _, p := range doc.Passages {
			byRef[RefJSON{Document: doc.ID, Passage: p.ID}] = p
		}
	}
	var shown []store.Passage
	show := func(r RefJSON) {
		p := byRef[r]
		sp := store.Passage{Text: p.Text}
		for _, m := range p.Mentions {
			sp.Mentions = append(sp.Mentions, store.Mention{EntityID: m.EntityID})
		}
		shown = append(shown, sp)
	}
	for _, g := range a.Groups {
		for _, r := range g.Passages {
			show(r)
		}
	}
	for _, u := range cov.Unique {
		for _, r := range u.Passages {
			show(r)
		}
	}
	titles, err := s.entityTitles(c, shown)
	if err != nil {
		return err
	}
	cell := func(r RefJSON) cellView {
		p := byRef[r]
		return cellView{Ref: r, Lang: p.Language, Segments: mentionsOfJSON(p.Text, p.Mentions, titles)}
	}
	colOf := map[any]int{}
	outlet := map[any]string{}
	for i, doc := range cols {
		colOf[doc.ID] = i
		outlet[doc.ID] = doc.Outlet
		d.Columns = append(d.Columns, columnView{Doc: doc})
	}
	for _, g := range a.Groups {
		row := rowView{Group: g, Cells: make([][]cellView, len(cols))}
		for _, r := range g.Passages {
			i := colOf[r.Document]
			row.Cells[i] = append(row.Cells[i], cell(r))
		}
		for _, df := range g.Diff {
			row.Diffs = append(row.Diffs, diffView{A: outlet[df.A.Document], B: outlet[df.B.Document], Ops: df.Ops})
		}
		d.Rows = append(d.Rows, row)
	}
	for _, u := range cov.Unique {
		uv := uniqueView{Outlet: u.Outlet}
		for _, r := range u.Passages {
			uv.Cells = append(uv.Cells, cell(r))
		}
		d.Unique = append(d.Unique, uv)
	}
	var ids []int64
	for _, art := range st.Articles {
		ids = append(ids, art.ID)
	}
	if len(ids) > 0 {
		rows, outlets, err := s.st.VariantsTable(ctx, ids)
		if err != nil {
			return err
		}
		d.Variants = variantsPageData{Rows: rows, Outlets: outlets}
	}
	if len(ids) >= 2 {
		d.Compare = [2]int64{ids[0], ids[1]}
	}
	others, _, err := s.st.Stories(ctx, 0, 500)
	if err != nil {
		return err
	}
	for i := range others {
		d.Stories = append(d.Stories, storyJSON(&others[i]))
	}
	return c.Render(http.StatusOK, "story", s.page(c, st.Title, d))
}

// moveForm moves an article to another story, or to a new one when the
// desk gives a title instead.
func (s *Server) moveForm(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	target := c.FormValue("story")
	if target == "new" || target == "" {
		st, err := s.createStory(ctx, storyInput{Title: c.FormValue("title"), Articles: []int64{id}})
		if err != nil {
			return err
		}
		return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(st.ID, 10))
	}
	sid, err := strconv.ParseInt(target, 10, 64)
	if err != nil || sid <= 0 {
		return problem(http.StatusBadRequest, "Choose a story to move the article to.")
	}
	if err := s.moveArticle(ctx, id, sid); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/stories/"+strconv.FormatInt(sid, 10))
}

type comparePair struct {
	A, B  cellView
	Score float64
	Ev    align.Evidence
}

type comparePageData struct {
	A, B         *store.Article
	Pairs        []comparePair
	OnlyA, OnlyB []cellView
	Articles     []store.Article
}

// comparePage aligns any two articles on the spot, side by side.
func (s *Server) comparePage(c echo.Context) error {
	ctx := c.Request().Context()
	list, _, err := s.st.Articles(ctx, store.ArticleFilter{Limit: 500})
	if err != nil {
		return err
	}
	d := comparePageData{Articles: list}
	av, bv := c.QueryParam("a"), c.QueryParam("b")
	if av == "" || bv == "" {
		return c.Render(http.StatusOK, "compare", s.page(c, "Compare two articles", d))
	}
	ai, err1 := strconv.ParseInt(av, 10, 64)
	bi, err2 := strconv.ParseInt(bv, 10, 64)
	if err1 != nil || err2 != nil || ai == bi {
		return problem(http.StatusBadRequest, "Choose two different articles to compare.")
	}
	if d.A, err = s.st.Article(ctx, ai); err != nil {
		return err
	}
	if d.B, err = s.st.Article(ctx, bi); err != nil {
		return err
	}
	titles, err := s.entityTitles(c, append(append([]store.Passage{}, d.A.Passages...), d.B.Passages...))
	if err != nil {
		return err
	}
	if _, err := s.pipeline(); err != nil {
		return err // the aligner is not loaded yet either
	}
	al := s.aligner()
	res := al.Align([]align.Document{storyDoc(*d.A, d.A.Passages), storyDoc(*d.B, d.B.Passages)}, al.DefaultThreshold())
	byID := map[string]store.Passage{}
	for _, p := range append(append([]store.Passage{}, d.A.Passages...), d.B.Passages...) {
		byID[strconv.FormatInt(p.ID, 10)] = p
	}
	cv := func(id string) cellView {
		p := byID[id]
		return cellView{Lang: p.Language.Code, Segments: segmentPassage(p, titles)}
	}
	linked := map[string]bool{}
	aID := strconv.FormatInt(d.A.ID, 10)
	for _, l := range res.Links {
		x, y := l.A, l.B
		if x.Document != aID {
			x, y = y, x
		}
		linked[x.Passage], linked[y.Passage] = true, true
		d.Pairs = append(d.Pairs, comparePair{A: cv(x.Passage), B: cv(y.Passage), Score: round3(l.Score), Ev: l.Evidence})
	}
	sort.SliceStable(d.Pairs, func(i, j int) bool { return d.Pairs[i].Score > d.Pairs[j].Score })
	for _, p := range d.A.Passages {
		if id := strconv.FormatInt(p.ID, 10); !linked[id] {
			d.OnlyA = append(d.OnlyA, cv(id))
		}
	}
	for _, p := range d.B.Passages {
		if id := strconv.FormatInt(p.ID, 10); !linked[id] {
			d.OnlyB = append(d.OnlyB, cv(id))
		}
	}
	return c.Render(http.StatusOK, "compare", s.page(c, "Compare", d))
}
