package pipeline_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"interlinear/internal/testdeps"
	"interlinear/lang/clean"
	"interlinear/lang/pipeline"
	"interlinear/seeds"
)

// testPipeline returns the pipeline shared by the test binary (built once,
// as main does once per process).
func testPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	return testdeps.Pipeline(t)
}

// checkDoc states what every processed document must hold: passages point
// back into the source (the original stays recoverable), mentions point
// into their passage, and languages are labelled.
func checkDoc(t *testing.T, doc pipeline.Document) {
	t.Helper()
	for i, p := range doc.Passages {
		if p.Start < 0 || p.End > len(doc.Source) || p.Start > p.End {
			t.Fatalf("passage %d span %d:%d outside the source (%d bytes)", i, p.Start, p.End, len(doc.Source))
		}
		if got := clean.Collapse(doc.Source[p.Start:p.End]); got != p.Text {
			t.Errorf("passage %d: source span reads %+q, passage is %+q", i, got, p.Text)
		}
		if p.Language.Code == "" {
			t.Errorf("passage %d has no language", i)
		}
		for _, m := range p.Mentions {
			if m.Start < 0 || m.End > len(p.Text) || p.Text[m.Start:m.End] != m.Surface {
				t.Errorf("passage %d: mention %+v does not match its span", i, m)
			}
		}
	}
}

func TestSeedsThroughPipeline(t *testing.T) {
	p := testPipeline(t)
	list, err := seeds.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		t.Run(a.File, func(t *testing.T) {
			doc, err := p.Process(pipeline.Input{Text: a.Text, Title: a.Title})
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, doc)
			if doc.Language.Code != "en" {
				t.Errorf("got %s, want en", doc.Language.Code)
			}
			var ms int
			for _, ps := range doc.Passages {
				ms += len(ps.Mentions)
			}
			if ms < 5 {
				t.Errorf("only %d names found", ms)
			}
		})
	}
}

func TestAliasAcrossPassages(t *testing.T) {
	p := testPipeline(t)
	doc, err := p.Process(pipeline.Input{Text: "Fighters of Daesh (ISIS) fled the town on Monday.\n\nLater, ISIS said it would return."})
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, doc)
	ids := map[string]string{}
	for _, ps := range doc.Passages {
		for _, m := range ps.Mentions {
			ids[m.Surface] = m.EntityID
		}
	}
	if ids["Daesh"] == "" || ids["Daesh"] != ids["ISIS"] {
		t.Errorf("Daesh and ISIS should resolve to one entity: %v", ids)
	}
}

func TestHTMLInput(t *testing.T) {
	p := testPipeline(t)
	html := `<html><head><title>Putin in Syria</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Putin in Syria</h1><p>Russian President Vladimir Putin visited the Hmeimim air base in Syria on Monday and met President Bashar al-Assad there.</p>
<p>He ordered the withdrawal of a significant part of the Russian contingent, according to the Kremlin.</p></article>
<footer>Copyright 2017. All rights reserved.</footer></body></html>`
	doc, err := p.Process(pipeline.Input{HTML: html})
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, doc)
	if doc.Title != "Putin in Syria" || len(doc.Passages) != 2 {
		t.Errorf("got title %q and %d passages: %+v", doc.Title, len(doc.Passages), doc.Passages)
	}
}

func TestEmptyAfterCleaning(t *testing.T) {
	p := testPipeline(t)
	if _, err := p.Process(pipeline.Input{Text: "Share\nBACK TO THE TOP\n"}); err != pipeline.ErrEmpty {
		t.Errorf("got %v, want ErrEmpty", err)
	}
}

func FuzzProcess(f *testing.F) {
	list, err := seeds.Articles()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(list[0].Text[:600])
	f.Add("Путин  посетил\u00a0Хмеймим.\r\n\r\nبوتين  يزور حميميم؟ 普京访问。")
	f.Add("a\u200b b\n\n\tc. D. e")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		p := testPipeline(t)
		doc, err := p.Process(pipeline.Input{Text: s})
		if err != nil {
			if err != pipeline.ErrEmpty {
				t.Fatal(err)
			}
			return
		}
		if !utf8.ValidString(doc.Source) {
			t.Fatal("source is not valid UTF-8")
		}
		checkDoc(t, doc)
		if strings.TrimSpace(doc.Source) == "" {
			t.Fatal("passages from a blank source")
		}
	})
}

// BenchmarkIngestSeed is the analysis part of an ingest (cleaning,
// segmentation, language detection, names) per seed article.
func BenchmarkIngestSeed(b *testing.B) {
	p := testPipeline(b)
	list, err := seeds.Articles()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := list[i%len(list)]
		if _, err := p.Process(pipeline.Input{Text: a.Text, Title: a.Title}); err != nil {
			b.Fatal(err)
		}
	}
}
