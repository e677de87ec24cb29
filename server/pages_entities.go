package server

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"interlinear/server/store"
)

// segment is a run of a passage's text: plain, or a name with its entity.
type segment struct {
	Text    string
	Entity  int64
	Title   string // canonical name and other spellings, shown on hover
	Current bool   // the entity's house spelling differs from this surface
}

// segmentPassage cuts a passage's text at its mentions. Spans that are
// out of range or overlap an earlier one are shown as plain text.
func segmentPassage(p store.Passage, titles map[int64]string) []segment {
	var out []segment
	pos := 0
	for _, m := range p.Mentions {
		if m.Start < pos || m.End > len(p.Text) || m.Start >= m.End {
			continue
		}
		if m.Start > pos {
			out = append(out, segment{Text: p.Text[pos:m.Start]})
		}
		out = append(out, segment{Text: p.Text[m.Start:m.End], Entity: m.EntityID, Title: titles[m.EntityID]})
		pos = m.End
	}
	if pos < len(p.Text) {
		out = append(out, segment{Text: p.Text[pos:]})
	}
	return out
}

// entityTitles builds, for every entity mentioned in the passages, the
// hover text: its house spelling and how the outlets spell it.
func (s *Server) entityTitles(c echo.Context, passages []store.Passage) (map[int64]string, error) {
	titles := map[int64]string{}
	for _, p := range passages {
		for _, m := range p.Mentions {
			if _, ok := titles[m.EntityID]; ok {
				continue
			}
			e, err := s.st.Entity(c.Request().Context(), m.EntityID)
			if errors.Is(err, store.ErrNotFound) {
				// A stale alignment may name an entity a desk has just
				// merged away; it is being recomputed.
				titles[m.EntityID] = ""
				continue
			}
			if err != nil {
				return nil, err
			}
			titles[m.EntityID] = entityTitle(e)
		}
	}
	return titles, nil
}

func entityTitle(e *store.Entity) string {
	var b strings.Builder
	b.WriteString(e.Preferred)
	if e.Preferred != e.Canonical {
		fmt.Fprintf(&b, " (canonical %s)", e.Canonical)
	}
	var parts []string
	for _, v := range e.Variants {
		var outlets []string
		for o := range v.Outlets {
			outlets = append(outlets, o)
		}
		sort.Strings(outlets)
		if len(outlets) == 0 {
			continue
		}
		parts = append(parts, v.Spelling+": "+strings.Join(outlets, ", "))
	}
	if len(parts) > 0 {
		b.WriteString(" · spellings — ")
		b.WriteString(strings.Join(parts, "; "))
	}
	return b.String()
}

type entitiesPageData struct {
	Items  []store.Entity
	Next   string
	Q      string
	Type   string
	Outlet string
}

func (s *Server) entitiesPage(c echo.Context) error {
	f, err := s.entityFilter(c)
	if err != nil {
		return err
	}
	if c.QueryParam("limit") == "" {
		f.Limit = 200
	}
	list, next, err := s.st.Entities(c.Request().Context(), f)
	if err != nil {
		return err
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Mentions > list[j].Mentions })
	return c.Render(http.StatusOK, "entities", s.page(c, "Names", entitiesPageData{
		Items: list, Next: encodeCursor("e", next), Q: f.Spelling, Type: f.Type, Outlet: f.Outlet,
	}))
}

type entityPageData struct {
	Entity   *store.Entity
	Articles map[int64]store.Article
	Error    string
}

func (s *Server) entityPage(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	return s.renderEntity(c, http.StatusOK, id, "")
}

func (s *Server) renderEntity(c echo.Context, status int, id int64, msg string) error {
	ctx := c.Request().Context()
	e, err := s.st.Entity(ctx, id)
	if err != nil {
		return err
	}
	arts := map[int64]store.Article{}
	for _, v := range e.Variants {
		for _, aid := range v.Articles {
			if _, ok := arts[aid]; ok {
				continue
			}
			a, err := s.st.Article(ctx, aid)
			if err != nil {
				return err
			}
			arts[aid] = store.Article{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Language: a.Language}
		}
	}
	return c.Render(status, "entity", s.page(c, e.Preferred, entityPageData{Entity: e, Articles: arts, Error: msg}))
}

// entityFormError re-renders the entity page with a problem a desk can
// fix, or passes other errors on.
func (s *Server) entityFormError(c echo.Context, id int64, err error) error {
	if he, ok := err.(*echo.HTTPError); ok && he.Code < 500 && he.Code != http.StatusNotFound {
		msg, _ := he.Message.(string)
		return s.renderEntity(c, he.Code, id, msg)
	}
	return err
}

func (s *Server) preferredForm(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	if _, err := s.setPreferred(c.Request().Context(), id, c.FormValue("spelling")); err != nil {
		return s.entityFormError(c, id, err)
	}
	return c.Redirect(http.StatusSeeOther, "/entities/"+strconv.FormatInt(id, 10))
}

func (s *Server) mergeForm(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	other, err := strconv.ParseInt(strings.TrimSpace(c.FormValue("other")), 10, 64)
	if err != nil {
		return s.renderEntity(c, http.StatusBadRequest, id, "Give the number of the entity to merge into this one.")
	}
	if _, err := s.merge(c.Request().Context(), id, other); err != nil {
		return s.entityFormError(c, id, err)
	}
	return c.Redirect(http.StatusSeeOther, "/entities/"+strconv.FormatInt(id, 10))
}

func (s *Server) detachForm(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	e, err := s.detach(c.Request().Context(), id, c.FormValue("spelling"))
	if err != nil {
		return s.entityFormError(c, id, err)
	}
	return c.Redirect(http.StatusSeeOther, "/entities/"+strconv.FormatInt(e.ID, 10))
}

// maxVariantArticles bounds the articles of one spellings table.
const maxVariantArticles = 500

type variantsPageData struct {
	Rows    []store.VariantRow
	Outlets []string
}

// variantsPage shows entity × outlet → spelling for a set of articles
// (?articles=1,2,3; all articles when absent).
func (s *Server) variantsPage(c echo.Context) error {
	var ids []int64
	if v := strings.TrimSpace(c.QueryParam("articles")); v != "" {
		seen := map[int64]bool{}
		for _, f := range strings.Split(v, ",") {
			id, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
			if err != nil || id <= 0 {
				return problem(http.StatusBadRequest, "articles must be a comma-separated list of article ids, not %q.", truncate(v, 80))
			}
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		if len(ids) > maxVariantArticles {
			return problem(http.StatusBadRequest, "At most %d articles at a time; got %d.", maxVariantArticles, len(ids))
		}
	}
	rows, outlets, err := s.st.VariantsTable(c.Request().Context(), ids)
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "variants", s.page(c, "Spellings by outlet", variantsPageData{Rows: rows, Outlets: outlets}))
}
