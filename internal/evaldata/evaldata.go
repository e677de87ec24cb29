// Package evaldata locates the shared evaluation data that quality tests
// read (it lives beside the repository, never inside it).
package evaldata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the directory of the shared evaluation set named sub (for
// example "langid"), found as ../shared/eval/<sub> from the module root.
// When it is missing the test is skipped, except under CI, where a missing
// data set is a failure: quality gates must not pass by not running.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatalf("evaldata: %v", err)
	}
	dir := filepath.Join(root, "..", "shared", "eval", sub)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("evaldata: %s is missing under CI: %v", sub, err)
		}
		t.Skipf("evaldata: %s not present (%v)", sub, err)
	}
	return dir
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
