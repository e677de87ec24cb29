package names

import (
	"strings"
	"testing"

	"interlinear/seeds"
)

// benchArticle is a 1,000-word article made of the seed articles' body
// lines, in order, repeated as needed.
func benchArticle(tb testing.TB) string {
	arts, err := seeds.Articles()
	if err != nil {
		tb.Fatal(err)
	}
	var words []string
	for len(words) < 1000 {
		for _, a := range arts {
			words = append(words, strings.Fields(a.Text)...)
		}
	}
	return strings.Join(words[:1000], " ")
}

// BenchmarkExtractResolve extracts and resolves the mentions of a
// 1,000-word article against the test gazetteer.
func BenchmarkExtractResolve(b *testing.B) {
	m := NewMatcher(testGazetteer(b))
	text := benchArticle(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	n := 0
	for b.Loop() {
		n = len(m.Extract(text, "en"))
	}
	b.ReportMetric(float64(n), "mentions/op")
}

// BenchmarkGroup groups the mentions of the same article.
func BenchmarkGroup(b *testing.B) {
	m := NewMatcher(testGazetteer(b))
	var names []string
	for _, mn := range m.Extract(benchArticle(b), "en") {
		names = append(names, mn.Surface)
	}
	b.ReportAllocs()
	for b.Loop() {
		m.Group(names)
	}
}

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Key("Abdel Fattah el-Sisi")
		Key("حميميم")
		Key("Хмеймим")
	}
}

func BenchmarkSame(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Same("Bashar al-Assad", "بشار الأسد")
	}
}
