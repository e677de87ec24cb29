package server

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"interlinear/server/store"
)

// storedAlignment is a story's alignment as stored, with the story
// revision it was computed from; it is decoded on first use and served
// in pages (alignpage.go).
type storedAlignment struct {
	rev  int64
	body []byte // the stored JSON, until decoded
	alignmentPages
}

// alignmentCache keeps the alignments served most recently in memory, so
// a read costs one small revision query and no copy of the body.
type alignmentCache struct {
	mu sync.RWMutex
	m  map[int64]*storedAlignment
}

func (c *alignmentCache) get(id, rev int64) *storedAlignment {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if a := c.m[id]; a != nil && a.rev == rev {
		return a
	}
	return nil
}

// maxCachedAlignments bounds the cache; past it, the whole cache is
// dropped (stories read again are loaded again).
const maxCachedAlignments = 256

func (c *alignmentCache) put(id int64, a *storedAlignment) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxCachedAlignments {
		c.m = map[int64]*storedAlignment{}
	}
	if old := c.m[id]; old == nil || old.rev <= a.rev {
		c.m[id] = a
	}
}

func newStoredAlignment(rev int64, body []byte) *storedAlignment {
	return &storedAlignment{rev: rev, body: body}
}

// realigner runs story realignments in the background, one story at a
// time, so an ingest returns once its article is committed. Requests for
// a story already waiting are merged: a burst of articles into one story
// costs one realignment.
type realigner struct {
	mu      sync.Mutex
	pending map[int64]bool
	order   []int64
	wake    chan struct{}
}

func (s *Server) enqueueRealign(ids ...int64) {
	r := &s.realigner
	r.mu.Lock()
	for _, id := range ids {
		if id != 0 && !r.pending[id] {
			r.pending[id] = true
			r.order = append(r.order, id)
		}
	}
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

func (s *Server) nextRealign() (int64, bool) {
	r := &s.realigner
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.order) == 0 {
		return 0, false
	}
	id := r.order[0]
	r.order = r.order[1:]
	delete(r.pending, id)
	return id, true
}

// runRealigner works through the queue until ctx ends. A failure is
// logged; the story stays stale in the database and is realigned on its
// next read or at the next start.
//
// Under a steady stream of articles into one large story, realigning it
// back to back would keep a core busy and slow the ingests down; so a
// story is realigned again only after twice as long as its last
// realignment took (at most maxRealignPause), so background realignment
// takes at most a third of a core, and the articles that arrive meanwhile
// are merged into that next realignment. A read of a stale story still
// realigns it on the spot.
func (s *Server) runRealigner(ctx context.Context) {
	last := map[int64]time.Time{} // when each story's realignment may run again
	for {
		for {
			id, ok := s.nextRealign()
			if !ok {
				break
			}
			if wait := time.Until(last[id]); wait > 0 {
				select {
				case <-ctx.Done():
					return
				case <-time.After(wait):
				}
			}
			start := time.Now()
			if _, err := s.realign(ctx, id); err != nil && !errors.Is(err, store.ErrNotFound) && ctx.Err() == nil {
				s.log.Error("realign story", slog.Int64("story", id), slog.Any("error", err))
			}
			took := time.Since(start)
			last[id] = time.Now().Add(min(realignPauseFactor*took, maxRealignPause))
		}
		select {
		case <-ctx.Done():
			return
		case <-s.realigner.wake:
		}
	}
}

// maxRealignPause bounds how long a story waits between two background
// realignments.
const (
	maxRealignPause    = 30 * time.Second
	realignPauseFactor = 2
)

// realign computes a story's alignment from what is committed and stores
// it with the story revision read before the computation began: a change
// committed meanwhile leaves it stale, never passing for fresh.
// Realignments run one at a time; one that finds the stored alignment
// fresh already does nothing.
func (s *Server) realign(ctx context.Context, storyID int64) (*storedAlignment, error) {
	s.alignMu.Lock()
	defer s.alignMu.Unlock()
	st, err := s.st.AlignmentStateOf(ctx, storyID)
	if err != nil {
		return nil, err
	}
	if st.Fresh() {
		return s.loadAlignment(ctx, storyID, st)
	}
	start := time.Now()
	body, err := s.computeAlignment(ctx, storyID)
	if err != nil {
		return nil, err
	}
	s.metrics.align.Observe(time.Since(start).Seconds())
	if err := s.st.PutAlignment(ctx, storyID, st.StoryRevision, body); err != nil {
		return nil, err
	}
	a := newStoredAlignment(st.StoryRevision, body)
	s.alignments.put(storyID, a)
	return a, nil
}

func (s *Server) loadAlignment(ctx context.Context, storyID int64, st store.AlignmentState) (*storedAlignment, error) {
	if a := s.alignments.get(storyID, st.AlignmentRevision); a != nil {
		return a, nil
	}
	body, rev, err := s.st.Alignment(ctx, storyID)
	if err != nil {
		return nil, err
	}
	a := newStoredAlignment(rev, body)
	s.alignments.put(storyID, a)
	return a, nil
}

// storyAlignment returns a story's alignment as it is now: from memory or
// storage when fresh, else computed on the spot, so a client reads its
// own changes.
func (s *Server) storyAlignment(ctx context.Context, id int64) (*storedAlignment, error) {
	st, err := s.st.AlignmentStateOf(ctx, id)
	if err != nil {
		return nil, err
	}
	if st.Fresh() {
		return s.loadAlignment(ctx, id, st)
	}
	if _, err := s.pipeline(); err != nil {
		return nil, err
	}
	return s.realign(ctx, id)
}

// realignStale computes every alignment a change or a crash left stale.
func (s *Server) realignStale(ctx context.Context) error {
	ids, err := s.st.StaleStories(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := s.realign(ctx, id); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	return nil
}
