// Package store holds every SQL statement of Interlinear: articles, their
// passages and removed lines, and the settings of a database. It speaks
// database/sql only; callers never see SQL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver, registered as "sqlite3"

	"interlinear/migrations"
)

// ErrNotFound is returned, wrapped, when a row asked for by id does not exist.
var ErrNotFound = errors.New("not found")

// Store is the database: one writer connection (SQLite allows one writer at
// a time, so writes queue in Go rather than in busy retries) and a pool of
// readers, which WAL lets run beside the writer.
type Store struct {
	w *sql.DB
	r *sql.DB

	// SameName, when set, decides whether two spellings of a name not in
	// the gazetteer are the same name (lang/names supplies it); without
	// it, learned names group by exact transliteration key only.
	SameName func(a, b string) bool
}

// Open opens (creating the file and its directory when missing) the SQLite
// database at path, with WAL, foreign keys and a busy timeout, and applies
// pending migrations. It returns the migration versions it applied.
func Open(ctx context.Context, path string) (*Store, []int, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, nil, fmt.Errorf("store: create directory: %w", err)
		}
	}
	dsn := func(mode string) string {
		q := url.Values{}
		q.Set("_foreign_keys", "on")
		q.Set("_journal_mode", "WAL")
		q.Set("_busy_timeout", "10000")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
		if mode != "" {
			q.Set("mode", mode)
		}
		return fileURI(path) + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite3", dsn(""))
	if err != nil {
		return nil, nil, fmt.Errorf("store: open: %w", err)
	}
	w.SetMaxOpenConns(1)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	applied, err := migrations.Apply(ctx, w)
	if err != nil {
		w.Close()
		return nil, nil, err
	}
	r, err := sql.Open("sqlite3", dsn("ro"))
	if err != nil {
		w.Close()
		return nil, nil, fmt.Errorf("store: open readers: %w", err)
	}
	r.SetMaxOpenConns(8)
	return &Store{w: w, r: r}, applied, nil
}

// Close closes both pools.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.r.PingContext(ctx) }

// Setting returns the value stored under key, and whether there is one.
func (s *Store) Setting(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := s.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store: setting %q: %w", key, err)
	}
	return v, true, nil
}

func setSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("store: set %q: %w", key, err)
	}
	return nil
}

// nextRowID returns the id for a new row of table (articles or stories): one
// past both the largest id in the table and the largest ever handed out,
// which settings remember. SQLite would otherwise give the next row the id
// of a deleted last row, and whatever still refers to the old one — a
// cache, an alignment being computed, a client's bookmark — would point at
// the new one.
func nextRowID(ctx context.Context, tx *sql.Tx, table string) (int64, error) {
	switch table {
	case "articles", "stories":
	default:
		return 0, fmt.Errorf("store: new id: unknown table %q", table)
	}
	key := "last_id:" + table
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT max(COALESCE((SELECT max(id) FROM `+table+`), 0),
		COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?), 0)) + 1`, key).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: new id in %s: %w", table, err)
	}
	if err := setSetting(ctx, tx, key, strconv.FormatInt(id, 10)); err != nil {
		return 0, err
	}
	return id, nil
}

// inTx runs fn in one write transaction: all of it lands, or none of it.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// Count returns the number of rows of one of the corpus tables.
func (s *Store) Count(ctx context.Context, table string) (int, error) {
	switch table {
	case "articles", "stories", "entities", "passages", "mentions":
	default:
		return 0, fmt.Errorf("store: count: unknown table %q", table)
	}
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count %s: %w", table, err)
	}
	return n, nil
}
