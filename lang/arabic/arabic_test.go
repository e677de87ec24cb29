package arabic

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"حُمَيْمِيم", "حميميم"},
		{"أحمد", "احمد"},
		{"إسرائيل", "اسرائيل"},
		{"مصطفى", "مصطفي"},
		{"اللاذقية", "اللاذقيه"},
		{"كـــبير", "كبير"},
		{"کابل", "كابل"},
		{"Putin بوتين", "Putin بوتين"},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := Fold(c.in); got != c.want {
				t.Errorf("got %+q, want %+q", got, c.want)
			}
		})
	}
}

func FuzzFold(f *testing.F) {
	f.Add("حُمَيْمِيم أحمد")
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from %+q", s)
		}
		if Fold(got) != got {
			t.Fatalf("not idempotent: %+q → %+q → %+q", s, got, Fold(got))
		}
	})
}
