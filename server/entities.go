package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"interlinear/lang/names"
	"interlinear/lang/pipeline"
	"interlinear/server/store"
)

// mentionInputs turns the names the pipeline found into what the store
// needs to resolve them to entities.
func mentionInputs(p *pipeline.Pipeline, doc pipeline.Document) []store.MentionInput {
	var out []store.MentionInput
	for i, ps := range doc.Passages {
		for _, m := range ps.Mentions {
			in := store.MentionInput{
				Passage: i, Start: m.Start, End: m.End, Surface: m.Surface,
				GazetteerID: m.EntityID, Type: m.Type, Key: m.Key,
				Skeleton: names.Skeleton(m.Surface), Script: string(names.ScriptOf(m.Surface)),
			}
			if in.Key == "" {
				in.Key = names.Key(m.Surface)
			}
			if e, ok := p.Entity(m.EntityID); ok {
				in.Canonical, in.Type = e.Canonical, e.Type
			}
			out = append(out, in)
		}
	}
	return out
}

// EntityJSON is an entity with every spelling and who used it.
type EntityJSON struct {
	ID          int64         `json:"id"`
	Canonical   string        `json:"canonical"`
	Preferred   string        `json:"preferred"`
	PreferredBy string        `json:"preferred_by"`
	Type        string        `json:"type"`
	GazetteerID string        `json:"gazetteer_id"`
	Mentions    int           `json:"mentions"`
	Variants    []VariantJSON `json:"variants"`
}

// VariantJSON is one spelling of an entity.
type VariantJSON struct {
	Spelling string         `json:"spelling"`
	Script   string         `json:"script"`
	Language string         `json:"language"`
	Outlets  map[string]int `json:"outlets"`
}

func entityJSON(e *store.Entity) EntityJSON {
	out := EntityJSON{ID: e.ID, Canonical: e.Canonical, Preferred: e.Preferred, PreferredBy: e.PreferredBy,
		Type: e.Type, GazetteerID: e.GazetteerID, Mentions: e.Mentions, Variants: make([]VariantJSON, 0, len(e.Variants))}
	for _, v := range e.Variants {
		out.Variants = append(out.Variants, VariantJSON{Spelling: v.Spelling, Script: v.Script, Language: v.Language, Outlets: v.Outlets})
	}
	return out
}

var entityTypes = map[string]bool{"person": true, "place": true, "organization": true, "other": true}

func (s *Server) entityFilter(c echo.Context) (store.EntityFilter, error) {
	f := store.EntityFilter{
		Outlet:   strings.TrimSpace(c.QueryParam("outlet")),
		Type:     strings.TrimSpace(c.QueryParam("type")),
		Spelling: strings.TrimSpace(c.QueryParam("q")),
	}
	if f.Type != "" && !entityTypes[f.Type] {
		return f, problem(http.StatusBadRequest, "type must be person, place, organization or other, not %q.", f.Type)
	}
	if v := c.QueryParam("story"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return f, problem(http.StatusBadRequest, "story must be a story id, not %q.", v)
		}
		f.Story = id
	}
	if f.Spelling != "" {
		f.Key = names.Key(f.Spelling)
	}
	var err error
	f.After, f.Limit, err = pageParams(c, "e")
	return f, err
}

// entityIDsChanged drops what holds entity ids of mentions (the documents
// placement and alignment compare) after a desk's merge or detach, and
// has the stories the change made stale realigned.
func (s *Server) entityIDsChanged(ctx context.Context) {
	s.storyDocsCache.reset()
	s.articleDocs.reset()
	s.realignStaleLater(ctx)
}

// realignStaleLater queues every stale story for the background realigner.
func (s *Server) realignStaleLater(ctx context.Context) {
	ids, err := s.st.StaleStories(ctx)
	if err != nil {
		s.log.Error("stale stories", slog.Any("error", err))
		return
	}
	s.enqueueRealign(ids...)
}

func (s *Server) listEntities(c echo.Context) error {
	f, err := s.entityFilter(c)
	if err != nil {
		return err
	}
	list, next, err := s.st.Entities(c.Request().Context(), f)
	if err != nil {
		return err
	}
	out := ListJSON[EntityJSON]{Items: make([]EntityJSON, 0, len(list)), Next: encodeCursor("e", next)}
	for i := range list {
		out.Items = append(out.Items, entityJSON(&list[i]))
	}
	return c.JSON(http.StatusOK, out)
}

func (s *Server) getEntity(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	e, err := s.st.Entity(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, entityJSON(e))
}

type spellingInput struct {
	Spelling string `json:"spelling"`
}

func validSpelling(sp string) (string, error) {
	sp = strings.Join(strings.Fields(sp), " ")
	if sp == "" {
		return "", problem(http.StatusBadRequest, "The field \"spelling\" is required and must not be blank.")
	}
	if utf8.RuneCountInString(sp) > 200 {
		return "", problem(http.StatusBadRequest, "A spelling is at most 200 characters.")
	}
	return sp, nil
}

func (s *Server) setPreferred(ctx context.Context, id int64, spelling string) (*store.Entity, error) {
	sp, err := validSpelling(spelling)
	if err != nil {
		return nil, err
	}
	if err := s.st.SetPreferred(ctx, id, sp); err != nil {
		return nil, err
	}
	s.realignStaleLater(ctx)
	return s.st.Entity(ctx, id)
}

func (s *Server) putPreferred(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in spellingInput
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	e, err := s.setPreferred(c.Request().Context(), id, in.Spelling)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, entityJSON(e))
}

type mergeInput struct {
	Other int64 `json:"other"`
}

func (s *Server) merge(ctx context.Context, id, other int64) (*store.Entity, error) {
	if other <= 0 {
		return nil, problem(http.StatusBadRequest, "The field \"other\" must be the id of the entity to merge into this one.")
	}
	if other == id {
		return nil, problem(http.StatusBadRequest, "An entity cannot be merged with itself.")
	}
	if err := s.st.MergeEntities(ctx, id, other); err != nil {
		return nil, err
	}
	s.entityIDsChanged(ctx)
	return s.st.Entity(ctx, id)
}

func (s *Server) mergeEntity(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in mergeInput
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	e, err := s.merge(c.Request().Context(), id, in.Other)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, entityJSON(e))
}

func (s *Server) detach(ctx context.Context, id int64, spelling string) (*store.Entity, error) {
	if strings.TrimSpace(spelling) == "" {
		return nil, problem(http.StatusBadRequest, "The field \"spelling\" is required: say which spelling to detach.")
	}
	newID, err := s.st.DetachVariant(ctx, id, spelling)
	if errors.Is(err, store.ErrLastVariant) {
		return nil, problem(http.StatusConflict, "%q is this entity's only spelling; merge or leave it instead of detaching it.", spelling)
	}
	if err != nil {
		return nil, err
	}
	s.entityIDsChanged(ctx)
	return s.st.Entity(ctx, newID)
}

// detachVariant moves a wrongly grouped spelling into an entity of its own
// and answers with that new entity.
func (s *Server) detachVariant(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var in spellingInput
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	e, err := s.detach(c.Request().Context(), id, in.Spelling)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/entities/"+strconv.FormatInt(e.ID, 10))
	return c.JSON(http.StatusCreated, entityJSON(e))
}

type namesInput struct {
	Names []string `json:"names"`
}

const maxNames = 1000

func (in namesInput) validate() error {
	if len(in.Names) == 0 {
		return problem(http.StatusBadRequest, "The field \"names\" must be a non-empty list of names.")
	}
	if len(in.Names) > maxNames {
		return problem(http.StatusBadRequest, "At most %d names per request; got %d.", maxNames, len(in.Names))
	}
	for i, n := range in.Names {
		if utf8.RuneCountInString(n) > 200 {
			return problem(http.StatusBadRequest, "Name %d is longer than 200 characters.", i)
		}
	}
	return nil
}

// ResolvedJSON is one name's entity (or null) and its transliteration key.
type ResolvedJSON struct {
	Name   string         `json:"name"`
	Key    string         `json:"key"`
	Entity *EntityRefJSON `json:"entity"`
}

// EntityRefJSON names an entity briefly.
type EntityRefJSON struct {
	ID          int64  `json:"id"`
	Canonical   string `json:"canonical"`
	Preferred   string `json:"preferred"`
	GazetteerID string `json:"gazetteer_id"`
}

// resolveName finds the stored entity a name refers to, through the
// gazetteer and the transliteration key; gazetteer entities no article
// mentions yet are reported with id 0 and their gazetteer id.
func (s *Server) resolveName(ctx context.Context, p *pipeline.Pipeline, name string) (*EntityRefJSON, error) {
	key := names.Key(name)
	var gazID, canonical string
	if m := p.Names(); m != nil {
		if e, ok := m.Resolve(name); ok {
			gazID, canonical = e.ID, e.Canonical
		}
	}
	e, ok, err := s.st.LookupEntity(ctx, strings.TrimSpace(name), gazID, key)
	if err != nil {
		return nil, err
	}
	if ok {
		return &EntityRefJSON{ID: e.ID, Canonical: e.Canonical, Preferred: e.Preferred, GazetteerID: gazID}, nil
	}
	if gazID != "" {
		return &EntityRefJSON{Canonical: canonical, Preferred: canonical, GazetteerID: gazID}, nil
	}
	return nil, nil
}

func (s *Server) resolveNames(c echo.Context) error {
	var in namesInput
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	p, err := s.pipeline()
	if err != nil {
		return err
	}
	out := struct {
		Items []ResolvedJSON `json:"items"`
	}{Items: make([]ResolvedJSON, 0, len(in.Names))}
	for _, n := range in.Names {
		ref, err := s.resolveName(c.Request().Context(), p, n)
		if err != nil {
			return err
		}
		out.Items = append(out.Items, ResolvedJSON{Name: n, Key: names.Key(n), Entity: ref})
	}
	return c.JSON(http.StatusOK, out)
}

// GroupJSON is one same-entity group of the names given.
type GroupJSON struct {
	Canonical string `json:"canonical"`
	Members   []int  `json:"members"`
}

func (s *Server) groupNames(c echo.Context) error {
	var in namesInput
	if err := s.bindJSON(c, &in); err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	p, err := s.pipeline()
	if err != nil {
		return err
	}
	m := p.Names()
	if m == nil {
		return problem(http.StatusServiceUnavailable, "Name matching is not configured on this server.")
	}
	groups := m.Group(in.Names)
	out := struct {
		Groups []GroupJSON `json:"groups"`
	}{Groups: make([]GroupJSON, 0, len(groups))}
	for _, g := range groups {
		out.Groups = append(out.Groups, GroupJSON{Canonical: g.Canonical, Members: g.Members})
	}
	return c.JSON(http.StatusOK, out)
}

type normalizeInput struct {
	Text     string `json:"text"`
	Language string `json:"language"`
}

// ReplacementJSON is one rewrite into house style, its span in the input.
type ReplacementJSON struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	From     string `json:"from"`
	To       string `json:"to"`
	EntityID int64  `json:"entity_id"`
}

// normalize rewrites the names of a text into the desk's house spellings.
// Names are resolved to stored entities (the house style lives there);
// gazetteer entities nobody has mentioned yet use their canonical name.
func (s *Server) normalize(c echo.Context) error {
	var in normalizeInput
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
	m := p.Names()
	if m == nil {
		return problem(http.StatusServiceUnavailable, "Name matching is not configured on this server.")
	}
	lang := strings.TrimSpace(in.Language)
	if lang == "" {
		lang = p.Detector().Detect(in.Text).Language.Code
	}
	ctx := c.Request().Context()
	mentions := m.Extract(in.Text, lang)
	preferred := map[string]string{}
	ids := map[string]int64{}
	for i, mn := range mentions {
		e, ok, err := s.st.LookupEntity(ctx, mn.Surface, mn.EntityID, mn.Key)
		if err != nil {
			return err
		}
		ref := ""
		switch {
		case ok:
			ref = "db:" + strconv.FormatInt(e.ID, 10)
			preferred[ref], ids[ref] = e.Preferred, e.ID
		case mn.EntityID != "":
			ge, _ := p.Entity(mn.EntityID)
			ref = "gaz:" + mn.EntityID
			preferred[ref] = ge.Canonical
		}
		mentions[i].EntityID = ref
		// A short form of the house spelling ("Putin" for "Vladimir
		// Putin", "Assad" for "Bashar al-Assad") is a style of its own,
		// not a variant spelling: it is left as written.
		if p := preferred[ref]; p != mn.Surface && isShortForm(mn.Surface, p) {
			mentions[i].EntityID = ""
		}
	}
	text, reps := names.Normalize(in.Text, mentions, func(ref string) (string, bool) {
		v, ok := preferred[ref]
		return v, ok && v != ""
	})
	out := struct {
		Text         string            `json:"text"`
		Replacements []ReplacementJSON `json:"replacements"`
	}{Text: text, Replacements: make([]ReplacementJSON, 0, len(reps))}
	for _, r := range reps {
		out.Replacements = append(out.Replacements, ReplacementJSON{Start: r.Start, End: r.End, From: r.From, To: r.To, EntityID: ids[r.EntityID]})
	}
	return c.JSON(http.StatusOK, out)
}

// isShortForm reports whether short is the last word or words of full, as
// a surname is of a full name.
func isShortForm(short, full string) bool {
	return len(short) < len(full) && (strings.HasSuffix(full, " "+short) || strings.HasSuffix(full, "-"+short) ||
		strings.HasSuffix(strings.ToLower(full), " "+strings.ToLower(short)))
}
