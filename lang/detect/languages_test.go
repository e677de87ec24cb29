package detect

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseLanguages(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr error
		bad     string // the code the error must name
	}{
		{in: "en,ar,ru", want: []string{"en", "ar", "ru"}},
		{in: " EN , Zh ,fa ", want: []string{"en", "zh", "fa"}},
		{in: "en,,ar,", want: []string{"en", "ar"}},
		{in: "en,ar,en", want: []string{"en", "ar"}},
		{in: "en,ar,ru,zh,fr,de,es,tr,fa,he,uk,ur", want: DefaultLanguages()},
		{in: "yo,zu,ka", want: []string{"yo", "zu", "ka"}},
		{in: "", wantErr: ErrNoLanguages},
		{in: " , ", wantErr: ErrNoLanguages},
		{in: "en,xx", wantErr: ErrUnsupportedLanguage, bad: `"xx"`},
		{in: "en,eng", wantErr: ErrUnsupportedLanguage, bad: `"eng"`},
		{in: "en,e1", wantErr: ErrUnsupportedLanguage, bad: `"e1"`},
		{in: "en,am", wantErr: ErrUnsupportedLanguage, bad: `"am"`}, // Amharic: ISO 639-1 but not in lingua
		{in: "en-US", wantErr: ErrUnsupportedLanguage, bad: `"en-US"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseLanguages(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				if !strings.Contains(err.Error(), tt.bad) {
					t.Errorf("got error %q, want it to name %s", err, tt.bad)
				}
				return
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDefaultLanguages(t *testing.T) {
	langs := DefaultLanguages()
	if len(langs) != 12 {
		t.Errorf("got %d languages, want 12", len(langs))
	}
	if _, err := normaliseCodes(langs); err != nil {
		t.Errorf("got %v for the default languages", err)
	}
	langs[0] = "xx"
	if got := DefaultLanguages()[0]; got != "en" {
		t.Errorf("got %q after changing a returned slice, want %q", got, "en")
	}
}

func TestLanguageScript(t *testing.T) {
	tests := map[string]script{
		"en": scriptLatin, "tr": scriptLatin, "ru": scriptCyrillic, "uk": scriptCyrillic,
		"ar": scriptArabic, "fa": scriptArabic, "ur": scriptArabic, "zh": scriptHan, "ja": scriptHan,
		"ko": scriptHangul, "he": scriptHebrew, "el": scriptGreek, "hi": scriptDevanagari, "th": scriptThai,
	}
	for code, want := range tests {
		l, ok := linguaLanguage(code)
		if !ok {
			t.Fatalf("%s: not a lingua language", code)
		}
		if got := languageScript(l); got != want {
			t.Errorf("%s: got %v, want %v", code, got, want)
		}
	}
}
