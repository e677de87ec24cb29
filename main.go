// Command interlinear serves the Interlinear multilingual news comparison
// server: it ingests articles from many outlets and languages, cleans,
// segments and language-tags them, and shows them to desks and API clients.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"interlinear/lang/align"
	"interlinear/lang/detect"
	"interlinear/lang/names"
	"interlinear/lang/pipeline"
	"interlinear/seeds"
	"interlinear/server"
	"interlinear/server/store"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Config is everything the server is told at start-up, from flags with
// INTERLINEAR_* environment equivalents (a flag given on the command line
// wins over the environment).
type Config struct {
	Addr      string
	DB        string
	Languages []string
	Seed      bool
	BodyLimit int64
	LogFormat string
	Version   bool
	Health    bool
	// Tokens guard every change when set (INTERLINEAR_TOKEN, and one per
	// line in the -tokens-file).
	Tokens          []string
	AllowOpenWrites bool
	WriteRate       float64
	// MemoryLimitMiB is the soft memory limit the Go runtime keeps the heap
	// under (runtime/debug.SetMemoryLimit); 0 leaves GOMEMLIMIT or none.
	MemoryLimitMiB int64
}

func parseConfig(args []string, getenv func(string) string) (Config, error) {
	fs := flag.NewFlagSet("interlinear", flag.ContinueOnError)
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	var c Config
	var langs, limit string
	seedDefault, err := strconv.ParseBool(env("INTERLINEAR_SEED", "true"))
	if err != nil {
		return c, fmt.Errorf("INTERLINEAR_SEED: %q is not true or false", getenv("INTERLINEAR_SEED"))
	}
	fs.StringVar(&c.Addr, "addr", env("INTERLINEAR_ADDR", "127.0.0.1:8080"), "listen address (INTERLINEAR_ADDR)")
	fs.StringVar(&c.DB, "db", env("INTERLINEAR_DB", "./data/interlinear.db"), "SQLite database file, created with its directory (INTERLINEAR_DB)")
	fs.StringVar(&langs, "languages", env("INTERLINEAR_LANGUAGES", strings.Join(detect.DefaultLanguages(), ",")), "languages to detect, comma-separated ISO 639-1 codes (INTERLINEAR_LANGUAGES)")
	fs.BoolVar(&c.Seed, "seed", seedDefault, "ingest the embedded seed articles on the first start of a database (INTERLINEAR_SEED)")
	fs.StringVar(&limit, "body-limit", env("INTERLINEAR_BODY_LIMIT", strconv.Itoa(server.DefaultBodyLimit)), "largest request body in bytes (INTERLINEAR_BODY_LIMIT)")
	fs.StringVar(&c.LogFormat, "log-format", env("INTERLINEAR_LOG_FORMAT", "text"), "log format: text or json (INTERLINEAR_LOG_FORMAT)")
	var token, tokensFile, writeRate string
	fs.StringVar(&token, "token", env("INTERLINEAR_TOKEN", ""), "bearer token every change must carry (INTERLINEAR_TOKEN)")
	fs.StringVar(&tokensFile, "tokens-file", env("INTERLINEAR_TOKENS_FILE", ""), "file of accepted tokens, one per line (INTERLINEAR_TOKENS_FILE)")
	openDefault, err := strconv.ParseBool(env("INTERLINEAR_ALLOW_OPEN_WRITES", "false"))
	if err != nil {
		return c, fmt.Errorf("INTERLINEAR_ALLOW_OPEN_WRITES: %q is not true or false", getenv("INTERLINEAR_ALLOW_OPEN_WRITES"))
	}
	fs.BoolVar(&c.AllowOpenWrites, "allow-open-writes", openDefault, "allow changes without a token on a non-loopback address (INTERLINEAR_ALLOW_OPEN_WRITES)")
	fs.StringVar(&writeRate, "write-rate", env("INTERLINEAR_WRITE_RATE", "50"), "changes per second allowed to each client, 0 for no limit (INTERLINEAR_WRITE_RATE)")
	var memLimit string
	fs.StringVar(&memLimit, "memory-limit", env("INTERLINEAR_MEMORY_LIMIT", "300"), "soft memory limit for the Go heap in MiB, 0 for none (INTERLINEAR_MEMORY_LIMIT)")
	fs.BoolVar(&c.Version, "version", false, "print the version and exit")
	fs.BoolVar(&c.Health, "healthcheck", false, "ask the server at -addr whether it is up, exit 0 if so (for container health checks)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.Languages, err = detect.ParseLanguages(langs); err != nil {
		return c, fmt.Errorf("-languages: %w", err)
	}
	if c.BodyLimit, err = strconv.ParseInt(limit, 10, 64); err != nil {
		return c, fmt.Errorf("-body-limit: %q is not a number of bytes", limit)
	}
	if c.MemoryLimitMiB, err = strconv.ParseInt(memLimit, 10, 64); err != nil || c.MemoryLimitMiB < 0 {
		return c, fmt.Errorf("-memory-limit: %q is not a number of MiB", memLimit)
	}
	if c.WriteRate, err = strconv.ParseFloat(writeRate, 64); err != nil || c.WriteRate < 0 {
		return c, fmt.Errorf("-write-rate: %q is not a number of changes per second", writeRate)
	}
	if token = strings.TrimSpace(token); token != "" {
		c.Tokens = append(c.Tokens, token)
	}
	if tokensFile != "" {
		raw, err := os.ReadFile(tokensFile)
		if err != nil {
			return c, fmt.Errorf("-tokens-file: %w", err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				c.Tokens = append(c.Tokens, line)
			}
		}
	}
	return c, c.Validate()
}

// Validate checks the configuration as a whole.
func (c Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("-addr %q: %w", c.Addr, err)
	}
	if c.DB == "" {
		return errors.New("-db: a database path is required")
	}
	if c.BodyLimit < 1024 {
		return fmt.Errorf("-body-limit %d: must be at least 1024 bytes", c.BodyLimit)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("-log-format %q: use text or json", c.LogFormat)
	}
	for _, t := range c.Tokens {
		if len(t) < 16 {
			return errors.New("tokens must be at least 16 characters long")
		}
	}
	if len(c.Tokens) == 0 && !c.AllowOpenWrites && !c.Health && !loopback(c.Addr) {
		return fmt.Errorf("-addr %s is reachable from other machines and changes are open to anyone: set INTERLINEAR_TOKEN (or -tokens-file), or pass -allow-open-writes if that is really meant", c.Addr)
	}
	return nil
}

// loopback reports whether addr listens on this machine only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func main() {
	// export, import and backup are maintenance commands (cli.go).
	if handled, err := runCommand(context.Background(), os.Args[1:], os.Stdout); handled {
		os.Exit(exitStatus(os.Stderr, err))
	}
	cfg, err := parseConfig(os.Args[1:], os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "interlinear:", err)
		os.Exit(2)
	}
	if cfg.Version {
		fmt.Println("interlinear", version)
		return
	}
	if cfg.Health {
		if err := healthcheck(cfg.Addr); err != nil {
			fmt.Fprintln(os.Stderr, "interlinear: unhealthy:", err)
			os.Exit(1)
		}
		return
	}
	var h slog.Handler = slog.NewTextHandler(os.Stderr, nil)
	if cfg.LogFormat == "json" {
		h = slog.NewJSONHandler(os.Stderr, nil)
	}
	log := slog.New(h)
	if cfg.MemoryLimitMiB > 0 && os.Getenv("GOMEMLIMIT") == "" {
		// The heap is mostly the lexicons and lingua's models, which stay;
		// a soft limit makes the collector work harder before the process
		// grows past it during big alignments.
		debug.SetMemoryLimit(cfg.MemoryLimitMiB << 20)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, log); err != nil {
		log.Error("stopped", slog.Any("error", err))
		os.Exit(1)
	}
}

// run opens the database, starts listening at once (so /healthz answers
// while models load), loads the language models and the seeds, and serves
// until ctx ends, then shuts down gracefully.
func run(ctx context.Context, cfg Config, log *slog.Logger) error {
	st, applied, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	log.Info("database open", slog.String("path", cfg.DB), slog.Any("migrations_applied", applied))
	srv, err := server.New(server.Options{Store: st, Logger: log, BodyLimit: cfg.BodyLimit, Version: version,
		Tokens: cfg.Tokens, WriteRate: cfg.WriteRate})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	log.Info("listening", slog.String("url", "http://"+ln.Addr().String()), slog.String("version", version))

	start := time.Now()
	det, err := detect.New(cfg.Languages)
	if err != nil {
		return err
	}
	log.Info("language models loaded", slog.Any("languages", cfg.Languages), slog.Duration("took", time.Since(start).Round(time.Millisecond)))
	gaz, err := loadGazetteer()
	if err != nil {
		return err
	}
	log.Info("gazetteer loaded", slog.Int("entities", gaz.Len()))
	start = time.Now()
	res, missing := align.LoadInstalled()
	al := align.New(align.WithLexicon(res.Lexicon), align.WithSynonyms(res.Synonyms))
	log.Info("lexical resources loaded", slog.Any("languages_bridged", res.Lexicon.Languages()),
		slog.Any("missing", missing), slog.Duration("took", time.Since(start).Round(time.Millisecond)))
	if err := srv.Start(ctx, pipeline.New(det, gaz), al, cfg.Seed); err != nil {
		return err
	}
	log.Info("ready")

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return hs.Shutdown(sctx)
}

// healthcheck asks a running server's /healthz, on loopback when the
// server listens on every address.
func healthcheck(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	client := &http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get("http://" + net.JoinHostPort(host, port) + "/healthz")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("/healthz answered %s", resp.Status)
	}
	return nil
}

func loadGazetteer() (*names.Gazetteer, error) {
	raw, err := seeds.Gazetteer()
	if err != nil {
		return nil, err
	}
	return names.ParseGazetteer(bytes.NewReader(raw))
}
