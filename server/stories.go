package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"interlinear/lang/align"
	"interlinear/lang/pipeline"
	"interlinear/server/store"
)

// AlignmentJSON is the one shape of GET /stories/{id}/alignment and POST
// /align. In a story, document and passage ids are the article's and
// passage's ids; in /align, documents keep the caller's ids and passages
// are numbered from 0 in reading order.
type AlignmentJSON struct {
	Documents []AlignDocJSON   `json:"documents"`
	Links     []LinkJSON       `json:"links"`
	Groups    []AlignGroupJSON `json:"groups"`
	Threshold float64          `json:"threshold"`
}

// AlignDocJSON is one aligned document with its passages.
type AlignDocJSON struct {
	ID       any                `json:"id"`
	Outlet   string             `json:"outlet"`
	Title    string             `json:"title,omitempty"`
	Language string             `json:"language"`
	Passages []AlignPassageJSON `json:"passages"`
}

// AlignPassageJSON is one passage of an aligned document.
type AlignPassageJSON struct {
	ID       int64         `json:"id"`
	Text     string        `json:"text"`
	Language string        `json:"language"`
	Mentions []MentionJSON `json:"mentions,omitempty"`
}

// RefJSON points at a passage of a document.
type RefJSON struct {
	Document any   `json:"document"`
	Passage  int64 `json:"passage"`
}

// LinkJSON says two passages of different documents report the same fact.
type LinkJSON struct {
	A        RefJSON        `json:"a"`
	B        RefJSON        `json:"b"`
	Score    float64        `json:"score"`
	Quote    bool           `json:"quote"`
	Evidence align.Evidence `json:"evidence"`
}

// DiffJSON is a word diff of two renderings in one language.
type DiffJSON struct {
	A   RefJSON        `json:"a"`
	B   RefJSON        `json:"b"`
	Ops []align.DiffOp `json:"ops"`
}

// AlignGroupJSON is a set of passages reporting one fact or one quote.
type AlignGroupJSON struct {
	ID       int        `json:"id"`
	Kind     string     `json:"kind"`
	Speaker  string     `json:"speaker"`
	Passages []RefJSON  `json:"passages"`
	Diff     []DiffJSON `json:"diff"`
}

// alignInput is what /align and a story's alignment are computed from:
// align's documents and how to present their ids and entities.
type alignInput struct {
	docs     []align.Document
	out      []AlignDocJSON
	docID    func(string) any
	entities map[string]string // align entity id → name shown as evidence
}

func (in *alignInput) ref(r align.Ref) RefJSON {
	p, _ := strconv.ParseInt(r.Passage, 10, 64)
	return RefJSON{Document: in.docID(r.Document), Passage: p}
}

// render turns align's result into the API shape.
func (in *alignInput) render(res align.Result, threshold float64, linksPerPassage int) AlignmentJSON {
	out := AlignmentJSON{Documents: in.out, Links: make([]LinkJSON, 0, len(res.Links)),
		Groups: make([]AlignGroupJSON, 0, len(res.Groups)), Threshold: threshold}
	names := func(ids []string) []string {
		out := make([]string, 0, len(ids))
		for _, id := range ids {
			if n, ok := in.entities[id]; ok {
				out = append(out, n)
			} else {
				out = append(out, id)
			}
		}
		return out
	}
	links := res.Links
	if linksPerPassage > 0 {
		links = strongestLinks(links, linksPerPassage)
	}
	for _, l := range links {
		ev := l.Evidence
		if len(ev.Terms) > maxEvidenceTerms {
			ev.Terms = ev.Terms[:maxEvidenceTerms]
		}
		ev.Entities = names(ev.Entities)
		if ev.Numbers == nil {
			ev.Numbers = []string{}
		}
		if ev.Terms == nil {
			ev.Terms = []string{}
		}
		out.Links = append(out.Links, LinkJSON{A: in.ref(l.A), B: in.ref(l.B), Score: round3(l.Score), Quote: l.Quote, Evidence: ev})
	}
	for _, g := range res.Groups {
		gj := AlignGroupJSON{ID: g.ID, Kind: g.Kind, Speaker: g.Speaker, Passages: make([]RefJSON, 0, len(g.Passages)), Diff: make([]DiffJSON, 0, len(g.Diff))}
		if n, ok := in.entities[g.Speaker]; ok {
			gj.Speaker = n
		}
		for _, r := range g.Passages {
			gj.Passages = append(gj.Passages, in.ref(r))
		}
		for _, d := range g.Diff {
			gj.Diff = append(gj.Diff, DiffJSON{A: in.ref(d.A), B: in.ref(d.B), Ops: d.Ops})
		}
		out.Groups = append(out.Groups, gj)
	}
	return out
}

const (
	// maxLinksPerPassage: a fact that k outlets report is k(k-1)/2 links;
	// a story's alignment keeps, for each passage, its strongest few (the
	// stateless /align returns every link) (a link stays if
	// it is among the strongest of either end). Groups still list every
	// passage of a fact, and coverage is computed from every link.
	maxLinksPerPassage = 3
	// maxEvidenceTerms caps the shared terms listed as a link's evidence.
	maxEvidenceTerms = 8
)

// strongestLinks keeps the links that are among the n strongest of at
// least one of their two passages, in their original order.
func strongestLinks(links []align.Link, n int) []align.Link {
	byPassage := map[align.Ref][]int{}
	for i, l := range links {
		byPassage[l.A] = append(byPassage[l.A], i)
		byPassage[l.B] = append(byPassage[l.B], i)
	}
	keep := make([]bool, len(links))
	for _, idx := range byPassage {
		sort.SliceStable(idx, func(i, j int) bool { return links[idx[i]].Score > links[idx[j]].Score })
		for _, i := range idx[:min(n, len(idx))] {
			keep[i] = true
		}
	}
	out := make([]align.Link, 0, len(links))
	for i, l := range links {
		if keep[i] {
			out = append(out, l)
		}
	}
	return out
}

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }

func parsePublished(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// storyDoc turns a stored article and its passages into align's input;
// entities are the stored entity ids, so desk merges count.
func storyDoc(a store.Article, ps []store.Passage) align.Document {
	d := align.Document{ID: strconv.FormatInt(a.ID, 10), Outlet: a.Outlet, Lang: a.Language.Code, Published: parsePublished(a.PublishedAt)}
	for _, p := range ps {
		ap := align.Passage{ID: strconv.FormatInt(p.ID, 10), Text: p.Text, Lang: p.Language.Code}
		for _, m := range p.Mentions {
			id := "e" + strconv.FormatInt(m.EntityID, 10)
			if !slices.Contains(ap.Entities, id) {
				ap.Entities = append(ap.Entities, id)
			}
			ap.Mentions = append(ap.Mentions, align.Mention{Start: m.Start, End: m.End, Entity: id})
		}
		d.Passages = append(d.Passages, ap)
	}
	// Read once: placement and alignment compare this document with many
	// others, and the article's text never changes.
	d.TextDate, _ = align.LatestDate(d)
	d.TextDateKnown = true
	return d
}

// storyDocs returns the align documents of every article of a story.
// Each article's document is built once and kept (articleDocs): a story
// that grows by one article reads one article's passages, not all of them.
func (s *Server) storyDocs(ctx context.Context, storyID int64) (*store.Story, []align.Document, error) {
	st, err := s.st.Story(ctx, storyID)
	if err != nil {
		return nil, nil, err
	}
	c := &s.articleDocs
	c.mu.Lock()
	var missing []int64
	for _, a := range st.Articles {
		if _, ok := c.m[a.ID]; !ok {
			missing = append(missing, a.ID)
		}
	}
	gen := c.gen
	c.mu.Unlock()
	loaded := map[int64]align.Document{}
	if len(missing) > 0 {
		ps, err := s.st.ArticlePassages(ctx, missing)
		if err != nil {
			return nil, nil, err
		}
		for _, a := range st.Articles {
			if _, ok := ps[a.ID]; ok || slices.Contains(missing, a.ID) {
				loaded[a.ID] = storyDoc(a, ps[a.ID])
			}
		}
	}
	docs := make([]align.Document, 0, len(st.Articles))
	c.mu.Lock()
	if c.m == nil {
		c.m = map[int64]align.Document{}
	}
	for _, a := range st.Articles {
		d, ok := c.m[a.ID]
		if !ok {
			d = loaded[a.ID]
			if c.gen == gen {
				c.m[a.ID] = d
			}
		}
		docs = append(docs, d)
	}
	c.mu.Unlock()
	return st, docs, nil
}

// articleDocCache keeps each article's align document. An article's
// passages and mentions never change, but a desk's entity merge or detach
// changes the entity ids in them: reset then empties the cache, and gen
// keeps a load that raced with the reset from filling it with old ids.
type articleDocCache struct {
	mu  sync.Mutex
	m   map[int64]align.Document
	gen int
}

func (c *articleDocCache) reset() {
	c.mu.Lock()
	c.m = nil
	c.gen++
	c.mu.Unlock()
}

// placement decides, inside the ingest transaction, which story a new
// article joins: the story whose articles report the same event, or a new
// one titled after the article. Only the few articles of each story that
// share the most entities with the new one are compared, and only for the
// stories that share any, so placement does not grow with the corpus.
func (s *Server) placement(ctx context.Context) store.Placement {
	return func(a *store.Article) (store.StoryChange, error) {
		doc := storyDoc(*a, a.Passages)
		revs, err := s.st.StoryRevisions(ctx)
		if err != nil {
			return store.StoryChange{}, err
		}
		mine := entitySet(doc)
		type candidate struct {
			id      int64
			overlap float64
			docs    []align.Document
		}
		var cands []candidate
		for id, rev := range revs {
			docs, err := s.cachedStoryDocs(ctx, id, rev)
			if err != nil {
				return store.StoryChange{}, err
			}
			c := candidate{id: id}
			scored := make([]float64, len(docs))
			for i, d := range docs {
				scored[i] = jaccard(mine, entitySet(d))
			}
			order := make([]int, len(docs))
			for i := range order {
				order[i] = i
			}
			sort.SliceStable(order, func(i, j int) bool { return scored[order[i]] > scored[order[j]] })
			for _, i := range order[:min(placementDocsPerStory, len(order))] {
				if scored[i] > 0 {
					c.docs = append(c.docs, docs[i])
					c.overlap = max(c.overlap, scored[i])
				}
			}
			if len(c.docs) > 0 {
				cands = append(cands, c)
			}
		}
		sort.SliceStable(cands, func(i, j int) bool {
			if cands[i].overlap != cands[j].overlap {
				return cands[i].overlap > cands[j].overlap
			}
			return cands[i].id < cands[j].id
		})
		cands = cands[:min(placementStories, len(cands))]
		stories := make([][]align.Document, len(cands))
		for i, c := range cands {
			stories[i] = c.docs
		}
		if i, _ := s.aligner().AssignStory(doc, stories); i >= 0 {
			return store.StoryChange{StoryID: cands[i].id}, nil
		}
		title := a.Title
		if title == "" && len(a.Passages) > 0 {
			title = truncate(a.Passages[0].Text, 120)
		}
		return store.StoryChange{NewTitle: title}, nil
	}
}

const (
	// placementDocsPerStory is how many articles of a story a new article
	// is compared with (those sharing the most entities with it).
	placementDocsPerStory = 3
	// placementStories is how many candidate stories are compared.
	placementStories = 20
)

func entitySet(d align.Document) map[string]bool {
	out := map[string]bool{}
	for _, p := range d.Passages {
		for _, e := range p.Entities {
			out[e] = true
		}
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// storyDocsCache keeps each story's align documents for the revision they
// were read at; a desk's entity merge or detach empties it (entity ids in
// the documents change).
type storyDocsCache struct {
	mu sync.Mutex
	m  map[int64]cachedDocs
}

type cachedDocs struct {
	rev  int64
	docs []align.Document
}

func (c *storyDocsCache) reset() {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}

func (s *Server) cachedStoryDocs(ctx context.Context, id, rev int64) ([]align.Document, error) {
	c := &s.storyDocsCache
	c.mu.Lock()
	if cd, ok := c.m[id]; ok && cd.rev == rev {
		c.mu.Unlock()
		return cd.docs, nil
	}
	c.mu.Unlock()
	_, docs, err := s.storyDocs(ctx, id)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[int64]cachedDocs{}
	}
	c.m[id] = cachedDocs{rev: rev, docs: docs}
	c.mu.Unlock()
	return docs, nil
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}

func (s *Server) computeAlignment(ctx context.Context, storyID int64) ([]byte, error) {
	st, docs, err := s.storyDocs(ctx, storyID)
	if err != nil {
		return nil, err
	}
	al := s.aligner()
	in := alignInput{docs: docs, out: make([]AlignDocJSON, 0, len(docs)), entities: map[string]string{}, docID: func(id string) any {
		n, _ := strconv.ParseInt(id, 10, 64)
		return n
	}}
	seen := map[int64]bool{}
	var entityIDs []int64
	for i, a := range st.Articles {
		dj := AlignDocJSON{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Language: a.Language.Code, Passages: make([]AlignPassageJSON, 0, len(docs[i].Passages))}
		for _, p := range docs[i].Passages {
			id, _ := strconv.ParseInt(p.ID, 10, 64)
			pj := AlignPassageJSON{ID: id, Text: p.Text, Language: p.Lang}
			for _, m := range p.Mentions {
				eid, _ := strconv.ParseInt(strings.TrimPrefix(m.Entity, "e"), 10, 64)
				pj.Mentions = append(pj.Mentions, MentionJSON{Start: m.Start, End: m.End, Surface: p.Text[m.Start:m.End], EntityID: eid})
				if !seen[eid] {
					seen[eid] = true
					entityIDs = append(entityIDs, eid)
				}
			}
			dj.Passages = append(dj.Passages, pj)
		}
		in.out = append(in.out, dj)
	}
	labels, err := s.st.EntityLabels(ctx, entityIDs)
	if err != nil {
		return nil, err
	}
	for id, label := range labels {
		in.entities["e"+strconv.FormatInt(id, 10)] = label
	}
	res := al.Align(docs, al.DefaultThreshold())
	return json.Marshal(in.render(res, al.DefaultThreshold(), maxLinksPerPassage))
}

// StoryJSON is a story with its articles.
type StoryJSON struct {
	ID        int64              `json:"id"`
	Title     string             `json:"title"`
	Manual    bool               `json:"manual"`
	Articles  []StoryArticleJSON `json:"articles"`
	Outlets   []string           `json:"outlets"`
	Languages []string           `json:"languages"`
}

// StoryArticleJSON names an article of a story.
type StoryArticleJSON struct {
	ID          int64  `json:"id"`
	Outlet      string `json:"outlet"`
	Title       string `json:"title"`
	Language    string `json:"language"`
	PublishedAt string `json:"published_at"`
}

func storyJSON(st *store.Story) StoryJSON {
	out := StoryJSON{ID: st.ID, Title: st.Title, Manual: st.Manual, Articles: make([]StoryArticleJSON, 0, len(st.Articles)),
		Outlets: []string{}, Languages: []string{}}
	for _, a := range st.Articles {
		out.Articles = append(out.Articles, StoryArticleJSON{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Language: a.Language.Code, PublishedAt: a.PublishedAt})
		if !slices.Contains(out.Outlets, a.Outlet) {
			out.Outlets = append(out.Outlets, a.Outlet)
		}
		if !slices.Contains(out.Languages, a.Language.Code) {
			out.Languages = append(out.Languages, a.Language.Code)
		}
	}
	return out
}

func (s *Server) listStories(c echo.Context) error {
	after, limit, err := pageParams(c, "s")
	if err != nil {
		return err
	}
	list, next, err := s.st.Stories(c.Request().Context(), after, limit)
	if err != nil {
		return err
	}
	out := ListJSON[StoryJSON]{Items: make([]StoryJSON, 0, len(list)), Next: encodeCursor("s", next)}
	for i := range list {
		out.Items = append(out.Items, storyJSON(&list[i]))
	}
	return c.JSON(http.StatusOK, out)
}

func (s *Server) getStory(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	st, err := s.st.Story(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, storyJSON(st))
}

type storyInput struct {
	Title    string  `json:"title"`
	Articles []int64 `json:"articles"`
}

func (s *Server) createStory(ctx context.Context, in storyInput) (*store.Story, error) {
	in.Title = strings.TrimSpace(in.Title)
	if in.Title == "" {
		return nil, problem(http.StatusBadRequest, "The field \"title\" is required: name the story.")
	}
	if utf8.RuneCountInString(in.Title) > maxTitle {
		return nil, problem(http.StatusBadRequest, "The title is longer than %d characters.", maxTitle)
	}
	for _, aid := range in.Articles {
		if _, err := s.st.StoryOf(ctx, aid); err != nil {
			return nil, err
		}
	}
	id, err := s.st.CreateStory(ctx, in.Title)
	if err != nil {
		return nil, err
	}
	for _, aid := range in.Articles {
		if err := s.moveArticle(ctx, aid, id); err != nil {
			return nil, err
		}
	}
	if len(in.Articles) == 0 {
		s.enqueueRealign(id)
	}
	return s.st.Story(ctx, id)
}

func (s *Server) postStory(c echo.Context) error {
	var in storyInput
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	st, err := s.createStory(c.Request().Context(), in)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/stories/"+strconv.FormatInt(st.ID, 10))
	return c.JSON(http.StatusCreated, storyJSON(st))
}

func (s *Server) moveArticle(ctx context.Context, articleID, storyID int64) error {
	from, err := s.st.MoveArticle(ctx, articleID, storyID)
	if err != nil {
		return err
	}
	s.enqueueRealign(storyID, from)
	return nil
}

type moveInput struct {
	Story int64 `json:"story"`
}

func (s *Server) putArticleStory(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in moveInput
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	if in.Story <= 0 {
		return problem(http.StatusBadRequest, "The field \"story\" must be the id of the story to move the article to (POST /api/v1/stories starts a new one).")
	}
	if err := s.moveArticle(c.Request().Context(), id, in.Story); err != nil {
		return err
	}
	st, err := s.st.Story(c.Request().Context(), in.Story)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, storyJSON(st))
}

func (s *Server) getAlignment(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	rev, after, err := decodeAlignmentCursor(c.QueryParam("cursor"))
	if err != nil {
		return err
	}
	limit, err := parseLimit(c)
	if err != nil {
		return err
	}
	a, err := s.storyAlignment(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if rev != 0 && rev != a.rev {
		return problem(http.StatusConflict, "Story %d changed since that page was served (its alignment was revision %d and is now %d); start again from the first page.", id, rev, a.rev)
	}
	p, err := a.page(after, limit)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
	if strings.Contains(c.Request().Header.Get(echo.HeaderAcceptEncoding), "gzip") {
		h.Set(echo.HeaderContentEncoding, "gzip")
		return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, p.gz)
	}
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, p.body)
}

// CoverageJSON says, for a story, which outlet reported which fact and
// what each outlet alone has.
type CoverageJSON struct {
	Outlets []string           `json:"outlets"`
	Rows    []CoverageRowJSON  `json:"rows"`
	Unique  []UniqueOutletJSON `json:"unique"`
}

// CoverageRowJSON is one alignment group: the outlets that report it
// (with their passages) and those that left it out.
type CoverageRowJSON struct {
	Group   int                  `json:"group"`
	Kind    string               `json:"kind"`
	Summary string               `json:"summary"`
	Outlets map[string][]RefJSON `json:"outlets"`
	Missing []string             `json:"missing"`
}

// UniqueOutletJSON lists the passages of an outlet that no other outlet
// reports.
type UniqueOutletJSON struct {
	Outlet   string    `json:"outlet"`
	Passages []RefJSON `json:"passages"`
}

func coverage(a AlignmentJSON) CoverageJSON {
	outletOf := map[any]string{}
	text := map[RefJSON]string{}
	outlets := []string{}
	for _, d := range a.Documents {
		outletOf[d.ID] = d.Outlet
		if !slices.Contains(outlets, d.Outlet) {
			outlets = append(outlets, d.Outlet)
		}
		for _, p := range d.Passages {
			text[RefJSON{Document: d.ID, Passage: p.ID}] = p.Text
		}
	}
	out := CoverageJSON{Outlets: outlets, Rows: []CoverageRowJSON{}, Unique: []UniqueOutletJSON{}}
	linked := map[RefJSON]bool{}
	for _, l := range a.Links {
		linked[l.A], linked[l.B] = true, true
	}
	for _, g := range a.Groups {
		row := CoverageRowJSON{Group: g.ID, Kind: g.Kind, Outlets: map[string][]RefJSON{}, Missing: []string{}}
		for _, r := range g.Passages {
			o := outletOf[r.Document]
			row.Outlets[o] = append(row.Outlets[o], r)
			linked[r] = true
			if row.Summary == "" {
				row.Summary = truncate(text[r], 140)
			}
		}
		for _, o := range outlets {
			if _, ok := row.Outlets[o]; !ok {
				row.Missing = append(row.Missing, o)
			}
		}
		out.Rows = append(out.Rows, row)
	}
	for _, o := range outlets {
		u := UniqueOutletJSON{Outlet: o, Passages: []RefJSON{}}
		for _, d := range a.Documents {
			if d.Outlet != o {
				continue
			}
			for _, p := range d.Passages {
				r := RefJSON{Document: d.ID, Passage: p.ID}
				if !linked[r] {
					u.Passages = append(u.Passages, r)
				}
			}
		}
		out.Unique = append(out.Unique, u)
	}
	return out
}

func (s *Server) storyCoverage(ctx context.Context, id int64) (*AlignmentJSON, CoverageJSON, error) {
	stored, err := s.storyAlignment(ctx, id)
	if err != nil {
		return nil, CoverageJSON{}, err
	}
	a, err := stored.alignment()
	if err != nil {
		return nil, CoverageJSON{}, fmt.Errorf("server: story %d: %w", id, err)
	}
	return a, coverage(*a), nil
}

// normaliseIDs turns the ids JSON decoding made float64 back into int64,
// so that references compare equal to document ids.
func normaliseIDs(a *AlignmentJSON) {
	fix := func(v any) any {
		if f, ok := v.(float64); ok {
			return int64(f)
		}
		return v
	}
	for i := range a.Documents {
		a.Documents[i].ID = fix(a.Documents[i].ID)
	}
	for i := range a.Links {
		a.Links[i].A.Document, a.Links[i].B.Document = fix(a.Links[i].A.Document), fix(a.Links[i].B.Document)
	}
	for i := range a.Groups {
		for j := range a.Groups[i].Passages {
			a.Groups[i].Passages[j].Document = fix(a.Groups[i].Passages[j].Document)
		}
		for j := range a.Groups[i].Diff {
			d := &a.Groups[i].Diff[j]
			d.A.Document, d.B.Document = fix(d.A.Document), fix(d.B.Document)
		}
	}
}

func (s *Server) getCoverage(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	_, cov, err := s.storyCoverage(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cov)
}

type alignDocInput struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Language string `json:"language"`
	Outlet   string `json:"outlet"`
}

type alignRequest struct {
	Documents []alignDocInput `json:"documents"`
	Threshold *float64        `json:"threshold"`
}

const maxAlignDocs = 50

// alignDocuments is the stateless alignment: the documents go through the
// same cleaning, segmentation, language detection and name matching as an
// ingest, and nothing is stored.
func (s *Server) alignDocuments(c echo.Context) error {
	var in alignRequest
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	if len(in.Documents) < 2 || len(in.Documents) > maxAlignDocs {
		return problem(http.StatusBadRequest, "Send from 2 to %d documents to align; got %d.", maxAlignDocs, len(in.Documents))
	}
	p, err := s.pipeline()
	if err != nil {
		return err
	}
	al := s.aligner()
	threshold := al.DefaultThreshold()
	if in.Threshold != nil {
		if *in.Threshold < 0 || *in.Threshold > 1 {
			return problem(http.StatusBadRequest, "threshold must be between 0 and 1, not %v.", *in.Threshold)
		}
		threshold = *in.Threshold
	}
	req := alignInput{entities: map[string]string{}, docID: func(id string) any { return id }}
	seen := map[string]bool{}
	for i, d := range in.Documents {
		d.ID = strings.TrimSpace(d.ID)
		if d.ID == "" {
			d.ID = strconv.Itoa(i)
		}
		if seen[d.ID] {
			return problem(http.StatusBadRequest, "Two documents share the id %q; ids must be unique.", d.ID)
		}
		seen[d.ID] = true
		if strings.TrimSpace(d.Text) == "" {
			return problem(http.StatusBadRequest, "Document %q has no text.", d.ID)
		}
		doc, err := p.Process(pipeline.Input{Text: d.Text, Language: d.Language})
		if err != nil {
			he := processProblem(err)
			he.Message = fmt.Sprintf("Document %q: %s", d.ID, he.Message)
			return he
		}
		ad := align.Document{ID: d.ID, Outlet: d.Outlet, Lang: doc.Language.Code}
		dj := AlignDocJSON{ID: d.ID, Outlet: d.Outlet, Language: doc.Language.Code, Passages: []AlignPassageJSON{}}
		for j, ps := range doc.Passages {
			ap := align.Passage{ID: strconv.Itoa(j), Text: ps.Text, Lang: ps.Language.Code}
			pj := AlignPassageJSON{ID: int64(j), Text: ps.Text, Language: ps.Language.Code}
			for _, m := range ps.Mentions {
				id := "k:" + m.Key
				name := m.Surface
				if m.EntityID != "" {
					id = "g:" + m.EntityID
					if e, ok := p.Entity(m.EntityID); ok {
						name = e.Canonical
					}
				}
				if !slices.Contains(ap.Entities, id) {
					ap.Entities = append(ap.Entities, id)
				}
				ap.Mentions = append(ap.Mentions, align.Mention{Start: m.Start, End: m.End, Entity: id})
				req.entities[id] = name
				pj.Mentions = append(pj.Mentions, MentionJSON{Start: m.Start, End: m.End, Surface: m.Surface})
			}
			ad.Passages = append(ad.Passages, ap)
			dj.Passages = append(dj.Passages, pj)
		}
		req.docs = append(req.docs, ad)
		req.out = append(req.out, dj)
	}
	res := al.Align(req.docs, threshold)
	return c.JSON(http.StatusOK, req.render(res, threshold, 0))
}
