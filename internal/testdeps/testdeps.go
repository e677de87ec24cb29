// Package testdeps builds, once per test binary, the language pipeline
// the server builds once per process (lingua's models and the names
// gazetteer). Tests of several packages share it so they analyse text
// exactly as the server does; it imports no aligner, so lang/align's own
// tests can use it too (internal/testengines adds the aligner).
package testdeps

import (
	"bytes"
	"sync"
	"testing"

	"interlinear/lang/detect"
	"interlinear/lang/names"
	"interlinear/lang/pipeline"
	"interlinear/seeds"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// Pipeline returns the shared pipeline (default languages, the seed
// gazetteer), failing the test if it cannot be built.
func Pipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() {
		det, err := detect.New(detect.DefaultLanguages())
		if err != nil {
			pipeErr = err
			return
		}
		raw, err := seeds.Gazetteer()
		if err != nil {
			pipeErr = err
			return
		}
		gaz, err := names.ParseGazetteer(bytes.NewReader(raw))
		if err != nil {
			pipeErr = err
			return
		}
		pipe = pipeline.New(det, gaz)
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}
