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
	Story    StoryJSON
	Columns  []columnView
	Rows     []rowView
	Coverage CoverageJSON
	Unique   []uniqueView
	Variants variantsPageData
	Stories  []StoryJSON // for the move control
	Compare  [2]int64
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
	a, cov, err := s.storyCoverage(ctx, id)
	if err != nil {
		return err
	}
	// Titles for highlighted names, and a lookup of passages by reference.
	var all []store.Passage
	byRef := map[RefJSON]AlignPassageJSON{}
	colOf := map[any]int{}
	for i, d := range a.Documents {
		colOf[d.ID] = i
		for _, p := range d.Passages {
			byRef[RefJSON{Document: d.ID, Passage: p.ID}] = p
			sp := store.Passage{Text: p.Text}
			for _, m := range p.Mentions {
				sp.Mentions = append(sp.Mentions, store.Mention{EntityID: m.EntityID})
			}
			all = append(all, sp)
		}
	}
	titles, err := s.entityTitles(c, all)
	if err != nil {
		return err
	}
	cell := func(r RefJSON) cellView {
		p := byRef[r]
		return cellView{Ref: r, Lang: p.Language, Segments: mentionsOfJSON(p.Text, p.Mentions, titles)}
	}
	d := storyPageData{Story: storyJSON(st), Coverage: cov}
	for _, doc := range a.Documents {
		d.Columns = append(d.Columns, columnView{Doc: doc})
	}
	outletOf := func(r RefJSON) string { return a.Documents[colOf[r.Document]].Outlet }
	for _, g := range a.Groups {
		row := rowView{Group: g, Cells: make([][]cellView, len(a.Documents))}
		for _, r := range g.Passages {
			i := colOf[r.Document]
			row.Cells[i] = append(row.Cells[i], cell(r))
		}
		for _, df := range g.Diff {
			row.Diffs = append(row.Diffs, diffView{A: outletOf(df.A), B: outletOf(df.B), Ops: df.Ops})
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
