package names

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"Hmeimim", "Хмеймиме", "حُمَيْمِيم", "赫梅米姆", "ג'ים", "Bashar al-Assad",
	"Abdelfattah Elsisi", "Daesh (ISIS)", "the Islamic State of Iraq and the Levant (ISIL)",
	"Russia’s", "Hmeimim-based", "St. Petersburg", "FOLLOW US", "عبدالله", "لبشار الأسد",
	"弗拉基米尔·普京", "", " ", "al-", "-al", "'s", "(", ")", "\xff\xfe", "ـــ", "Ёё",
}

func FuzzKey(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if k != Key(s) {
			t.Fatalf("Key(%q) not deterministic", s)
		}
		for i := 0; i < len(k); i++ {
			c := k[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
				t.Fatalf("Key(%q) = %q has byte %q", s, k, c)
			}
		}
		if strings.Contains(k, "  ") || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") {
			t.Fatalf("Key(%q) = %q: bad spacing", s, k)
		}
		if kk := Key(k); kk != k {
			t.Fatalf("Key not idempotent: Key(%q) = %q, Key of that = %q", s, k, kk)
		}
		r := Romanize(s)
		for i := 0; i < len(r); i++ {
			if r[i] < 0x20 || r[i] > 0x7e || r[i] >= 'A' && r[i] <= 'Z' {
				t.Fatalf("Romanize(%q) = %q has byte %q", s, r, r[i])
			}
		}
		_ = Skeleton(s)
		if sim := Similarity(s, "Hmeimim"); sim < 0 || sim > 1 {
			t.Fatalf("Similarity(%q, Hmeimim) = %v out of [0,1]", s, sim)
		}
	})
}

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Russian Defence Minister Sergey Shoygu met Bashar al-Assad at Khmeimim Air Base (حميميم).")
	f.Add("Путина встретили в Хмеймиме. التقى بوتين بالأسد. 普京会见阿萨德。")
	m := NewMatcher(testGazetteer(f))
	pref := func(id string) (string, bool) {
		e, ok := m.g(id)
		return e.Canonical, ok
	}
	f.Fuzz(func(t *testing.T, s string) {
		ms := m.Extract(s, "en")
		checkSpans(t, s, ms)
		out, reps := Normalize(s, ms, pref)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range reps {
			if r.Start < 0 || r.End > len(s) || s[r.Start:r.End] != r.From {
				t.Fatalf("replacement %+v does not match the input", r)
			}
		}
		for _, a := range LearnAliases(s) {
			if a.A == "" || a.B == "" {
				t.Fatalf("LearnAliases(%q): empty side in %+v", s, a)
			}
		}
		gs := m.Group([]string{s, "Hmeimim", s})
		n := 0
		for _, g := range gs {
			n += len(g.Members)
		}
		if n != 3 {
			t.Fatalf("Group covers %d of 3 names", n)
		}
	})
}

func FuzzParseGazetteer(f *testing.F) {
	f.Add("id\ttype\tcanonical\ten\nx\tplace\tX\tX|Y\n")
	f.Add("# c\nid\ttype\tcanonical\nx\tother\tX\n")
	f.Add("id\ttype\tcanonical\ten\n\tplace\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ParseGazetteer(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, e := range g.Entities() {
			if e.ID == "" || e.Canonical == "" || len(e.Spellings) == 0 {
				t.Fatalf("entity %+v accepted incomplete", e)
			}
		}
		_ = NewMatcher(g).Extract(s, "")
	})
}
