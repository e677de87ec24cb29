// Package server is Interlinear's HTTP face: the JSON API under /api/v1,
// the HTML pages desks read, health and readiness probes. Handlers bind and
// validate input, call lang/ for analysis and store/ for persistence, and
// return errors that one error handler turns into problem+json or an error
// page.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/labstack/echo/v4"

	"interlinear/lang/align"
	"interlinear/lang/names"
	"interlinear/lang/pipeline"
	"interlinear/seeds"
	"interlinear/server/store"
)

// DefaultBodyLimit is the largest request body accepted: 2 MiB.
const DefaultBodyLimit = 2 << 20

// Options configure a Server.
type Options struct {
	Store     *store.Store
	Logger    *slog.Logger
	BodyLimit int64 // bytes; DefaultBodyLimit when zero
	Version   string
	// Tokens, when not empty, are the bearer tokens every change (articles,
	// stories, entities, house style) must carry; reads stay open.
	Tokens []string
	// WriteRate limits each client's changes per second (0: no limit).
	WriteRate float64
}

// Server holds the dependencies every handler needs.
type Server struct {
	e     *echo.Echo
	st    *store.Store
	log   *slog.Logger
	limit int64
	ver   string

	tokens  []string
	limiter interface {
		Allow(identifier string) (bool, error)
	}
	metrics *metrics

	pipe  atomic.Pointer[pipeline.Pipeline]
	align atomic.Pointer[align.Aligner]
	ready atomic.Bool

	// placeMu makes story placement and the insert it decides one step,
	// so two articles of a new event arriving together join one story.
	placeMu sync.Mutex
	// alignMu runs story realignments one at a time (see realign).
	alignMu        sync.Mutex
	realigner      realigner
	alignments     alignmentCache
	storyDocsCache storyDocsCache
	articleDocs    articleDocCache
}

// New builds the server and its routes. It answers /healthz at once;
// everything that needs language models answers 503 until Start has run.
func New(opt Options) (*Server, error) {
	if opt.Store == nil {
		return nil, errors.New("server: no store")
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opt.BodyLimit <= 0 {
		opt.BodyLimit = DefaultBodyLimit
	}
	s := &Server{st: opt.Store, log: opt.Logger, limit: opt.BodyLimit, ver: opt.Version}
	s.st.SameName = names.Same
	s.tokens = opt.Tokens
	if l := newWriteLimiter(opt.WriteRate); l != nil {
		s.limiter = l
	}
	s.metrics = newMetrics(s)
	s.realigner = realigner{pending: map[int64]bool{}, wake: make(chan struct{}, 1)}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	// The client's address is the connection's: headers such as
	// X-Forwarded-For are the client's to write, and trusting them would
	// let anyone step around the write rate limit.
	e.IPExtractor = echo.ExtractIPDirect()
	r, err := newRenderer()
	if err != nil {
		return nil, err
	}
	e.Renderer = r
	s.e = e
	s.routes()
	return s, nil
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.e.ServeHTTP(w, r) }

// Start attaches the language pipeline and the aligner (built once, with
// their models and lexicons loaded), ingests the seed articles when seed
// is true and this database has not had them yet, computes any story
// alignment a crash left stale, and then marks the server ready.
func (s *Server) Start(ctx context.Context, p *pipeline.Pipeline, al *align.Aligner, seed bool) error {
	s.align.Store(al)
	s.pipe.Store(p)
	go s.runRealigner(ctx)
	if seed {
		n, err := s.loadSeeds(ctx)
		if err != nil {
			return err
		}
		if n > 0 {
			s.log.Info("seeded", slog.Int("articles", n))
		}
	}
	if err := s.realignStale(ctx); err != nil {
		return err
	}
	s.ready.Store(true)
	return nil
}

// aligner returns the passage aligner (set by Start before the pipeline,
// so whoever got the pipeline has it).
func (s *Server) aligner() *align.Aligner { return s.align.Load() }

// Ready reports whether Start has completed.
func (s *Server) Ready() bool { return s.ready.Load() }

func (s *Server) loadSeeds(ctx context.Context) (int, error) {
	list, err := seeds.Articles()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, sa := range list {
		in := articleInput{Outlet: sa.Outlet, Title: sa.Title, Language: sa.Language, PublishedAt: sa.PublishedAt, Text: sa.Text}
		_, created, err := s.ingest(ctx, in, store.SeedKey(sa.File))
		if err != nil {
			return n, fmt.Errorf("server: seed %s: %w", sa.File, err)
		}
		if created {
			n++
		}
	}
	return n, nil
}

// pipeline returns the language pipeline, or a 503 while models load.
func (s *Server) pipeline() (*pipeline.Pipeline, error) {
	p := s.pipe.Load()
	if p == nil {
		return nil, problem(http.StatusServiceUnavailable, "The server is still loading its language models; try again in a few seconds.")
	}
	return p, nil
}

func jsonEncode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	return enc.Encode(v)
}
