package names

import (
	"fmt"
	"testing"
)

// house is a preferred-spelling function: the entity's canonical name.
func house(m *Matcher) func(string) (string, bool) {
	return func(id string) (string, bool) {
		for _, e := range m.ents {
			if e.ID == id {
				return e.Canonical, true
			}
		}
		return "", false
	}
}

func TestNormalize(t *testing.T) {
	m := NewMatcher(testGazetteer(t))
	tests := []struct {
		name, text, want, reps string
	}{
		{"variants", "Putin visited Hmeymim, then Khmeimim-based jets flew.", "Putin visited Hmeimim, then Hmeimim-based jets flew.",
			"[{14 21 Hmeymim Hmeimim hmeimim} {28 36 Khmeimim Hmeimim hmeimim}]"},
		{"acronym to house name", "Daesh (ISIS) fighters", "Islamic State (Islamic State) fighters",
			"[{0 5 Daesh Islamic State isis} {7 11 ISIS Islamic State isis}]"},
		{"already house spelling", "Hmeimim and Tartus", "Hmeimim and Tartus", "[]"},
		{"other script left alone", "Путин посетил Хмеймим", "Путин посетил Хмеймим", "[]"},
		{"unknown left alone", "Sergey Lavrov spoke", "Sergey Lavrov spoke", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reps := Normalize(tt.text, m.Extract(tt.text, "en"), house(m))
			if got != tt.want {
				t.Errorf("Normalize(%+q) got %q, want %q", tt.text, got, tt.want)
			}
			if r := fmt.Sprint(reps); r != tt.reps && !(r == "[]" && tt.reps == "[]") {
				t.Errorf("replacements got %s, want %s", r, tt.reps)
			}
			for _, r := range reps {
				if tt.text[r.Start:r.End] != r.From {
					t.Errorf("replacement span %d:%d holds %q, From is %q", r.Start, r.End, tt.text[r.Start:r.End], r.From)
				}
			}
			// idempotent
			again, more := Normalize(got, m.Extract(got, "en"), house(m))
			if again != got || len(more) != 0 {
				t.Errorf("second Normalize got %q (%d replacements), want %q unchanged", again, len(more), got)
			}
		})
	}
}

func TestNormalizeCyrillicInflection(t *testing.T) {
	text := "Путина встретили в Хмеймиме."
	ms := []Mention{
		{Start: 0, End: len("Путина"), Surface: "Путина", EntityID: "putin"},
	}
	pref := func(string) (string, bool) { return "Путин", true }
	got, reps := Normalize(text, ms, pref)
	if got != text || len(reps) != 0 {
		t.Errorf("got %q with %d replacements, want the inflected form left alone", got, len(reps))
	}
	// a bad span is skipped, not trusted
	bad := []Mention{{Start: 3, End: 200, Surface: "x", EntityID: "putin"}}
	if got, _ := Normalize(text, bad, pref); got != text {
		t.Errorf("got %q, want text unchanged for an invalid span", got)
	}
}
