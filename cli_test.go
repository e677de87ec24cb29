package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"interlinear/migrations"
	"interlinear/server/store"
)

// sourceDB makes a small database by hand (no language models): two
// articles with names in one story, a manual story and a house spelling.
func sourceDB(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	st, _, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	article := func(outlet, text, name string) *store.Article {
		at := strings.Index(text, name)
		return &store.Article{
			Outlet: outlet, Title: outlet + " report", Language: store.Language{Code: "en", Confidence: 0.99},
			InputKind: "text", Input: text, Source: text,
			Passages: []store.Passage{{Text: text, End: len(text), Language: store.Language{Code: "en", Confidence: 0.99}}},
			Mentions: []store.MentionInput{{Start: at, End: at + len(name), Surface: name, Key: strings.ToLower(name), Script: "Latin"}},
		}
	}
	a := article("TASS", "Putin visited the Hmeimim base on Monday.", "Hmeimim")
	if _, err := st.CreateArticle(ctx, a, "seed:a", func(*store.Article) (store.StoryChange, error) {
		return store.StoryChange{NewTitle: "Hmeimim visit"}, nil
	}); err != nil {
		t.Fatal(err)
	}
	b := article("AFP", "Putin flew to Khmeimim & met Assad.", "Khmeimim")
	if _, err := st.CreateArticle(ctx, b, "", func(*store.Article) (store.StoryChange, error) {
		return store.StoryChange{StoryID: a.StoryID}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateStory(ctx, "Desk story"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetPreferred(ctx, a.Passages[0].Mentions[0].EntityID, "Khmeimim"); err != nil {
		t.Fatal(err)
	}
}

// cliCase is one command line run by TestRunCommand.
type cliCase struct {
	name      string
	args      []string
	env       map[string]string
	stdinFile string // whose content is standard input
	handled   bool
	wantErr   string // part of the error; "" for success
	status    int    // exit status for the error
	check     func(t *testing.T, stdout string)
}

func TestRunCommand(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	sourceDB(t, src)
	file := func(name string) string { return filepath.Join(dir, name) }
	read := func(t *testing.T, name string) string {
		t.Helper()
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	exists := func(name string) bool { _, err := os.Stat(name); return err == nil }
	if err := os.WriteFile(file("bad.jsonl"), []byte(`{"kind":"meta","format":"interlinear-export","format_version":1,"schema_version":`+latestSchema(t)+`}`+"\n{oops\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	// The cases run in order: later ones read what earlier ones wrote.
	cases := []cliCase{
		{name: "no arguments serve", args: nil},
		{name: "server flags serve", args: []string{"-addr", "127.0.0.1:9000"}},
		{name: "unknown word serves", args: []string{"serve"}},
		{name: "export to a file", args: []string{"export", "-db", src, "-o", file("out.jsonl")}, handled: true,
			check: func(t *testing.T, out string) {
				if !strings.HasPrefix(out, "exported ") {
					t.Errorf("got stdout %q, want a summary", out)
				}
				if got := read(t, file("out.jsonl")); !strings.HasPrefix(got, `{"kind":"meta","format":"interlinear-export"`) || !strings.Contains(got, `"title":"Desk story","manual":true`) {
					t.Errorf("got export %.200q", got)
				}
			}},
		{name: "export to standard output", args: []string{"export", "-db", src}, handled: true,
			check: func(t *testing.T, out string) {
				if want := read(t, file("out.jsonl")); out != want {
					t.Errorf("got %d bytes on stdout, want the %d of the file", len(out), len(want))
				}
			}},
		{name: "export finds the database in INTERLINEAR_DB", args: []string{"export", "-o", "-"}, env: map[string]string{"INTERLINEAR_DB": src}, handled: true,
			check: func(t *testing.T, out string) {
				if want := read(t, file("out.jsonl")); out != want {
					t.Errorf("got %d bytes, want %d", len(out), len(want))
				}
			}},
		{name: "import from a file", args: []string{"import", "-db", file("new/imported.db"), "-i", file("out.jsonl")}, handled: true,
			check: func(t *testing.T, out string) {
				if !strings.Contains(out, "2 articles") {
					t.Errorf("got %q, want a summary of 2 articles", out)
				}
			}},
		{name: "export of the import is identical", args: []string{"export", "-db", file("new/imported.db")}, handled: true,
			check: func(t *testing.T, out string) {
				if want := read(t, file("out.jsonl")); out != want {
					t.Errorf("got %d bytes, want the %d exported from the source", len(out), len(want))
				}
			}},
		{name: "import from standard input", args: []string{"import", "-db", file("stdin.db")}, stdinFile: file("out.jsonl"), handled: true,
			check: func(t *testing.T, out string) {
				if !strings.Contains(out, "standard input") {
					t.Errorf("got %q", out)
				}
			}},
		{name: "import into a database that holds data", args: []string{"import", "-db", src, "-i", file("out.jsonl")}, handled: true,
			wantErr: "not empty", status: 1},
		{name: "import of a bad file leaves no database", args: []string{"import", "-db", file("bad.db"), "-i", file("bad.jsonl")}, handled: true,
			wantErr: "line 2", status: 1, check: func(t *testing.T, _ string) {
				if exists(file("bad.db")) {
					t.Error("a failed import left bad.db behind")
				}
			}},
		{name: "import of a missing file", args: []string{"import", "-db", file("x.db"), "-i", file("nope.jsonl")}, handled: true,
			wantErr: "no such file", status: 1, check: func(t *testing.T, _ string) {
				if exists(file("x.db")) {
					t.Error("x.db was created for an import that could not read its input")
				}
			}},
		{name: "backup", args: []string{"backup", "-db", src, "-o", file("backup.db")}, handled: true,
			check: func(t *testing.T, out string) {
				if !strings.Contains(out, "integrity_check ok") {
					t.Errorf("got %q", out)
				}
			}},
		{name: "export of the backup is identical", args: []string{"export", "-db", file("backup.db")}, handled: true,
			check: func(t *testing.T, out string) {
				if want := read(t, file("out.jsonl")); out != want {
					t.Errorf("got %d bytes, want %d", len(out), len(want))
				}
			}},
		{name: "backup onto an existing file", args: []string{"backup", "-db", src, "-o", file("backup.db")}, handled: true,
			wantErr: "already exists", status: 1},
		{name: "backup without -o", args: []string{"backup", "-db", src}, handled: true, wantErr: "-o is required", status: 2},
		{name: "export of a missing database", args: []string{"export", "-db", file("missing.db")}, handled: true,
			wantErr: "no such database", status: 1, check: func(t *testing.T, _ string) {
				if exists(file("missing.db")) {
					t.Error("export created the database it did not find")
				}
			}},
		{name: "backup of a missing database", args: []string{"backup", "-db", file("missing.db"), "-o", file("b2.db")}, handled: true,
			wantErr: "no such database", status: 1},
		{name: "unknown flag", args: []string{"export", "-x"}, handled: true, wantErr: "not defined: -x", status: 2},
		{name: "stray argument", args: []string{"import", "-db", file("y.db"), "extra"}, handled: true, wantErr: `unexpected argument "extra"`, status: 2},
	}
	for _, cmd := range []string{"export", "import", "backup"} {
		cases = append(cases, cliCase{name: cmd + " -h", args: []string{cmd, "-h"}, handled: true, check: func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "Usage: interlinear "+cmd) || !strings.Contains(out, "-db") {
				t.Errorf("got help %q", out)
			}
		}})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout bytes.Buffer
			cio := cliIO{stdin: strings.NewReader(""), stdout: &stdout, getenv: func(k string) string { return c.env[k] }}
			if c.stdinFile != "" {
				cio.stdin = strings.NewReader(read(t, c.stdinFile))
			}
			handled, err := runCommandIO(context.Background(), c.args, cio)
			if handled != c.handled {
				t.Fatalf("got handled %v, want %v", handled, c.handled)
			}
			switch {
			case c.wantErr == "" && err != nil:
				t.Fatalf("got error %v, want none", err)
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Fatalf("got error %v, want one mentioning %q", err, c.wantErr)
			}
			var stderr bytes.Buffer
			if got := exitStatus(&stderr, err); got != c.status {
				t.Errorf("got exit status %d, want %d", got, c.status)
			}
			if err != nil && !strings.HasPrefix(stderr.String(), "interlinear: ") {
				t.Errorf("got stderr %q", stderr.String())
			}
			if c.check != nil {
				c.check(t, stdout.String())
			}
		})
	}
}

func TestRunCommandLeavesOtherArgsAlone(t *testing.T) {
	for _, args := range [][]string{nil, {}, {"-db", "x.db"}, {"-version"}, {"exports"}} {
		t.Run(fmt.Sprintf("%q", args), func(t *testing.T) {
			handled, err := runCommand(context.Background(), args, &bytes.Buffer{})
			if handled || err != nil {
				t.Errorf("got handled %v, error %v, want neither", handled, err)
			}
		})
	}
}

func TestExitStatus(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want int
	}{
		{"success", nil, 0},
		{"usage", usageError{errors.New("export: bad flag")}, 2},
		{"failure", errors.New("disk full"), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := exitStatus(&bytes.Buffer{}, c.err); got != c.want {
				t.Errorf("got %d, want %d", got, c.want)
			}
		})
	}
}

// latestSchema is the schema version of a freshly migrated database.
func latestSchema(t *testing.T) string {
	t.Helper()
	list, err := migrations.List()
	if err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(list[len(list)-1].Version)
}
