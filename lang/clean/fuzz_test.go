package clean_test

import (
	"fmt"
	"reflect"
	"sort"
	"testing"
	"unicode/utf8"

	"interlinear/lang/clean"
)

// checkDoc reports the first broken invariant of d: valid UTF-8, spans in
// range, on character boundaries, ordered and non-overlapping, and every
// text recoverable as Collapse of its span of Source.
func checkDoc(d clean.Doc) error {
	if !utf8.ValidString(d.Source) {
		return fmt.Errorf("Source is not valid UTF-8")
	}
	type span struct {
		start, end int
		text, what string
	}
	var spans []span
	for i, p := range d.Paragraphs {
		if i > 0 && p.Start < d.Paragraphs[i-1].End {
			return fmt.Errorf("paragraph %d out of order", i)
		}
		spans = append(spans, span{p.Start, p.End, p.Text, fmt.Sprintf("paragraph %d", i)})
	}
	for i, r := range d.Removed {
		if i > 0 && r.Start < d.Removed[i-1].End {
			return fmt.Errorf("removed %d out of order", i)
		}
		if r.Reason == "" {
			return fmt.Errorf("removed %d has no reason", i)
		}
		spans = append(spans, span{r.Start, r.End, r.Text, fmt.Sprintf("removed %d", i)})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	prev := 0
	for _, s := range spans {
		if s.start < prev || s.end <= s.start || s.end > len(d.Source) {
			return fmt.Errorf("%s: span [%d:%d] out of range or overlapping (previous end %d, len %d)", s.what, s.start, s.end, prev, len(d.Source))
		}
		if !utf8.RuneStart(d.Source[s.start]) || (s.end < len(d.Source) && !utf8.RuneStart(d.Source[s.end])) {
			return fmt.Errorf("%s: span [%d:%d] splits a character", s.what, s.start, s.end)
		}
		if s.text == "" || !utf8.ValidString(s.text) {
			return fmt.Errorf("%s: empty or invalid text %q", s.what, s.text)
		}
		if want := clean.Collapse(d.Source[s.start:s.end]); s.text != want {
			return fmt.Errorf("%s: text %q is not its source span collapsed %q", s.what, s.text, want)
		}
		prev = s.end
	}
	return nil
}

func FuzzClean(f *testing.F) {
	for _, a := range seedArticles(f) {
		f.Add(a.Text, a.Title)
	}
	f.Add("World\r\n\r\nPutin visited Syria.\r\r\nShare\n", "")
	f.Add("Caption text here. [Photo/Agencies]\n(Photo: AFP)\n\u200b\n\xffbad", "x")
	f.Add("Check Also\nHeadline\nTeaser …", "Headline")
	f.Add("a\nb\nc\na\nb", "")
	f.Fuzz(func(t *testing.T, in, title string) {
		d := clean.Clean(in, clean.Options{Title: title})
		if err := checkDoc(d); err != nil {
			t.Fatalf("Clean(%+q): %v", in, err)
		}
		again := clean.Clean(d.Source, clean.Options{Title: title})
		if !reflect.DeepEqual(again, d) {
			t.Fatalf("Clean(%+q) differs when run on its own Source:\ngot  %+v\nwant %+v", in, again, d)
		}
	})
}
