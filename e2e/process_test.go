//go:build unix

package e2e

// Helpers that run the real interlinear binary as a child process: build
// it once per test run, start it on a free loopback port over a given
// database file, wait for /readyz, and stop it gently (SIGTERM) or not
// at all (SIGKILL).

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	// procBuildTimeout bounds the go build of the server (a cold build
	// compiles SQLite and takes about a minute on two cores).
	procBuildTimeout = 10 * time.Minute
	// procReadyTimeout bounds a start: loading the language models and
	// lexicons, ingesting the seeds, recomputing stale alignments.
	procReadyTimeout = 3 * time.Minute
	// procStopTimeout is how long a SIGTERM gets before SIGKILL.
	procStopTimeout = 30 * time.Second
	// procBinPrefix names the directories the binary is built into.
	procBinPrefix = "interlinear-e2e-bin-"
)

var (
	procBuildOnce sync.Once
	procBin       string
	procBuildErr  error
)

// procBinary builds the server once per test run and returns the path of
// the binary. It lives in a temporary directory named after this test
// process. Nothing runs after a package's last test except a TestMain,
// which no one file of a shared package should own, so the directory
// outlives the run and the next run removes it: procSweepBuilds deletes
// the directories of test processes that have exited.
func procBinary(t *testing.T) string {
	t.Helper()
	procBuildOnce.Do(func() {
		procSweepBuilds()
		root, err := filepath.Abs("..")
		if err != nil {
			procBuildErr = err
			return
		}
		dir, err := os.MkdirTemp("", procBinPrefix+strconv.Itoa(os.Getpid())+"-")
		if err != nil {
			procBuildErr = err
			return
		}
		bin := filepath.Join(dir, "interlinear")
		ctx, cancel := context.WithTimeout(context.Background(), procBuildTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			procBuildErr = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		procBin = bin
		t.Logf("built the server in %v", time.Since(start).Round(time.Millisecond))
	})
	if procBuildErr != nil {
		t.Fatal(procBuildErr)
	}
	return procBin
}

// procSweepBuilds removes build directories of test processes that have
// exited.
func procSweepBuilds() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), procBinPrefix+"*"))
	for _, d := range dirs {
		rest := strings.TrimPrefix(filepath.Base(d), procBinPrefix)
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			os.RemoveAll(d)
		}
	}
}

// procServer is one running server process.
type procServer struct {
	URL  string // http://127.0.0.1:port
	DB   string
	Log  string // the file stderr (the slog output) goes to
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
	err  error         // Wait's error, set before done closes
}

// procStart starts the binary on a free loopback port over the database
// file db and waits until /readyz answers 200. The process is killed when
// the test ends if it is still running.
func procStart(t *testing.T, bin, db string, args ...string) *procServer {
	t.Helper()
	var last error
	for attempt := range 3 { // a free port can be taken between probe and listen
		p, err := procLaunch(t, bin, db, attempt, args)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if err = p.waitReady(procReadyTimeout); err == nil {
			t.Logf("server %s ready in %v", p.URL, time.Since(start).Round(time.Millisecond))
			return p
		}
		last = err
		p.Kill(t)
		if !strings.Contains(p.logText(), "address already in use") {
			break
		}
	}
	t.Fatal(last)
	return nil
}

func procLaunch(t *testing.T, bin, db string, attempt int, args []string) (*procServer, error) {
	port, err := procFreePort()
	if err != nil {
		return nil, err
	}
	logPath := filepath.Join(t.TempDir(), fmt.Sprintf("server-%d.log", attempt))
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	cmd := exec.Command(bin, append([]string{"-addr", addr, "-db", db, "-log-format", "json"}, args...)...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// Not INTERLINEAR_* from the environment: the flags say everything.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "INTERLINEAR_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	p := &procServer{URL: "http://" + addr, DB: db, Log: logPath, cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		logFile.Close()
		close(p.done)
	}()
	t.Cleanup(func() { p.Kill(t) })
	return p, nil
}

// procFreePort asks the kernel for a free loopback port.
func procFreePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitReady polls /readyz every 100 ms until it answers 200, the process
// exits, or timeout passes.
func (p *procServer) waitReady(timeout time.Duration) error {
	client := procClient()
	defer client.CloseIdleConnections()
	deadline := time.Now().Add(timeout)
	last := "no answer"
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			return fmt.Errorf("the server exited before it was ready (%v); log:\n%s", p.err, p.logTail(20))
		default:
		}
		resp, err := client.Get(p.URL + "/readyz")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = resp.Status
		} else {
			last = err.Error()
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("%s/readyz did not answer 200 within %v (last: %s); log:\n%s", p.URL, timeout, last, p.logTail(20))
}

// Kill sends SIGKILL (the process gets no chance to flush or close
// anything) and waits for it to be gone.
func (p *procServer) Kill(t *testing.T) {
	select {
	case <-p.done:
		return
	default:
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Errorf("kill server: %v", err)
	}
	select {
	case <-p.done:
	case <-time.After(procStopTimeout):
		t.Errorf("server pid %d still running %v after SIGKILL", p.cmd.Process.Pid, procStopTimeout)
	}
}

// Stop sends SIGTERM and waits for a clean exit, killing the process if
// it takes longer than procStopTimeout. It returns the exit error.
func (p *procServer) Stop(t *testing.T) error {
	select {
	case <-p.done:
		return p.err
	default:
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case <-p.done:
		return p.err
	case <-time.After(procStopTimeout):
		p.Kill(t)
		return fmt.Errorf("server did not stop within %v of SIGTERM", procStopTimeout)
	}
}

// Pid is the process id.
func (p *procServer) Pid() int { return p.cmd.Process.Pid }

func (p *procServer) logText() string {
	b, _ := os.ReadFile(p.Log)
	return string(b)
}

// logTail returns the last n lines of the server's log.
func (p *procServer) logTail(n int) string {
	lines := strings.Split(strings.TrimRight(p.logText(), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// procErrorLines returns the log lines of level ERROR (the server logs a
// 5xx's cause once, at the edge).
func (p *procServer) procErrorLines() []string {
	var out []string
	for _, l := range strings.Split(p.logText(), "\n") {
		if strings.Contains(l, `"level":"ERROR"`) {
			out = append(out, l)
		}
	}
	return out
}

// procClient is an HTTP client for loopback test traffic: no proxy, a
// timeout on every request, and enough idle connections for the
// concurrency tests to keep theirs alive.
func procClient() *http.Client {
	return &http.Client{
		Timeout: 90 * time.Second,
		Transport: &http.Transport{
			Proxy:               nil,
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			MaxIdleConns:        128,
			MaxIdleConnsPerHost: 128,
			IdleConnTimeout:     30 * time.Second,
		},
	}
}

// procGet GETs base+path and returns the status and body.
func procGet(ctx context.Context, client *http.Client, url string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

// procPost POSTs a JSON body and returns the status and body.
func procPost(ctx context.Context, client *http.Client, url string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return resp.StatusCode, out, err
}
