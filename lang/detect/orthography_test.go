package detect

import (
	"fmt"
	"slices"
	"testing"
)

func TestOrthographyCandidates(t *testing.T) {
	tests := []struct {
		s     script
		codes []string
		text  string
		want  []string
	}{
		{scriptArabic, []string{"ar", "fa", "ur"}, "روسی فوجیں شام سے", []string{"ur"}},
		{scriptArabic, []string{"ar", "fa", "ur"}, "پوتین از پایگاه", []string{"fa", "ur"}},
		{scriptArabic, []string{"ar", "fa", "ur"}, "قاعدة حميميم", []string{"ar"}},
		{scriptArabic, []string{"ar", "fa", "ur"}, "بشار الاسد", []string{"ar", "fa", "ur"}},
		// A Persian text quoting Arabic has letters of both: no narrowing.
		{scriptArabic, []string{"ar", "fa", "ur"}, "در نشریه الوطن الكويتية", []string{"ar", "fa", "ur"}},
		// Without Urdu configured, an Urdu letter excludes everything: no narrowing.
		{scriptArabic, []string{"ar", "fa"}, "روسی فوجیں شام سے", []string{"ar", "fa"}},
		{scriptCyrillic, []string{"ru", "uk"}, "Путін відвідав базу", []string{"uk"}},
		{scriptCyrillic, []string{"ru", "uk"}, "Российские войска вышли", []string{"ru"}},
		{scriptCyrillic, []string{"ru", "uk"}, "Путин посетил базу", []string{"ru", "uk"}},
		{scriptCyrillic, []string{"ru", "uk"}, "Інтернет-радіо Сделано в Харькове, объявили", []string{"ru", "uk"}},
		{scriptCyrillic, []string{"bg", "ru", "uk"}, "Російські", []string{"bg", "uk"}},
		{scriptLatin, []string{"en", "fr"}, "Français", []string{"en", "fr"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%v/%+q", tt.codes, tt.text), func(t *testing.T) {
			rules := orthoRules(tt.s)
			set := candidates(tt.codes, rules, presentRules(rules, tt.text))
			var got []string
			for i, c := range tt.codes {
				if set&(1<<i) != 0 {
					got = append(got, c)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
