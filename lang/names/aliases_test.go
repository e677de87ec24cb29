package names

import (
	"fmt"
	"testing"
)

func TestLearnAliases(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"paren name", "expelling Daesh (ISIS) terrorist organization", "[{Daesh ISIS}]"},
		{"schwartz-hearst", "including the Syrian National Coalition, the Islamic State of Iraq and the Levant (ISIL), al-Nusra Front", "[{Islamic State of Iraq and the Levant ISIL}]"},
		{"lowercase expansion", "an improvised explosive device (IED) went off", "[{improvised explosive device IED}]"},
		{"acronym first", "ISIL (Islamic State of Iraq and the Levant) fighters", "[{ISIL Islamic State of Iraq and the Levant}]"},
		{"other script", "the Hmeimim (حميميم) air base", "[{Hmeimim حميميم}]"},
		{"photo direction", "Syrian President Bashar al-Assad (R) and Vladimir Putin (2nd L)", "[]"},
		{"agency credit", "DAMASCUS (AFP) - Fighting", "[]"},
		{"explanation", "Hmeimim (the Russian base) was", "[]"},
		{"also known as", "Jabhat Fatah al-Sham, also known as Nusra Front, said", "[{Jabhat Fatah al-Sham Nusra Front}]"},
		{"unclosed", "Daesh (ISIS and", "[]"},
		{"duplicates once", "Daesh (ISIS). Daesh (ISIS).", "[{Daesh ISIS}]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(LearnAliases(tt.text)); got != tt.want {
				t.Errorf("LearnAliases(%+q) got %s, want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestLongForm(t *testing.T) {
	tests := []struct{ short, before, want string }{
		{"ISIL", "groups including the Islamic State of Iraq and the Levant", "Islamic State of Iraq and the Levant"},
		{"CDIC", "belongs to China Daily Information Co", "China Daily Information Co"},
		{"ISIS", "defeating and expelling Daesh", ""},
		{"UN", "the United Nations", "United Nations"},
	}
	for _, tt := range tests {
		t.Run(tt.short, func(t *testing.T) {
			if got := longForm(tt.short, tt.before); got != tt.want {
				t.Errorf("longForm(%q, %q) got %q, want %q", tt.short, tt.before, got, tt.want)
			}
		})
	}
}
