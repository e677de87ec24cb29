package detect

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// sharedDetector builds the default detector once per test binary: lingua
// keeps its models for the life of the process anyway.
var sharedDetector = sync.OnceValues(func() (*Detector, error) {
	return New(DefaultLanguages())
})

func testDetector(t testing.TB) *Detector {
	t.Helper()
	d, err := sharedDetector()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDetectSentences(t *testing.T) {
	d := testDetector(t)
	tests := []struct{ want, text string }{
		{"en", "Putin visited the Hmeimim air base"},
		{"en", "Russian forces will leave Syria soon"},
		{"ar", "بوتين يزور قاعدة حميميم"},
		{"ar", "القوات الروسية تغادر سوريا قريبا"},
		{"ru", "Путин посетил базу Хмеймим"},
		{"ru", "Российские войска покинут Сирию"},
		{"zh", "普京访问了赫梅米姆空军基地"},
		{"zh", "俄罗斯军队将撤出叙利亚"},
		{"fr", "Poutine a visité la base aérienne"},
		{"fr", "Les forces russes quittent la Syrie"},
		{"de", "Putin besuchte den Stützpunkt"},
		{"de", "Russische Truppen verlassen bald Syrien"},
		{"es", "Putin visitó la base aérea"},
		{"es", "Las tropas rusas saldrán de Siria"},
		{"tr", "Putin Hmeymim üssünü ziyaret etti"},
		{"tr", "Rus askerleri Suriye'den çekiliyor"},
		{"fa", "پوتین از پایگاه حمیمیم بازدید کرد"},
		{"fa", "نیروهای روسیه از سوریه خارج می\u200cشوند"},
		{"he", "פוטין ביקר בבסיס חמיימים"},
		{"he", "הכוחות הרוסיים יעזבו את סוריה"},
		{"uk", "Путін відвідав базу Хмеймім"},
		{"uk", "Російські війська залишать Сирію"},
		{"ur", "پوتن نے حمیمیم اڈے کا دورہ کیا"},
		{"ur", "روسی فوجیں شام سے نکل جائیں گی"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%+q", tt.want, tt.text), func(t *testing.T) {
			got := d.Detect(tt.text)
			if got.Language.Code != tt.want {
				t.Errorf("got %q, want %q (candidates %v)", got.Language.Code, tt.want, got.Candidates)
			}
			if len(got.Spans) != 1 || got.Spans[0].Code != tt.want {
				t.Errorf("got spans %v, want one span labelled %q", got.Spans, tt.want)
			}
			if len(got.Candidates) == 0 || got.Candidates[0] != got.Language {
				t.Errorf("got candidates %v, want %v first", got.Candidates, got.Language)
			}
		})
	}
}

// TestDetectMixed checks lines seen in scraped articles: mixed scripts and
// boilerplate must not get a confident wrong label.
func TestDetectMixed(t *testing.T) {
	d := testDetector(t)

	t.Run("language menu", func(t *testing.T) {
		for _, text := range []string{"Global Edition ASIA 中文双语Français", "Global EditionASIA 中文双语Français"} {
			got := d.Detect(text)
			if got.Language.Code == "zh" {
				t.Errorf("%+q: got %q, want anything but zh", text, got.Language.Code)
			}
			if got.Language.Code != Und && len(got.Spans) < 2 {
				t.Errorf("%+q: got %q with spans %v, want und or several spans", text, got.Language.Code, got.Spans)
			}
			if !hasSpan(text, got.Spans, "Hani", "zh", "中文双语") {
				t.Errorf("%+q: got spans %v, want a Hani span 中文双语 labelled zh", text, got.Spans)
			}
		}
	})

	t.Run("boilerplate", func(t *testing.T) {
		for _, text := range []string{"Share - WeChat", "[ssba]", "Top", "Share", "fbpx", "FOLLOW US", "BACK TO THE TOP", "English", "World", "News"} {
			got := d.Detect(text)
			if got.Language.Code != Und && got.Language.Code != "en" {
				t.Errorf("%+q: got %q, want und or en", text, got.Language.Code)
			}
		}
	})

	tests := []struct {
		name, text, want string
		span             [3]string // script, code and text of a span that must be there
	}{
		{"English with an Arabic name", "Syrian President Bashar al-Assad (بشار الأسد) met Putin at the Hmeimim air base.", "en", [3]string{"Arab", "ar", "(بشار الأسد) "}},
		{"English with a Russian name", "Defence Minister Sergey Shoygu (Сергей Шойгу) said the troops would return home.", "en", [3]string{"Cyrl", "ru", "(Сергей Шойгу) "}},
		{"Russian with a Latin name", "Министр обороны России заявил, что база Hmeimim продолжит работу.", "ru", [3]string{"Latn", "", "Hmeimim "}},
		{"Chinese with a Latin name", "普京周一访问了叙利亚的Hmeimim空军基地并会见了阿萨德。", "zh", [3]string{"Latn", "", "Hmeimim"}},
		{"Arabic with an English term", "قال الكرملين إن القوات الروسية ستغادر سوريا بعد هزيمة تنظيم ISIS هناك.", "ar", [3]string{"Latn", "", "ISIS "}},
		{"Persian with a Latin name", "ولادیمیر پوتین روز دوشنبه از پایگاه هوایی Hmeimim در سوریه بازدید کرد.", "fa", [3]string{"Latn", "", "Hmeimim "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Detect(tt.text)
			if got.Language.Code != tt.want {
				t.Errorf("got %q, want %q (candidates %v)", got.Language.Code, tt.want, got.Candidates)
			}
			if !hasSpan(tt.text, got.Spans, tt.span[0], tt.span[1], tt.span[2]) {
				t.Errorf("got spans %s, want a %s span %+q labelled %q", showSpans(tt.text, got.Spans), tt.span[0], tt.span[2], tt.span[1])
			}
			for _, s := range got.Spans {
				if s.Script == got.Spans[0].Script && s.Code != tt.want && s.Code != Und {
					t.Errorf("got span %+q labelled %q, want %q or und", tt.text[s.Start:s.End], s.Code, tt.want)
				}
			}
		})
	}
}

// hasSpan reports whether spans hold one of script over exactly want,
// labelled code (any label when code is "").
func hasSpan(text string, spans []Span, script, code, want string) bool {
	for _, s := range spans {
		if s.Script == script && (code == "" || s.Code == code) && text[s.Start:s.End] == want {
			return true
		}
	}
	return false
}

func showSpans(text string, spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		fmt.Fprintf(&b, "[%s %s %+q]", s.Script, s.Code, text[s.Start:s.End])
	}
	return b.String()
}

func TestDetectNoLetters(t *testing.T) {
	d := testDetector(t)
	for _, text := range []string{"", "   ", "12:30 - 2017-12-11", "!!! ???", "ー", "\u0640\u064E", "\xff\xfe"} {
		t.Run(fmt.Sprintf("%+q", text), func(t *testing.T) {
			got := d.Detect(text)
			if got.Language != (Guess{Code: Und}) {
				t.Errorf("got %v, want und with confidence 0", got.Language)
			}
			if got.Candidates == nil || len(got.Candidates) != 0 || got.Spans == nil || len(got.Spans) != 0 {
				t.Errorf("got candidates %v and spans %v, want both empty and not nil", got.Candidates, got.Spans)
			}
		})
	}
}

// TestDetectUnconfiguredScript checks that text in a script none of the
// configured languages uses gets und, whatever lingua would say.
func TestDetectUnconfiguredScript(t *testing.T) {
	d, err := New([]string{"ru", "uk"})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Putin visited the Hmeimim air base", "普京访问了赫梅米姆空军基地", "Ο Πούτιν επισκέφθηκε τη βάση"} {
		got := d.Detect(text)
		if got.Language.Code != Und || len(got.Candidates) != 0 {
			t.Errorf("%+q: got %v with candidates %v, want und and none", text, got.Language, got.Candidates)
		}
	}
	got := d.Detect("Putin visited the base Хмеймим and met Assad there on Monday")
	if got.Language.Code != Und {
		t.Errorf("got %q, want und: the Cyrillic run is under 70%% of the letters", got.Language.Code)
	}
}

// TestDetectOneLanguage checks a detector with one language: its script
// needs no model, and other scripts stay und.
func TestDetectOneLanguage(t *testing.T) {
	d, err := New([]string{"EN"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Languages(), []string{"en"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	tests := []struct{ text, want string }{
		{"Bonjour tout le monde", "en"}, // the only Latin-script language configured
		{"Привет всем", Und},
		{"ab", Und}, // under minLetters
	}
	for _, tt := range tests {
		if got := d.Detect(tt.text).Language.Code; got != tt.want {
			t.Errorf("%+q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDetectConcurrent(t *testing.T) {
	d := testDetector(t)
	texts := []string{
		"Putin visited the Hmeimim air base",
		"Путин посетил базу Хмеймим",
		"بوتين يزور قاعدة حميميم",
		"Global Edition ASIA 中文双语Français",
		"Syrian President Bashar al-Assad (بشار الأسد) met Putin at the Hmeimim air base.",
		"Share - WeChat",
	}
	want := make([]Result, len(texts))
	for i, text := range texts {
		want[i] = d.Detect(text)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(texts))
	for range 8 {
		wg.Go(func() {
			for i, text := range texts {
				if got := d.Detect(text); !sameResult(got, want[i]) {
					errs <- fmt.Errorf("%+q: got %v, want %v", text, got, want[i])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func sameResult(a, b Result) bool {
	return a.Language == b.Language && slices.Equal(a.Candidates, b.Candidates) && slices.Equal(a.Spans, b.Spans)
}

// TestLazyModels checks that leaving models to load on first use gives the
// same results.
func TestLazyModels(t *testing.T) {
	lazy, err := New(DefaultLanguages(), WithPreload(false))
	if err != nil {
		t.Fatal(err)
	}
	d := testDetector(t)
	for _, text := range []string{"Russian forces will leave Syria soon", "Российские войска покинут Сирию", "نیروهای روسیه از سوریه خارج می\u200cشوند"} {
		if got, want := lazy.Detect(text), d.Detect(text); !sameResult(got, want) {
			t.Errorf("%+q: got %v, want %v", text, got, want)
		}
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		codes   []string
		opts    []Option
		want    []string
		wantErr error
	}{
		{"defaults", DefaultLanguages(), nil, DefaultLanguages(), nil},
		{"case and repeats", []string{" EN", "ar", "en", "Ru"}, nil, []string{"en", "ar", "ru"}, nil},
		{"no codes", nil, nil, nil, ErrNoLanguages},
		{"unknown code", []string{"en", "xx"}, nil, nil, ErrUnsupportedLanguage},
		{"three-letter code", []string{"eng"}, nil, nil, ErrUnsupportedLanguage},
		{"high accuracy, lazy", []string{"en", "fr"}, []Option{WithAccuracy(HighAccuracy), WithPreload(false)}, []string{"en", "fr"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New(tt.codes, tt.opts...)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if got := d.Languages(); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if _, err := New([]string{"en"}, WithAccuracy(Accuracy(7))); err == nil {
		t.Error("got no error for an unknown accuracy mode")
	}
}

func TestLanguagesIsACopy(t *testing.T) {
	d := testDetector(t)
	got := d.Languages()
	got[0] = "xx"
	if d.Languages()[0] != "en" {
		t.Errorf("got %q after changing the returned slice, want %q", d.Languages()[0], "en")
	}
}

func TestAccuracyString(t *testing.T) {
	for a, want := range map[Accuracy]string{LowAccuracy: "low", HighAccuracy: "high", Accuracy(9): "Accuracy(9)"} {
		if got := a.String(); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	if got := testDetector(t).Accuracy(); got != LowAccuracy {
		t.Errorf("got default accuracy %v, want %v", got, LowAccuracy)
	}
}

func TestPrepare(t *testing.T) {
	tests := []struct {
		s          script
		text, want string
	}{
		{scriptArabic, "حُمَيْمِيم", "حميميم"},
		{scriptArabic, "قاعـــدة", "قاعدة"},
		{scriptArabic, "\u0627\u0653\u0644\u064E", "\u0622\u0644"}, // decomposed alef madda stays آ
		{scriptHebrew, "שָׁלוֹם", "שלום"},
		{scriptLatin, "Poute\u0301", "Pouté"},
		{scriptCyrillic, "Хмеймим", "Хмеймим"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+q", tt.text), func(t *testing.T) {
			if got := prepare(tt.s, tt.text); got != tt.want {
				t.Errorf("got %+q, want %+q", got, tt.want)
			}
		})
	}
}
