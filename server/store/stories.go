package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Story is a set of articles about one event.
type Story struct {
	ID        int64
	Title     string
	Manual    bool
	CreatedAt string
	Articles  []Article // id, outlet, title, language, published_at
}

// StoryChange is what an ingest decides about stories, applied in the
// article's transaction: the story to join, or 0 to start one titled
// NewTitle.
type StoryChange struct {
	StoryID  int64
	NewTitle string
}

// Placement is called inside the transaction that stores an article, once
// its passages and mentions have ids, to decide its story.
type Placement func(a *Article) (StoryChange, error)

func applyStoryChange(ctx context.Context, tx *sql.Tx, articleID int64, ch StoryChange) (int64, error) {
	sid := ch.StoryID
	if sid == 0 {
		id, err := nextRowID(ctx, tx, "stories")
		if err != nil {
			return 0, err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title) VALUES (?, ?)`, id, ch.NewTitle)
		if err != nil {
			return 0, fmt.Errorf("store: create story: %w", err)
		}
		if sid, err = res.LastInsertId(); err != nil {
			return 0, fmt.Errorf("store: create story: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = ? WHERE id = ?`, sid, articleID); err != nil {
		return 0, fmt.Errorf("store: place article: %w", err)
	}
	return sid, staleAlignment(ctx, tx, sid)
}

// staleAlignment marks the alignment of a story whose articles changed
// as stale, in the transaction that changed them, by counting up the
// story's revision: an alignment computed from an older revision is
// recomputed, so a crash between the change and the new alignment loses
// nothing, and a slow computation that started before the change cannot
// pass for a fresh one.
func staleAlignment(ctx context.Context, tx *sql.Tx, storyID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE stories SET revision = revision + 1 WHERE id = ?`, storyID); err != nil {
		return fmt.Errorf("store: revision of story %d: %w", storyID, err)
	}
	return nil
}

// StaleStories lists the stories whose alignment must be computed.
func (s *Store) StaleStories(ctx context.Context) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT s.id FROM stories s LEFT JOIN alignments a ON a.story_id = s.id
		WHERE a.story_id IS NULL OR a.revision < s.revision ORDER BY s.id`)
	if err != nil {
		return nil, fmt.Errorf("store: stale stories: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: stale stories: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// AlignmentState is how a story's stored alignment stands against the
// story: Fresh when it was computed from the story's current revision.
type AlignmentState struct {
	StoryRevision     int64
	AlignmentRevision int64 // -1 when none is stored
}

// Fresh reports whether the stored alignment reflects the story as it is.
func (a AlignmentState) Fresh() bool { return a.AlignmentRevision >= a.StoryRevision }

// AlignmentStateOf returns the revisions of a story and of its alignment.
func (s *Store) AlignmentStateOf(ctx context.Context, storyID int64) (AlignmentState, error) {
	var st AlignmentState
	err := s.r.QueryRowContext(ctx, `SELECT s.revision, COALESCE(a.revision, -1) FROM stories s
		LEFT JOIN alignments a ON a.story_id = s.id WHERE s.id = ?`, storyID).Scan(&st.StoryRevision, &st.AlignmentRevision)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("store: story %d: %w", storyID, ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("store: alignment state of story %d: %w", storyID, err)
	}
	return st, nil
}

func putAlignment(ctx context.Context, tx *sql.Tx, storyID, revision int64, body []byte) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO alignments (story_id, revision, body) VALUES (?, ?, ?)
		ON CONFLICT (story_id) DO UPDATE SET body = excluded.body, revision = excluded.revision,
			computed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
		WHERE excluded.revision >= alignments.revision`,
		storyID, revision, string(body))
	if err != nil {
		return fmt.Errorf("store: alignment of story %d: %w", storyID, err)
	}
	return nil
}

// Alignment returns the stored alignment JSON of a story and the revision
// it was computed from (body nil when none is stored).
func (s *Store) Alignment(ctx context.Context, storyID int64) ([]byte, int64, error) {
	var body string
	var rev int64
	err := s.r.QueryRowContext(ctx, `SELECT body, revision FROM alignments WHERE story_id = ?`, storyID).Scan(&body, &rev)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := s.AlignmentStateOf(ctx, storyID); err != nil {
			return nil, 0, err
		}
		return nil, -1, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: alignment of story %d: %w", storyID, err)
	}
	return []byte(body), rev, nil
}

// PutAlignment stores the alignment computed from the story's revision
// rev, unless a newer one is stored already or the story is gone.
func (s *Store) PutAlignment(ctx context.Context, storyID, rev int64, body []byte) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE id = ?`, storyID).Scan(&n); err != nil {
			return fmt.Errorf("store: alignment of story %d: %w", storyID, err)
		}
		if n == 0 {
			return nil
		}
		return putAlignment(ctx, tx, storyID, rev, body)
	})
}

// Story returns a story with its articles.
func (s *Store) Story(ctx context.Context, id int64) (*Story, error) {
	var st Story
	var manual int
	err := s.r.QueryRowContext(ctx, `SELECT id, title, manual, created_at FROM stories WHERE id = ?`, id).
		Scan(&st.ID, &st.Title, &manual, &st.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: story %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: story %d: %w", id, err)
	}
	st.Manual = manual == 1
	list, err := s.storyArticles(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	st.Articles = list[id]
	return &st, nil
}

func (s *Store) storyArticles(ctx context.Context, ids []int64) (map[int64][]Article, error) {
	out := map[int64][]Article{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, `SELECT story_id, `+articleColumns+` FROM articles
		WHERE story_id IN (`+placeholders(len(ids))+`) ORDER BY story_id, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: story articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sid int64
		var a Article
		if err := rows.Scan(&sid, &a.ID, &a.Outlet, &a.Title, &a.URL, &a.PublishedAt, &a.DeclaredLanguage,
			&a.Language.Code, &a.Language.Confidence, &a.InputKind, &a.CreatedAt, &a.StoryID); err != nil {
			return nil, fmt.Errorf("store: story articles: %w", err)
		}
		out[sid] = append(out[sid], a)
	}
	return out, rows.Err()
}

// Stories lists stories in id order after the cursor, with their articles.
func (s *Store) Stories(ctx context.Context, after int64, limit int) ([]Story, int64, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, manual, created_at FROM stories WHERE id > ? ORDER BY id LIMIT ?`, after, limit+1)
	if err != nil {
		return nil, 0, fmt.Errorf("store: stories: %w", err)
	}
	defer rows.Close()
	var out []Story
	for rows.Next() {
		var st Story
		var manual int
		if err := rows.Scan(&st.ID, &st.Title, &manual, &st.CreatedAt); err != nil {
			return nil, 0, fmt.Errorf("store: stories: %w", err)
		}
		st.Manual = manual == 1
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: stories: %w", err)
	}
	var next int64
	if len(out) > limit {
		out = out[:limit]
		next = out[len(out)-1].ID
	}
	ids := make([]int64, len(out))
	for i := range out {
		ids[i] = out[i].ID
	}
	arts, err := s.storyArticles(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	for i := range out {
		out[i].Articles = arts[out[i].ID]
	}
	return out, next, nil
}

// CreateStory starts a story a desk asked for.
func (s *Store) CreateStory(ctx context.Context, title string) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		sid, err := nextRowID(ctx, tx, "stories")
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, manual) VALUES (?, ?, 1)`, sid, title)
		if err != nil {
			return fmt.Errorf("store: create story: %w", err)
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// StoryOf returns the story id of an article (0 when it has none).
func (s *Store) StoryOf(ctx context.Context, articleID int64) (int64, error) {
	var sid sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE id = ?`, articleID).Scan(&sid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("store: article %d: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("store: story of %d: %w", articleID, err)
	}
	return sid.Int64, nil
}

// MoveArticle puts an article into another story, in one transaction that
// also marks the alignments of both stories stale, and returns the story
// it left (0 if none). A story it leaves empty is deleted unless a desk
// made it.
func (s *Store) MoveArticle(ctx context.Context, articleID, storyID int64) (int64, error) {
	var from int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var old sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE id = ?`, articleID).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: article %d: %w", articleID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("store: move: %w", err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE id = ?`, storyID).Scan(&n); err != nil {
			return fmt.Errorf("store: move: %w", err)
		}
		if n == 0 {
			return fmt.Errorf("store: story %d: %w", storyID, ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET story_id = ? WHERE id = ?`, storyID, articleID); err != nil {
			return fmt.Errorf("store: move: %w", err)
		}
		touched := []int64{storyID}
		if old.Valid && old.Int64 != storyID {
			touched = append(touched, old.Int64)
			from = old.Int64
		}
		return settleStories(ctx, tx, touched)
	})
	return from, err
}

// settleStories deletes automatic stories left empty and marks the
// alignment of the others stale.
func settleStories(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ? AND manual = 0
			AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?)`, id, id); err != nil {
			return fmt.Errorf("store: settle story %d: %w", id, err)
		}
		if err := staleAlignment(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// StoryPassages returns the passages, with mentions, of every article of
// a story, by article id.
func (s *Store) StoryPassages(ctx context.Context, storyID int64) (map[int64][]Passage, error) {
	ps, err := s.passages(ctx, `article_id IN (SELECT id FROM articles WHERE story_id = ?)`, storyID)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT m.id, m.passage_id, v.entity_id, m.start_byte, m.end_byte, m.surface
		FROM mentions m JOIN variants v ON v.id = m.variant_id JOIN articles a ON a.id = m.article_id
		WHERE a.story_id = ? ORDER BY m.passage_id, m.start_byte`, storyID)
	if err != nil {
		return nil, fmt.Errorf("store: story mentions: %w", err)
	}
	defer rows.Close()
	byPassage := map[int64][]Mention{}
	for rows.Next() {
		var m Mention
		if err := rows.Scan(&m.ID, &m.PassageID, &m.EntityID, &m.Start, &m.End, &m.Surface); err != nil {
			return nil, fmt.Errorf("store: story mentions: %w", err)
		}
		byPassage[m.PassageID] = append(byPassage[m.PassageID], m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: story mentions: %w", err)
	}
	out := map[int64][]Passage{}
	for _, p := range ps {
		p.Mentions = byPassage[p.ID]
		out[p.ArticleID] = append(out[p.ArticleID], p)
	}
	return out, nil
}

// StoryIDs lists every story id.
func (s *Store) StoryIDs(ctx context.Context) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM stories ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: story ids: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: story ids: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// StoryRevisions returns every story's revision, by story id.
func (s *Store) StoryRevisions(ctx context.Context) (map[int64]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, revision FROM stories`)
	if err != nil {
		return nil, fmt.Errorf("store: story revisions: %w", err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var id, rev int64
		if err := rows.Scan(&id, &rev); err != nil {
			return nil, fmt.Errorf("store: story revisions: %w", err)
		}
		out[id] = rev
	}
	return out, rows.Err()
}

// ArticlePassages returns the passages, with mentions, of the given
// articles, by article id.
func (s *Store) ArticlePassages(ctx context.Context, ids []int64) (map[int64][]Passage, error) {
	out := map[int64][]Passage{}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		in := `(` + placeholders(n) + `)`
		ps, err := s.passages(ctx, `article_id IN `+in, args...)
		if err != nil {
			return nil, err
		}
		rows, err := s.r.QueryContext(ctx, `SELECT m.id, m.passage_id, v.entity_id, m.start_byte, m.end_byte, m.surface
			FROM mentions m JOIN variants v ON v.id = m.variant_id
			WHERE m.article_id IN `+in+` ORDER BY m.passage_id, m.start_byte`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: mentions: %w", err)
		}
		byPassage := map[int64][]Mention{}
		for rows.Next() {
			var m Mention
			if err := rows.Scan(&m.ID, &m.PassageID, &m.EntityID, &m.Start, &m.End, &m.Surface); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: mentions: %w", err)
			}
			byPassage[m.PassageID] = append(byPassage[m.PassageID], m)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: mentions: %w", err)
		}
		for _, p := range ps {
			p.Mentions = byPassage[p.ID]
			out[p.ArticleID] = append(out[p.ArticleID], p)
		}
		ids = ids[n:]
	}
	return out, nil
}
