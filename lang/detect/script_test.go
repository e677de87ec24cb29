package detect

import (
	"fmt"
	"slices"
	"testing"
)

func TestSplitRuns(t *testing.T) {
	tests := []struct {
		in   string
		want []string // script:text of each run
	}{
		{"Putin (بوتين) said", []string{"Latn:Putin ", "Arab:(بوتين) ", "Latn:said"}},
		{"Global Edition ASIA 中文双语Français", []string{"Latn:Global Edition ASIA ", "Hani:中文双语", "Latn:Français"}},
		{"  hello, world!  ", []string{"Latn:  hello, world!  "}},
		{"«Путин» and “Assad”", []string{"Cyrl:«Путин» ", "Latn:and “Assad”"}},
		{"see «Путин»", []string{"Latn:see ", "Cyrl:«Путин»"}},
		{"日本語のテキスト", []string{"Hani:日本語のテキスト"}},
		{"서울 Seoul", []string{"Hang:서울 ", "Latn:Seoul"}},
		{"حُمَيْمِيم 2017", []string{"Arab:حُمَيْمِيم 2017"}},
		{"α-helix", []string{"Grek:α-", "Latn:helix"}},
		{"ሰላም world", []string{"Zzzz:ሰላም ", "Latn:world"}},
		{"ab\xffcd", []string{"Latn:ab\xffcd"}},
		{"x", []string{"Latn:x"}},
		{"", nil},
		{"123 - 456", nil},
		{"ー", nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+q", tt.in), func(t *testing.T) {
			var got []string
			for _, r := range splitRuns(tt.in) {
				got = append(got, r.script.String()+":"+tt.in[r.start:r.end])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %+q, want %+q", got, tt.want)
			}
		})
	}
}

func TestRunLetters(t *testing.T) {
	tests := []struct {
		in   string
		want []int
	}{
		{"Putin (بوتين) said", []int{5, 5, 4}},
		{"Global Edition ASIA 中文双语Français", []int{17, 12, 8}},
		{"서울", []int{4}},
		{"حُمَيْمِيم", []int{6}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+q", tt.in), func(t *testing.T) {
			var got []int
			for _, r := range splitRuns(tt.in) {
				got = append(got, r.letters)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := map[rune]script{
		'a': scriptLatin, 'ß': scriptLatin, 'ğ': scriptLatin, 'Я': scriptCyrillic, 'ї': scriptCyrillic,
		'ب': scriptArabic, 'ے': scriptArabic, '中': scriptHan, 'の': scriptHan, 'カ': scriptHan,
		'한': scriptHangul, 'ש': scriptHebrew, 'λ': scriptGreek, 'क': scriptDevanagari, 'ก': scriptThai,
		'ሰ': scriptOther, ' ': scriptNone, '7': scriptNone, '٣': scriptNone, '،': scriptNone,
		'\u064E': scriptNone, 'ー': scriptNone, '\u0640': scriptNone, '\uFFFD': scriptNone,
	}
	for r, want := range tests {
		if got := classify(r); got != want {
			t.Errorf("%+q: got %v, want %v", r, got, want)
		}
	}
}
