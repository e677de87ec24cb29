package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Language is a detected language code with its confidence.
type Language struct {
	Code       string
	Confidence float64
}

// Passage is one sentence of an article.
type Passage struct {
	ID        int64
	ArticleID int64
	Ord       int // position in the article, from 0
	Paragraph int // index of the paragraph, from 0
	Text      string
	Start     int // byte offsets into Article.Source
	End       int
	Language  Language
	Mentions  []Mention // filled when read
}

// Removed is a line the cleaner dropped, with its reason.
type Removed struct {
	Text   string
	Reason string
	Start  int
	End    int
}

// Article is a stored article with its passages and removed lines.
type Article struct {
	ID               int64
	Outlet           string
	Title            string
	URL              string
	PublishedAt      string
	DeclaredLanguage string
	Language         Language
	InputKind        string // "text" or "html"
	Input            string // exactly what was posted
	Source           string // the text after extraction and NFC that offsets point into
	CreatedAt        string
	StoryID          int64 // 0 when the article has no story
	Passages         []Passage
	Removed          []Removed
	Mentions         []MentionInput // names found, stored with the article
}

// ArticleFilter narrows a listing.
type ArticleFilter struct {
	Outlet   string
	Language string
	After    int64 // keyset cursor: list ids greater than this
	Limit    int
}

// SeedKey names a seed article in settings, so that a seed is ingested
// once in the life of a database even if a desk later deletes it.
func SeedKey(file string) string { return "seed:" + file }

// CreateArticle stores a with its passages, removed lines and names in one
// transaction, filling in the ids, and, when place is not nil, puts it in
// a story and stores that story's new alignment in the same transaction.
// When seedKey is not empty it is recorded in the same transaction, and an
// article already recorded under it is not stored again (created is then
// false).
func (s *Store) CreateArticle(ctx context.Context, a *Article, seedKey string, place Placement) (created bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if seedKey != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM settings WHERE key = ?`, seedKey).Scan(&n); err != nil {
				return fmt.Errorf("store: seed check: %w", err)
			}
			if n > 0 {
				return nil
			}
		}
		if err := s.insertArticle(ctx, tx, a); err != nil {
			return err
		}
		if place != nil {
			ch, err := place(a)
			if err != nil {
				return err
			}
			if a.StoryID, err = applyStoryChange(ctx, tx, a.ID, ch); err != nil {
				return err
			}
		}
		if seedKey != "" {
			if err := setSetting(ctx, tx, seedKey, fmt.Sprint(a.ID)); err != nil {
				return err
			}
		}
		created = true
		return nil
	})
	return created, err
}

func (s *Store) insertArticle(ctx context.Context, tx *sql.Tx, a *Article) error {
	id, err := nextRowID(ctx, tx, "articles")
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO articles
		(id, outlet, title, url, published_at, declared_language, language, language_confidence, input_kind, input, source)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, a.Outlet, a.Title, a.URL, a.PublishedAt, a.DeclaredLanguage, a.Language.Code, a.Language.Confidence,
		a.InputKind, a.Input, a.Source)
	if err != nil {
		return fmt.Errorf("store: insert article: %w", err)
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("store: insert article: %w", err)
	}
	ps, err := tx.PrepareContext(ctx, `INSERT INTO passages
		(article_id, ord, paragraph, text, start_byte, end_byte, language, language_confidence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("store: insert passages: %w", err)
	}
	defer ps.Close()
	for i := range a.Passages {
		p := &a.Passages[i]
		p.ArticleID, p.Ord = a.ID, i
		r, err := ps.ExecContext(ctx, a.ID, i, p.Paragraph, p.Text, p.Start, p.End, p.Language.Code, p.Language.Confidence)
		if err != nil {
			return fmt.Errorf("store: insert passage %d: %w", i, err)
		}
		if p.ID, err = r.LastInsertId(); err != nil {
			return fmt.Errorf("store: insert passage %d: %w", i, err)
		}
	}
	if err := insertMentions(ctx, s, tx, a); err != nil {
		return err
	}
	rs, err := tx.PrepareContext(ctx, `INSERT INTO removed_lines
		(article_id, ord, text, reason, start_byte, end_byte) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("store: insert removed lines: %w", err)
	}
	defer rs.Close()
	for i, r := range a.Removed {
		if _, err := rs.ExecContext(ctx, a.ID, i, r.Text, r.Reason, r.Start, r.End); err != nil {
			return fmt.Errorf("store: insert removed line %d: %w", i, err)
		}
	}
	return nil
}

const articleColumns = `id, outlet, title, url, published_at, declared_language, language, language_confidence, input_kind, created_at, COALESCE(story_id, 0)`

func scanArticle(row interface{ Scan(...any) error }, a *Article) error {
	return row.Scan(&a.ID, &a.Outlet, &a.Title, &a.URL, &a.PublishedAt, &a.DeclaredLanguage,
		&a.Language.Code, &a.Language.Confidence, &a.InputKind, &a.CreatedAt, &a.StoryID)
}

// Article returns the article with its passages and removed lines.
func (s *Store) Article(ctx context.Context, id int64) (*Article, error) {
	var a Article
	row := s.r.QueryRowContext(ctx, `SELECT `+articleColumns+`, input, source FROM articles WHERE id = ?`, id)
	err := row.Scan(&a.ID, &a.Outlet, &a.Title, &a.URL, &a.PublishedAt, &a.DeclaredLanguage,
		&a.Language.Code, &a.Language.Confidence, &a.InputKind, &a.CreatedAt, &a.StoryID, &a.Input, &a.Source)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: article %d: %w", id, err)
	}
	if a.Passages, err = s.passages(ctx, `article_id = ?`, id); err != nil {
		return nil, err
	}
	ms, err := s.mentionsOf(ctx, id)
	if err != nil {
		return nil, err
	}
	for i := range a.Passages {
		a.Passages[i].Mentions = ms[a.Passages[i].ID]
	}
	rows, err := s.r.QueryContext(ctx, `SELECT text, reason, start_byte, end_byte FROM removed_lines
		WHERE article_id = ? ORDER BY ord`, id)
	if err != nil {
		return nil, fmt.Errorf("store: removed lines of %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Removed
		if err := rows.Scan(&r.Text, &r.Reason, &r.Start, &r.End); err != nil {
			return nil, fmt.Errorf("store: removed lines of %d: %w", id, err)
		}
		a.Removed = append(a.Removed, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: removed lines of %d: %w", id, err)
	}
	return &a, nil
}

func (s *Store) passages(ctx context.Context, where string, args ...any) ([]Passage, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, article_id, ord, paragraph, text, start_byte, end_byte, language, language_confidence
		FROM passages WHERE `+where+` ORDER BY article_id, ord`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: passages: %w", err)
	}
	defer rows.Close()
	var out []Passage
	for rows.Next() {
		var p Passage
		if err := rows.Scan(&p.ID, &p.ArticleID, &p.Ord, &p.Paragraph, &p.Text, &p.Start, &p.End, &p.Language.Code, &p.Language.Confidence); err != nil {
			return nil, fmt.Errorf("store: passages: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: passages: %w", err)
	}
	return out, nil
}

// Articles lists articles (without passages) in id order, after the cursor,
// and returns the cursor of the next page (0 when there is none).
func (s *Store) Articles(ctx context.Context, f ArticleFilter) ([]Article, int64, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	where := []string{"id > ?"}
	args := []any{f.After}
	if f.Outlet != "" {
		where = append(where, "outlet = ?")
		args = append(args, f.Outlet)
	}
	if f.Language != "" {
		where = append(where, "language = ?")
		args = append(args, f.Language)
	}
	args = append(args, f.Limit+1)
	rows, err := s.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE `+
		strings.Join(where, " AND ")+` ORDER BY id LIMIT ?`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: articles: %w", err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		var a Article
		if err := scanArticle(rows, &a); err != nil {
			return nil, 0, fmt.Errorf("store: articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: articles: %w", err)
	}
	var next int64
	if len(out) > f.Limit {
		out = out[:f.Limit]
		next = out[len(out)-1].ID
	}
	return out, next, nil
}

// DeleteArticle removes an article with its passages, removed lines and
// mentions, and marks its story's alignment stale, in one transaction. It
// returns the story the article was in (0 if none).
func (s *Store) DeleteArticle(ctx context.Context, id int64) (int64, error) {
	var story int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var sid sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE id = ?`, id).Scan(&sid)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: article %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("store: delete article %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id); err != nil {
			return fmt.Errorf("store: delete article %d: %w", id, err)
		}
		if sid.Valid {
			story = sid.Int64
			return settleStories(ctx, tx, []int64{sid.Int64})
		}
		return nil
	})
	return story, err
}

// CountArticles returns how many articles are stored.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count articles: %w", err)
	}
	return n, nil
}
