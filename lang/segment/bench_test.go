package segment_test

import (
	"strings"
	"testing"

	"interlinear/lang/clean"
	"interlinear/lang/segment"
	"interlinear/seeds"
)

// TestSeedSentences cleans and splits every seed article and checks that
// the sentences the product relies on come out whole.
func TestSeedSentences(t *testing.T) {
	arts, err := seeds.Articles()
	if err != nil {
		t.Fatal(err)
	}
	all := map[string]bool{}
	n := 0
	for _, a := range arts {
		d := clean.Clean(a.Text, clean.Options{Title: a.Title})
		for _, p := range d.Paragraphs {
			got := segment.Sentences(p.Text)
			if err := checkInvariants(p.Text, got); err != nil {
				t.Errorf("%s: %v", a.File, err)
			}
			for _, s := range got {
				all[s.Text] = true
				n++
			}
		}
	}
	t.Logf("%d seed articles: %d sentences", len(arts), n)
	for _, want := range []string{
		`He added that "if the terrorists raised their heads again, we will deal them a blow they haven't seen before."`,
		"He went on to say: “I have taken a decision; a significant part of the Russian troop contingent located in Syria is returning home to Russia.”",
		"Russian President Vladimir Putin (2nd L) and Syrian President Bashar al-Assad (R) visit the Hmeymim air base in Latakia, Syria Dec 11, 2017.",
		"Putin then met Turkish President Recep Tayyip Erdogan in Turkey.",
		"‘Saving Syria’",
	} {
		if !all[want] {
			t.Errorf("sentence %q not found in the seeds", want)
		}
	}
	for s := range all {
		if strings.HasPrefix(s, "Petersburg") || strings.HasSuffix(s, " St.") {
			t.Errorf("sentence split at St.: %q", s)
		}
	}
}

// BenchmarkCleanSentences measures cleaning and splitting all five seed
// articles.
func BenchmarkCleanSentences(b *testing.B) {
	arts, err := seeds.Articles()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			d := clean.Clean(a.Text, clean.Options{Title: a.Title})
			for _, p := range d.Paragraphs {
				segment.Sentences(p.Text)
			}
		}
	}
}

// BenchmarkSentences measures splitting alone on the cleaned seeds.
func BenchmarkSentences(b *testing.B) {
	arts, err := seeds.Articles()
	if err != nil {
		b.Fatal(err)
	}
	var paras []string
	size := 0
	for _, a := range arts {
		for _, p := range clean.Clean(a.Text, clean.Options{Title: a.Title}).Paragraphs {
			paras = append(paras, p.Text)
			size += len(p.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			segment.Sentences(p)
		}
	}
}
