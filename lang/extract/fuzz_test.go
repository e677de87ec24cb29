package extract

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFromHTML: FromHTML must not panic, must return one of its errors or
// an article, and every field must be valid UTF-8 in the promised shape.
func FuzzFromHTML(f *testing.F) {
	f.Add(readFile(f, "news_en.html"))
	f.Add(readFile(f, "news_ar.html"))
	f.Add("<p>" + strings.Repeat("word ", 60) + "</p>")
	f.Add("<table><tr><td>a<td>b<tr><td>c</table><p>x<br><br>y</p>")
	f.Add("<p><font id=1>x</p><p><font id=2>y</p><p>z")
	f.Add("<svg><path/><div/></svg><math><mi/></math>")
	f.Add("\x00\xff<\x80>&#0;<!--")
	f.Fuzz(func(t *testing.T, src string) {
		a, err := FromHTML(src, Options{MaxNodes: 20_000})
		if err != nil {
			if !errors.Is(err, ErrNoContent) && !errors.Is(err, ErrTooComplex) {
				t.Fatalf("unexpected error %v", err)
			}
			if a != (Article{}) {
				t.Errorf("got %+v with error %v, want the zero Article", a, err)
			}
			return
		}
		for _, s := range []string{a.Title, a.Author, a.Language} {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 %q", s)
			}
		}
		if a.Text == "" {
			t.Error("no error and no text")
		}
		checkText(t, a.Text)
	})
}
