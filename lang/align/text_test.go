package align

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		text, lang string
		want       []string
	}{
		{"Russia entered the war in 2015.", "en", []string{"2015"}},
		{"on 30 September 2015", "en", []string{"2015-09-30", "2015-09", "2015"}},
		{"September 30, 2015", "en", []string{"2015-09-30", "2015-09", "2015"}},
		{"in September 2015", "en", []string{"2015-09", "2015"}},
		{"30 سبتمبر 2015", "ar", []string{"2015-09-30", "2015-09", "2015"}},
		{"٣٠ أيلول ٢٠١٥", "ar", []string{"2015-09-30", "2015-09", "2015"}},
		{"2015年9月30日", "zh", []string{"2015-09-30", "2015-09", "2015"}},
		{"30 сентября 2015 года", "ru", []string{"2015-09-30", "2015-09", "2015"}},
		{"le 30 septembre 2015", "fr", []string{"2015-09-30", "2015-09", "2015"}},
		{"2017-12-12 10:14", "en", []string{"2017-12-12", "2017-12", "2017", "10", "14"}},
		{"30.09.2015", "ru", []string{"2015-09-30", "2015-09", "2015"}},
		{"on November 22", "en", []string{"--11-22"}},
		{"killing all 224 passengers", "en", []string{"224"}},
		{"some 465,000 people", "en", []string{"465000"}},
		{"some 465 000 people", "fr", []string{"465000"}},
		{"465\u00a0000", "fr", []string{"465000"}},
		{"٤٦٥٬٠٠٠", "ar", []string{"465000"}},
		{"۴۶۵", "fa", []string{"465"}},
		{"46.5万人", "zh", []string{"465000"}},
		{"四十六万五千", "zh", []string{"465000"}},
		{"12 million Syrians", "en", []string{"12000000"}},
		{"12,5 млн", "ru", []string{"12500000"}},
		{"1.500 personnes", "fr", []string{"1500"}},
		{"1.5 million", "en", []string{"1500000"}},
		{"two Russian bases", "en", []string{"2"}},
		{"seven years, forty-nine", "en", []string{"7", "49"}},
		{"one of the bases", "en", nil},
		{"may be", "en", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := Numbers(tc.text, tc.lang)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Numbers(%q, %q): got %q, want %q", tc.text, tc.lang, got, tc.want)
			}
		})
	}
}

func TestNormalizeDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"٢٠١٥", "2015"}, {"۲۰۱۵", "2015"}, {"２０１５", "2015"}, {"٤٦٥٬٠٠٠", "465,000"}, {"12٫5", "12.5"}, {"abc", "abc"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := NormalizeDigits(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Putin’s visit to al-Assad", []string{"Putin’s", "visit", "to", "al", "-", "Assad"}},
		{"they’ve never seen", []string{"they’ve", "never", "seen"}},
		{"465,000 and 465 000", []string{"465,000", "and", "465 000"}},
		{"in 2015 30 September", []string{"in", "2015", "30", "September"}},
		{"普京说", []string{"普", "京", "说"}},
		{"حميميم ٢٠١٧", []string{"حميميم", "٢٠١٧"}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var got []string
			for _, tok := range Tokenize(tc.in) {
				got = append(got, tok.Text)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBritishFold(t *testing.T) {
	syn := resources(t).Synonyms
	tests := []struct{ in, want string }{
		{"defence", "defense"}, {"recognise", "recognize"}, {"criticised", "criticized"}, {"travelling", "traveling"},
		{"colour", "color"}, {"centre", "center"}, {"destabilising", "destabilizing"},
		{"killing", "killing"}, {"rise", "rise"}, {"promise", "promise"}, {"hour", "hour"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if syn == nil {
				t.Skip("WordNet not installed")
			}
			if got := britishFold(tc.in, syn.Known); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestStemArabic(t *testing.T) {
	tests := []struct{ in, want string }{
		{"القوات", "قوات"}, {"والقوات", "قوات"}, {"بالقاعدة", "قاعد"}, {"روسيا", "روس"}, {"الْقُوَّات", "قوات"}, {"المسلحين", "مسلح"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := stemArabic(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQuotesAndSpeaker(t *testing.T) {
	// mention marks an entity written at the first occurrence of a
	// surface in the text.
	type mention struct{ surface, entity string }
	tests := []struct {
		text, lang string
		entities   []string
		mentions   []mention
		quote      string
		speaker    string
	}{
		{`Putin said: "we will deal them a blow they haven't seen before."`, "en", []string{"vladimir-putin"}, nil, "we will deal them a blow they haven't seen before.", "vladimir-putin"},
		{"Novosti cited Putin as saying that “the combat work is completed”.", "en", []string{"ria-novosti", "vladimir-putin"}, nil, "the combat work is completed", "vladimir-putin"},
		{"«Мы нанесём удары», — заявил Путин.", "ru", []string{"vladimir-putin"}, nil, "Мы нанесём удары", "vladimir-putin"},
		{"وقال بوتين: «سنوجه إليهم ضربات»", "ar", []string{"vladimir-putin"}, nil, "سنوجه إليهم ضربات", "vladimir-putin"},
		{"Russia’s state news agency reported the visit.", "en", nil, nil, "", ""},
		// Opaque ids (a server's database keys): the mentions resolve.
		{`Putin said: "we will deal them a blow."`, "en", []string{"e12"}, []mention{{"Putin", "e12"}}, "we will deal them a blow.", "e12"},
		{`Vladimir Putin arrived. Putin said: "we won."`, "en", []string{"e12"}, []mention{{"Vladimir Putin", "e12"}}, "we won.", "e12"},
		{"«Мы нанесём удары», — заявил Путин.", "ru", []string{"e7"}, []mention{{"Путин", "e7"}}, "Мы нанесём удары", "e7"},
		{"普京说：「我们胜利了」", "zh", []string{"e12"}, []mention{{"普京", "e12"}}, "我们胜利了", "e12"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			spans, _ := quoteSpans(tc.text, false)
			got := ""
			if len(spans) > 0 {
				got = tc.text[spans[0].start:spans[0].end]
			}
			if got != tc.quote {
				t.Errorf("quote: got %q, want %q", got, tc.quote)
			}
			var ms []Mention
			for _, m := range tc.mentions {
				i := strings.Index(tc.text, m.surface)
				if i < 0 {
					t.Fatalf("mention %q not in the text", m.surface)
				}
				ms = append(ms, Mention{Start: i, End: i + len(m.surface), Entity: m.entity})
			}
			sp, _ := speakerOf(tc.text, tc.lang, Tokenize(tc.text), spans, newEntityNames(tc.text, tc.entities, ms))
			if sp != tc.speaker {
				t.Errorf("speaker: got %q, want %q", sp, tc.speaker)
			}
		})
	}
}

func TestSkeleton(t *testing.T) {
	for _, tc := range []struct{ a, b string }{{"Putin", "Путин"}, {"Putin", "بوتين"}, {"Trump", "Трамп"}, {"Trump", "ترامب"}} {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			if skeleton(tc.a) != skeleton(tc.b) {
				t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q", tc.a, skeleton(tc.a), tc.b, skeleton(tc.b))
			}
		})
	}
}

func TestWordDiff(t *testing.T) {
	a := "Putin ordered the withdrawal of Russian forces."
	b := "Putin ordered the partial withdrawal of Russian troops."
	ops := WordDiff(a, b)
	var ga, gb strings.Builder
	for _, op := range ops {
		if op.Op != "insert" {
			ga.WriteString(op.Text)
		}
		if op.Op != "delete" {
			gb.WriteString(op.Text)
		}
	}
	if ga.String() != a || gb.String() != b {
		t.Errorf("ops do not rebuild the texts: got %q / %q", ga.String(), gb.String())
	}
	want := []DiffOp{{"equal", "Putin ordered the "}, {"insert", "partial "}, {"equal", "withdrawal of Russian "}, {"delete", "forces"}, {"insert", "troops"}, {"equal", "."}}
	if !reflect.DeepEqual(ops, want) {
		t.Errorf("got %+v, want %+v", ops, want)
	}
}

func TestParseDictd(t *testing.T) {
	data := "00-database-info\nx\nwithdrawal /wɪð/\nвывод, отвод\nforce\n1. сила\n2. войска\n"
	// offsets in dictd base64: "withdrawal" starts at 19 (T), length 31 (f)
	idx := "00databaseinfo\tA\tT\nwithdrawal\tT\tf\n"
	es, err := ParseDictd(strings.NewReader(idx), bytes.NewReader([]byte(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Headword != "withdrawal" {
		t.Fatalf("got %+v", es)
	}
	d := FreeDictToEnglish("ru", es, true)
	if got := d.Entries["вывод"]; !reflect.DeepEqual(got, []string{"withdrawal"}) {
		t.Errorf("вывод: got %q, want [withdrawal]", got)
	}
	if _, err := ParseDictd(strings.NewReader("bad\tline\n"), bytes.NewReader(nil)); err == nil {
		t.Errorf("malformed index: got no error")
	}
}

func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"30 September 2015", "٤٦٥٬٠٠٠", "2015年9月30日", "465 000", "1.500", "forty-nine", "30.09.2015", "12,5 млн", "九月三十日", "2017-12-12"} {
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		out := Numbers(s, lang)
		for _, k := range out {
			if !utf8.ValidString(k) {
				t.Fatalf("invalid UTF-8 key %q", k)
			}
			// Every canonical form reads back as itself.
			again := Numbers(k, lang)
			found := false
			for _, k2 := range again {
				if k2 == k {
					found = true
				}
			}
			if !found {
				t.Fatalf("Numbers(%q) = %q: key %q reads back as %q", s, out, k, again)
			}
		}
		n := NormalizeDigits(s)
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("NormalizeDigits(%q) = %q: invalid UTF-8", s, n)
		}
		if NormalizeDigits(n) != n {
			t.Fatalf("NormalizeDigits not idempotent on %q", s)
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Putin’s visit to al-Assad", "465,000 and 465 000", "普京说：“打击。”", "وقال بوتين «ضربات»", "\xff\xfe bad", "they’ve"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("bad offsets %d..%d after %d in %q", tok.Start, tok.End, prev, s)
			}
			if s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("text %q does not match offsets in %q", tok.Text, s)
			}
			if !utf8.ValidString(tok.Text) {
				t.Fatalf("invalid UTF-8 token %q", tok.Text)
			}
			prev = tok.End
		}
		spans, _ := quoteSpans(s, false)
		for _, sp := range spans {
			if sp.start < 0 || sp.end > len(s) || sp.start > sp.end {
				t.Fatalf("bad quote span %+v in %q", sp, s)
			}
		}
		var b strings.Builder
		for _, op := range WordDiff(s, strings.ToUpper(s)) {
			if op.Op != "insert" {
				b.WriteString(op.Text)
			}
		}
		if b.String() != s {
			t.Fatalf("WordDiff does not rebuild %q", s)
		}
	})
}
