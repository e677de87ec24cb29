// Package testengines adds to testdeps the aligner a server needs, built
// once per test binary with whatever lexical resources are installed.
package testengines

import (
	"sync"
	"testing"

	"interlinear/internal/testdeps"
	"interlinear/lang/align"
	"interlinear/lang/pipeline"
)

var (
	once    sync.Once
	aligner *align.Aligner
)

// Aligner returns the shared aligner (loading the lexicons takes seconds,
// so only tests that align ask for it).
func Aligner(t testing.TB) *align.Aligner {
	t.Helper()
	once.Do(func() {
		res, _ := align.LoadInstalled()
		aligner = align.New(align.WithLexicon(res.Lexicon), align.WithSynonyms(res.Synonyms))
	})
	return aligner
}

// Engines returns the shared pipeline and aligner, as a server needs them.
func Engines(t testing.TB) (*pipeline.Pipeline, *align.Aligner) {
	t.Helper()
	return testdeps.Pipeline(t), Aligner(t)
}
