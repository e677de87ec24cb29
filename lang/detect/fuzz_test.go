package detect

import (
	"math"
	"slices"
	"testing"
	"unicode/utf8"
)

func FuzzDetect(f *testing.F) {
	for _, seed := range []string{
		"", " ", "Putin visited the Hmeimim air base",
		"Global EditionASIA 中文双语Français",
		"Syrian President Bashar al-Assad (بشار الأسد) met Putin.",
		"«Путин» and “Assad” (بوتين) 普京 פוטין Πούτιν ሰላም",
		"حُمَيْمِيم\u0640\u200c", "ab\xffcd\xc3", "ー・ー", "\u0301\u0301a", "Share - WeChat",
	} {
		f.Add(seed)
	}
	d := testDetector(f)
	configured := d.Languages()
	f.Fuzz(func(t *testing.T, text string) {
		got := d.Detect(text)
		if again := d.Detect(text); !sameResult(got, again) {
			t.Fatalf("not repeatable: got %v, then %v", got, again)
		}

		checkGuess := func(what string, g Guess) {
			if !(g.Confidence >= 0 && g.Confidence <= 1) || math.IsNaN(g.Confidence) {
				t.Errorf("%s: confidence %v outside [0, 1]", what, g.Confidence)
			}
			if g.Code != Und && !slices.Contains(configured, g.Code) {
				t.Errorf("%s: got code %q, not configured", what, g.Code)
			}
		}
		checkGuess("language", got.Language)
		if got.Language.Code == Und && got.Language.Confidence != 0 {
			t.Errorf("got und with confidence %v, want 0", got.Language.Confidence)
		}
		if len(got.Candidates) > maxCandidates {
			t.Errorf("got %d candidates, want at most %d", len(got.Candidates), maxCandidates)
		}
		for i, c := range got.Candidates {
			checkGuess("candidate", c)
			if c.Code == Und || c.Confidence < minCandidate {
				t.Errorf("got candidate %v", c)
			}
			if i > 0 && c.Confidence > got.Candidates[i-1].Confidence {
				t.Errorf("candidates not sorted: %v", got.Candidates)
			}
		}

		// Spans tile the text from 0 to len(text) when it has letters, lie
		// on rune boundaries, and hold letters of one script each.
		letters := false
		for _, r := range text {
			if classify(r) != scriptNone {
				letters = true
				break
			}
		}
		if !letters {
			if len(got.Spans) != 0 || got.Language.Code != Und {
				t.Fatalf("text without letters: got %v", got)
			}
			return
		}
		if len(got.Spans) == 0 {
			t.Fatal("text with letters: got no spans")
		}
		end := 0
		for _, s := range got.Spans {
			checkGuess("span", Guess{Code: s.Code})
			if s.Start != end || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("span [%d, %d) after %d in text of %d bytes", s.Start, s.End, end, len(text))
			}
			if s.End < len(text) && !utf8.RuneStart(text[s.End]) {
				t.Errorf("span ends inside a rune at %d", s.End)
			}
			for _, r := range text[s.Start:s.End] {
				if c := classify(r); c != scriptNone && c.String() != s.Script {
					t.Errorf("span %s holds %+q of script %v", s.Script, r, c)
				}
			}
			end = s.End
		}
		if end != len(text) {
			t.Errorf("spans end at %d, want %d", end, len(text))
		}
		for i := 1; i < len(got.Spans); i++ {
			if got.Spans[i].Script == got.Spans[i-1].Script {
				t.Errorf("adjacent spans of one script %s", got.Spans[i].Script)
			}
		}
	})
}
