package server

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/language"

	"interlinear/lang/extract"
	"interlinear/lang/pipeline"
	"interlinear/server/store"
)

// articleInput is the body of POST /api/v1/articles.
type articleInput struct {
	Outlet      string `json:"outlet"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	PublishedAt string `json:"published_at"`
	Language    string `json:"language"`
	Text        string `json:"text"`
	HTML        string `json:"html"`
}

// LanguageJSON is a language code with its confidence.
type LanguageJSON struct {
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

// PassageJSON is one sentence of an article.
type PassageJSON struct {
	ID        int64         `json:"id"`
	Paragraph int           `json:"paragraph"`
	Index     int           `json:"index"`
	Text      string        `json:"text"`
	Start     int           `json:"start"`
	End       int           `json:"end"`
	Language  LanguageJSON  `json:"language"`
	Mentions  []MentionJSON `json:"mentions"`
}

// MentionJSON is a name in a passage: its byte span in the passage text.
type MentionJSON struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Surface  string `json:"surface"`
	EntityID int64  `json:"entity_id"`
}

// RemovedJSON is a line the cleaner dropped.
type RemovedJSON struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// ArticleJSON is the article as the API returns it.
type ArticleJSON struct {
	ID          int64         `json:"id"`
	Outlet      string        `json:"outlet"`
	Title       string        `json:"title"`
	URL         string        `json:"url"`
	PublishedAt string        `json:"published_at"`
	Language    LanguageJSON  `json:"language"`
	Passages    []PassageJSON `json:"passages,omitempty"`
	Removed     []RemovedJSON `json:"removed,omitempty"`
}

// ListJSON is a page of a listing.
type ListJSON[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next"`
}

const (
	maxOutlet = 200
	maxTitle  = 1000
	maxURL    = 2048
)

// validate trims the input and checks it, returning a 400 problem that
// says what to fix.
func (in *articleInput) validate() error {
	in.Outlet = strings.TrimSpace(in.Outlet)
	in.Title = strings.TrimSpace(in.Title)
	in.URL = strings.TrimSpace(in.URL)
	in.PublishedAt = strings.TrimSpace(in.PublishedAt)
	in.Language = strings.TrimSpace(in.Language)
	switch {
	case in.Outlet == "":
		return problem(http.StatusBadRequest, "The field \"outlet\" is required: say which outlet published the article.")
	case utf8.RuneCountInString(in.Outlet) > maxOutlet:
		return problem(http.StatusBadRequest, "The outlet name is longer than %d characters.", maxOutlet)
	case utf8.RuneCountInString(in.Title) > maxTitle:
		return problem(http.StatusBadRequest, "The title is longer than %d characters.", maxTitle)
	case strings.TrimSpace(in.Text) == "" && strings.TrimSpace(in.HTML) == "":
		return problem(http.StatusBadRequest, "Send the article as \"text\" or as \"html\"; both are empty.")
	case in.Text != "" && in.HTML != "":
		return problem(http.StatusBadRequest, "Send the article as \"text\" or as \"html\", not both.")
	}
	if in.URL != "" {
		u, err := url.Parse(in.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(in.URL) > maxURL {
			return problem(http.StatusBadRequest, "The url %q is not an http(s) address.", in.URL)
		}
	}
	if in.PublishedAt != "" {
		t, ok := parseDate(in.PublishedAt)
		if !ok {
			return problem(http.StatusBadRequest, "published_at %q is not a date: use RFC 3339 (2017-12-11T10:14:00Z) or YYYY-MM-DD.", in.PublishedAt)
		}
		in.PublishedAt = t
	}
	if in.Language != "" {
		tag, err := language.Parse(in.Language)
		if err != nil {
			return problem(http.StatusBadRequest, "language %q is not a language tag such as \"en\", \"ar\" or \"zh\".", in.Language)
		}
		base, _ := tag.Base()
		in.Language = base.String()
	}
	return nil
}

func parseDate(s string) (string, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format(time.RFC3339), true
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02"), true
	}
	return "", false
}

// ingest runs the language pipeline on in and stores the result in one
// transaction. seedKey, when set, makes the ingest happen once per database.
func (s *Server) ingest(ctx context.Context, in articleInput, seedKey string) (*store.Article, bool, error) {
	start := time.Now()
	defer func() { s.metrics.ingest.Observe(time.Since(start).Seconds()) }()
	if err := in.validate(); err != nil {
		return nil, false, err
	}
	p, err := s.pipeline()
	if err != nil {
		return nil, false, err
	}
	doc, err := p.Process(pipeline.Input{Text: in.Text, HTML: in.HTML, URL: in.URL, Title: in.Title, Language: in.Language})
	if err != nil {
		return nil, false, processProblem(err)
	}
	a := &store.Article{
		Outlet: in.Outlet, Title: doc.Title, URL: in.URL, PublishedAt: in.PublishedAt,
		DeclaredLanguage: in.Language,
		Language:         store.Language{Code: doc.Language.Code, Confidence: doc.Language.Confidence},
		InputKind:        "text", Input: in.Text, Source: doc.Source,
	}
	if in.HTML != "" {
		a.InputKind, a.Input = "html", in.HTML
	}
	for _, ps := range doc.Passages {
		a.Passages = append(a.Passages, store.Passage{
			Paragraph: ps.Paragraph, Text: ps.Text, Start: ps.Start, End: ps.End,
			Language: store.Language{Code: ps.Language.Code, Confidence: ps.Language.Confidence},
		})
	}
	for _, r := range doc.Removed {
		a.Removed = append(a.Removed, store.Removed{Text: r.Text, Reason: r.Reason, Start: r.Start, End: r.End})
	}
	a.Mentions = mentionInputs(p, doc)
	s.placeMu.Lock()
	created, err := s.st.CreateArticle(ctx, a, seedKey, s.placement(ctx))
	s.placeMu.Unlock()
	if err != nil {
		return nil, false, err
	}
	if created {
		s.enqueueRealign(a.StoryID)
	}
	return a, created, nil
}

func articleJSON(a *store.Article, full bool) ArticleJSON {
	out := ArticleJSON{
		ID: a.ID, Outlet: a.Outlet, Title: a.Title, URL: a.URL, PublishedAt: a.PublishedAt,
		Language: LanguageJSON(a.Language),
	}
	if !full {
		return out
	}
	out.Passages = make([]PassageJSON, 0, len(a.Passages))
	for _, p := range a.Passages {
		pj := PassageJSON{
			ID: p.ID, Paragraph: p.Paragraph, Index: p.Ord, Text: p.Text, Start: p.Start, End: p.End,
			Language: LanguageJSON(p.Language), Mentions: make([]MentionJSON, 0, len(p.Mentions)),
		}
		for _, m := range p.Mentions {
			pj.Mentions = append(pj.Mentions, MentionJSON{Start: m.Start, End: m.End, Surface: m.Surface, EntityID: m.EntityID})
		}
		out.Passages = append(out.Passages, pj)
	}
	out.Removed = make([]RemovedJSON, 0, len(a.Removed))
	for _, r := range a.Removed {
		out.Removed = append(out.Removed, RemovedJSON{Text: r.Text, Reason: r.Reason})
	}
	return out
}

func (s *Server) createArticle(c echo.Context) error {
	var in articleInput
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	a, _, err := s.ingest(c.Request().Context(), in, "")
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/articles/"+strconv.FormatInt(a.ID, 10))
	return c.JSON(http.StatusCreated, articleJSON(a, true))
}

func (s *Server) getArticle(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	a, err := s.st.Article(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, articleJSON(a, true))
}

func (s *Server) deleteArticle(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	if err := s.deleteArticleAndRealign(c.Request().Context(), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// Cursors are opaque to clients: base64url of "a<last id>".
func encodeCursor(prefix string, id int64) string {
	if id == 0 {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(prefix + strconv.FormatInt(id, 10)))
}

func decodeCursor(prefix, s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil && strings.HasPrefix(string(b), prefix) {
		if id, err := strconv.ParseInt(strings.TrimPrefix(string(b), prefix), 10, 64); err == nil && id > 0 {
			return id, nil
		}
	}
	return 0, problem(http.StatusBadRequest, "The cursor %q is not one this server gave out; use the \"next\" value of the previous page.", s)
}

func parseLimit(c echo.Context) (int, error) {
	v := c.QueryParam("limit")
	if v == "" {
		return 50, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 500 {
		return 0, problem(http.StatusBadRequest, "limit must be a whole number from 1 to 500, not %q.", v)
	}
	return n, nil
}

func (s *Server) articleFilter(c echo.Context) (store.ArticleFilter, error) {
	f := store.ArticleFilter{Outlet: strings.TrimSpace(c.QueryParam("outlet")), Language: strings.TrimSpace(c.QueryParam("lang"))}
	var err error
	f.After, f.Limit, err = pageParams(c, "a")
	return f, err
}

// pageParams reads ?cursor= (from cursors with the given prefix) and
// ?limit=.
func pageParams(c echo.Context, prefix string) (after int64, limit int, err error) {
	if after, err = decodeCursor(prefix, c.QueryParam("cursor")); err != nil {
		return 0, 0, err
	}
	if limit, err = parseLimit(c); err != nil {
		return 0, 0, err
	}
	return after, limit, nil
}

func (s *Server) listArticles(c echo.Context) error {
	f, err := s.articleFilter(c)
	if err != nil {
		return err
	}
	list, next, err := s.st.Articles(c.Request().Context(), f)
	if err != nil {
		return err
	}
	out := ListJSON[ArticleJSON]{Items: make([]ArticleJSON, 0, len(list)), Next: encodeCursor("a", next)}
	for i := range list {
		out.Items = append(out.Items, articleJSON(&list[i], false))
	}
	return c.JSON(http.StatusOK, out)
}

type detectInput struct {
	Text string `json:"text"`
}

func (s *Server) detect(c echo.Context) error {
	var in detectInput
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	if strings.TrimSpace(in.Text) == "" {
		return problem(http.StatusBadRequest, "The field \"text\" is required and must not be blank.")
	}
	p, err := s.pipeline()
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p.Detector().Detect(in.Text))
}

func (s *Server) deleteArticleAndRealign(ctx context.Context, id int64) error {
	story, err := s.st.DeleteArticle(ctx, id)
	if err != nil {
		return err
	}
	s.enqueueRealign(story)
	return nil
}

// processProblem says in a sentence why the pipeline could not take an
// article; nothing was stored.
func processProblem(err error) *echo.HTTPError {
	switch {
	case errors.Is(err, pipeline.ErrEmpty):
		return problem(http.StatusUnprocessableEntity, "Nothing is left of the article after removing page furniture (menus, share buttons, copyright lines); send the article's own text.")
	case errors.Is(err, pipeline.ErrTooManyPassages):
		return problem(http.StatusUnprocessableEntity, "The article has more than %d sentences; no news article is that long. Send articles one at a time.", pipeline.MaxPassages)
	case errors.Is(err, extract.ErrNoContent):
		return problem(http.StatusUnprocessableEntity, "No article text was found in that HTML page; paste the article's text instead.")
	case errors.Is(err, extract.ErrTooComplex):
		return problem(http.StatusUnprocessableEntity, "That HTML page is too large or too deeply nested to read safely; paste the article's text instead.")
	case errors.Is(err, extract.ErrTimeout):
		return problem(http.StatusUnprocessableEntity, "Reading that HTML page took too long; paste the article's text instead.")
	}
	return problem(http.StatusUnprocessableEntity, "The article could not be read: %v.", err)
}
