// Package testdeps builds, once per test binary, what the server builds
// once per process: the language pipeline (lingua's models and the names
// gazetteer) and the aligner with the installed lexical resources. Tests
// of several packages share it so they analyse text exactly as the server
// does.
package testdeps

import (
	"bytes"
	"sync"
	"testing"

	"interlinear/lang/align"
	"interlinear/lang/detect"
	"interlinear/lang/names"
	"interlinear/lang/pipeline"
	"interlinear/seeds"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error

	alignOnce sync.Once
	aligner   *align.Aligner
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

// Aligner returns the shared aligner with whatever lexical resources are
// installed (loading them takes seconds, so only tests that align ask).
func Aligner(t testing.TB) *align.Aligner {
	t.Helper()
	alignOnce.Do(func() {
		res, _ := align.LoadInstalled()
		aligner = align.New(align.WithLexicon(res.Lexicon), align.WithSynonyms(res.Synonyms))
	})
	return aligner
}

// Engines returns both, as a server needs them.
func Engines(t testing.TB) (*pipeline.Pipeline, *align.Aligner) {
	t.Helper()
	return Pipeline(t), Aligner(t)
}
