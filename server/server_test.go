package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"interlinear/internal/testdeps"
	"interlinear/internal/testengines"
	"interlinear/lang/align"
	"interlinear/lang/pipeline"
	"interlinear/server"
	"interlinear/server/store"
)

// testPipeline returns the pipeline shared by the test binary (built once,
// with the aligner, as main does once per process).
func testPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	return testdeps.Pipeline(t)
}

// testAligner returns the aligner shared by the test binary.
func testAligner(t testing.TB) *align.Aligner {
	t.Helper()
	return testengines.Aligner(t)
}

type testEnv struct {
	srv    *server.Server
	st     *store.Store
	dbPath string
}

// newEnv builds the real server over a fresh SQLite file, migrated, and
// seeded when seed is true.
func newEnv(t testing.TB, seed bool) *testEnv {
	t.Helper()
	return newEnvWith(t, seed, server.Options{})
}

// newEnvWith is newEnv with server options (tokens, rate limits).
func newEnvWith(t testing.TB, seed bool, opt server.Options) *testEnv {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "test.db")
	st, _, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	opt.Store = st
	srv, err := server.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background(), testPipeline(t), testAligner(t), seed); err != nil {
		t.Fatal(err)
	}
	return &testEnv{srv: srv, st: st, dbPath: path}
}

func (e *testEnv) do(t testing.TB, method, url, body string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, url, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	e.srv.ServeHTTP(rec, req)
	return rec
}

func decode[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %s: %v\n%s", rec.Header().Get("Content-Type"), err, rec.Body.String())
	}
	return v
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}
