package store_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// An alignment's body is the last column of its row, so reading its
// revision (on every read of a story's alignment) never walks the body's
// overflow pages.
func TestAlignmentBodyIsLastColumn(t *testing.T) {
	_, path := newStore(t)
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM pragma_table_info('alignments') ORDER BY cid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	if len(cols) == 0 || cols[len(cols)-1] != "body" {
		t.Errorf("alignments columns %v: body must come last", cols)
	}
}

// BenchmarkAlignmentState reads the revision state of a story whose stored
// alignment is 10 MB, as every read of its alignment does.
func BenchmarkAlignmentState(b *testing.B) {
	st, _ := newStore(b)
	ctx := context.Background()
	id, err := st.CreateStory(ctx, "big")
	if err != nil {
		b.Fatal(err)
	}
	other, err := st.CreateStory(ctx, "small")
	if err != nil {
		b.Fatal(err)
	}
	// Realigned a few times, as a growing story is, with another story's
	// alignment stored in between.
	for rev := range int64(4) {
		body := []byte(`{"documents":[],"links":[],"groups":[],"threshold":0.3,"pad":"` + strings.Repeat("x", 10<<20+int(rev)*4096) + `"}`)
		if err := st.PutAlignment(ctx, id, rev, body); err != nil {
			b.Fatal(err)
		}
		if err := st.PutAlignment(ctx, other, rev, body[:1<<20]); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := st.AlignmentStateOf(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}
