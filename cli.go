package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"interlinear/server/store"
)

// defaultDBPath is where the database lives when neither -db nor
// INTERLINEAR_DB says otherwise (the server's default too).
const defaultDBPath = "./data/interlinear.db"

// cliIO is what a maintenance command reads and writes, so that tests can
// stand in for the process's own.
type cliIO struct {
	stdin  io.Reader
	stdout io.Writer
	getenv func(string) string
}

// commands are the maintenance subcommands: `interlinear NAME [flags]`.
var commands = map[string]func(context.Context, []string, cliIO) error{
	"export": cmdExport,
	"import": cmdImport,
	"backup": cmdBackup,
}

// runCommand runs the maintenance command args[0] names (export, import or
// backup) with the rest of args as its flags, and reports whether args
// named one; when it did not, main goes on to serve. An interrupt or
// SIGTERM cancels the command (an import then keeps nothing, a backup
// leaves no file).
func runCommand(ctx context.Context, args []string, stdout io.Writer) (handled bool, err error) {
	if len(args) == 0 || commands[args[0]] == nil {
		return false, nil
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runCommandIO(ctx, args, cliIO{stdin: os.Stdin, stdout: stdout, getenv: os.Getenv})
}

func runCommandIO(ctx context.Context, args []string, cio cliIO) (bool, error) {
	if len(args) == 0 || commands[args[0]] == nil {
		return false, nil
	}
	return true, commands[args[0]](ctx, args[1:], cio)
}

// usageError is a command line that cannot run as given (exit status 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// exitStatus reports err of a command on stderr and returns the process
// exit status: 0 for success, 2 for a usage error, 1 for any other.
func exitStatus(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "interlinear:", err)
	if errors.As(err, new(usageError)) {
		return 2
	}
	return 1
}

// newFlags makes a command's flag set with its usage text.
func newFlags(name, synopsis, about string) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.Usage = func() {
		fmt.Fprintf(fl.Output(), "Usage: interlinear %s %s\n\n%s\n\nFlags:\n", name, synopsis, about)
		fl.PrintDefaults()
	}
	return fl
}

// parseFlags parses args; on -h it prints the usage on stdout and reports
// help, so that the command stops with success.
func parseFlags(fl *flag.FlagSet, args []string, stdout io.Writer) (help bool, err error) {
	fl.SetOutput(io.Discard)
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fl.SetOutput(stdout)
			fl.Usage()
			return true, nil
		}
		return false, usageError{fmt.Errorf("%s: %w (interlinear %s -h lists the flags)", fl.Name(), err, fl.Name())}
	}
	if fl.NArg() > 0 {
		return false, usageError{fmt.Errorf("%s: unexpected argument %q (interlinear %s -h lists the flags)", fl.Name(), fl.Arg(0), fl.Name())}
	}
	return false, nil
}

func dbFlag(fl *flag.FlagSet, getenv func(string) string) *string {
	def := getenv("INTERLINEAR_DB")
	if def == "" {
		def = defaultDBPath
	}
	return fl.String("db", def, "SQLite database file (INTERLINEAR_DB)")
}

// openExisting opens a database that must already exist: a mistyped path
// must not become a new, empty database.
func openExisting(ctx context.Context, path string) (*store.Store, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such database", path)
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a database file", path)
	}
	st, _, err := store.Open(ctx, path)
	return st, err
}

func cmdExport(ctx context.Context, args []string, cio cliIO) error {
	fl := newFlags("export", "[-db path] [-o file|-]",
		"Writes the whole corpus (articles with their passages and names, entities and\n"+
			"house spellings, stories, alignments, settings) as JSON Lines, one record a\n"+
			"line, from one consistent snapshot; the server may keep running.")
	db := dbFlag(fl, cio.getenv)
	out := fl.String("o", "-", "file to write (replaced whole, only once the export is complete); - for standard output")
	if help, err := parseFlags(fl, args, cio.stdout); help || err != nil {
		return err
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer st.Close()
	if *out == "-" {
		return st.Export(ctx, cio.stdout)
	}
	n, err := writeFileAtomic(*out, func(w io.Writer) error { return st.Export(ctx, w) })
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(cio.stdout, "exported %s to %s (%d bytes)\n", *db, *out, n)
	return nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// writeFileAtomic writes path through a temporary file beside it, synced
// and renamed over path only when write succeeded, so that a failed or
// interrupted export never leaves a truncated file under the real name.
// The file is readable by its owner only: it holds the whole corpus.
func writeFileAtomic(path string, write func(io.Writer) error) (n int64, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	cw := &countingWriter{w: f}
	if err := write(cw); err != nil {
		return 0, err
	}
	if err := f.Sync(); err != nil {
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	return cw.n, os.Rename(f.Name(), path)
}

func cmdImport(ctx context.Context, args []string, cio cliIO) error {
	fl := newFlags("import", "[-db path] [-i file|-]",
		"Loads an export into an empty database (created when missing) in one\n"+
			"transaction, keeping every id: all of it or, on the first bad line, nothing.\n"+
			"A database that holds anything is refused.")
	db := dbFlag(fl, cio.getenv)
	in := fl.String("i", "-", "export to read; - for standard input")
	if help, err := parseFlags(fl, args, cio.stdout); help || err != nil {
		return err
	}
	r, name := cio.stdin, "standard input"
	if *in != "-" {
		f, err := os.Open(*in)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		r, name = f, *in
	}
	_, statErr := os.Stat(*db)
	created := errors.Is(statErr, fs.ErrNotExist)
	st, _, err := store.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if err := st.Import(ctx, r); err != nil {
		st.Close()
		if created { // leave no empty database behind for a failed import
			for _, p := range []string{*db, *db + "-wal", *db + "-shm"} {
				os.Remove(p)
			}
		}
		return err
	}
	defer st.Close()
	n, err := st.CountArticles(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(cio.stdout, "imported %s into %s: %d articles\n", name, *db, n)
	return nil
}

func cmdBackup(ctx context.Context, args []string, cio cliIO) error {
	fl := newFlags("backup", "[-db path] -o file",
		"Copies the database with SQLite's online backup API while the server keeps\n"+
			"writing, into a new single-file database, and checks the copy with\n"+
			"PRAGMA integrity_check and foreign_key_check before giving it its name.")
	db := dbFlag(fl, cio.getenv)
	out := fl.String("o", "", "backup file to create (must not exist)")
	if help, err := parseFlags(fl, args, cio.stdout); help || err != nil {
		return err
	}
	if *out == "" {
		return usageError{errors.New("backup: -o is required: name the backup file (interlinear backup -h lists the flags)")}
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer st.Close()
	if err := st.Backup(ctx, *out); err != nil {
		return err
	}
	info, err := os.Stat(*out)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(cio.stdout, "backed up %s to %s (%d bytes, integrity_check ok)\n", *db, *out, info.Size())
	return nil
}
