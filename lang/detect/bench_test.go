package detect

import (
	"strings"
	"testing"

	"interlinear/seeds"
)

func BenchmarkDetectSentence(b *testing.B) {
	d := testDetector(b)
	const text = "Russian President Vladimir Putin ordered the partial withdrawal of Russian military personnel from Syria."
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Detect(text)
	}
}

func BenchmarkDetectSentenceParallel(b *testing.B) {
	d := testDetector(b)
	const text = "Russian President Vladimir Putin ordered the partial withdrawal of Russian military personnel from Syria."
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			d.Detect(text)
		}
	})
}

func BenchmarkDetectMixed(b *testing.B) {
	d := testDetector(b)
	const text = "Syrian President Bashar al-Assad (بشار الأسد) met Putin at the Hmeimim air base (Хмеймим, 赫梅米姆)."
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Detect(text)
	}
}

// BenchmarkDetectArticle detects the first 1,000 words of the seed
// articles as one text.
func BenchmarkDetectArticle(b *testing.B) {
	d := testDetector(b)
	arts, err := seeds.Articles()
	if err != nil {
		b.Fatal(err)
	}
	var words []string
	for _, a := range arts {
		words = append(words, strings.Fields(a.Text)...)
	}
	if len(words) < 1000 {
		b.Fatalf("got %d words in the seed articles, want 1,000", len(words))
	}
	text := strings.Join(words[:1000], " ")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Detect(text)
	}
}
