package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"interlinear/server/store"
)

func (s *Server) home(c echo.Context) error {
	return c.Redirect(http.StatusSeeOther, "/stories")
}

type articlesPageData struct {
	Items  []store.Article
	Next   string
	Outlet string
	Lang   string
}

func (s *Server) articlesPage(c echo.Context) error {
	f, err := s.articleFilter(c)
	if err != nil {
		return err
	}
	list, next, err := s.st.Articles(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "articles", s.page(c, "Articles", articlesPageData{
		Items: list, Next: encodeCursor("a", next), Outlet: f.Outlet, Lang: f.Language,
	}))
}

type articlePageData struct {
	Article    *store.Article
	Paragraphs [][]passageView
}

type passageView struct {
	store.Passage
	Segments []segment
}

func (s *Server) articlePage(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	a, err := s.st.Article(c.Request().Context(), id)
	if err != nil {
		return err
	}
	titles, err := s.entityTitles(c, a.Passages)
	if err != nil {
		return err
	}
	var paras [][]passageView
	for i, p := range a.Passages {
		if i == 0 || p.Paragraph != a.Passages[i-1].Paragraph {
			paras = append(paras, nil)
		}
		paras[len(paras)-1] = append(paras[len(paras)-1], passageView{Passage: p, Segments: segmentPassage(p, titles)})
	}
	title := a.Title
	if title == "" {
		title = "Article " + strconv.FormatInt(a.ID, 10)
	}
	return c.Render(http.StatusOK, "article", s.page(c, title, articlePageData{Article: a, Paragraphs: paras}))
}

type newPageData struct {
	Form  articleInput
	Kind  string
	Body  string
	Error string
}

func (s *Server) newArticlePage(c echo.Context) error {
	return c.Render(http.StatusOK, "new", s.page(c, "Add an article", newPageData{Kind: "text"}))
}

// createArticleForm ingests an article pasted into the form. A problem the
// desk can fix (a missing outlet, nothing left after cleaning) re-renders
// the form with the sentence and what was typed.
func (s *Server) createArticleForm(c echo.Context) error {
	in := articleInput{
		Outlet: c.FormValue("outlet"), Title: c.FormValue("title"), URL: c.FormValue("url"),
		PublishedAt: c.FormValue("published_at"), Language: c.FormValue("language"),
	}
	kind, body := c.FormValue("kind"), c.FormValue("body")
	if kind == "html" {
		in.HTML = body
	} else {
		in.Text = body
	}
	a, _, err := s.ingest(c.Request().Context(), in, "")
	var he *echo.HTTPError
	if errors.As(err, &he) && he.Code < 500 && he.Code != http.StatusServiceUnavailable {
		msg, _ := he.Message.(string)
		return c.Render(he.Code, "new", s.page(c, "Add an article", newPageData{Form: in, Kind: kind, Body: body, Error: msg}))
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/articles/"+strconv.FormatInt(a.ID, 10))
}

func (s *Server) deleteArticleForm(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	if err := s.deleteArticleAndRealign(c.Request().Context(), id); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/articles")
}
