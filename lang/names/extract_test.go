package names

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"interlinear/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// mentionString renders mentions for comparison: surface=entity|type.
func mentionString(ms []Mention) string {
	var parts []string
	for _, m := range ms {
		s := m.Surface + "=" + m.EntityID
		if m.EntityID == "" && m.Type != "" {
			s += "|" + m.Type
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func TestExtract(t *testing.T) {
	m := NewMatcher(testGazetteer(t))
	tests := []struct {
		name, text, want string
	}{
		{"titles stripped", "Russian Defence Minister Sergey Shoygu said so.", "Sergey Shoygu=shoigu"},
		{"nationality and title", "Egyptian President Abdel Fattah el-Sisi met him.", "Abdel Fattah el-Sisi=sisi"},
		{"qualifier kept as a name", "US President Donald Trump’s Jerusalem announcement.", "US=usa; Donald Trump=trump; Jerusalem=jerusalem"},
		{"possessive", "Russia’s support and Iraq's territory.", "Russia=russia; Iraq=iraq"},
		{"hyphenated suffix", "at the Hmeimim-based Military Base on Monday", "Hmeimim=hmeimim"},
		{"demonym alone is no name", "The Russian forces and the Syrians left.", ""},
		{"nationality led", "Iranian-led fighters", ""},
		{"org with demonym", "Chief of Staff of the Syrian Arab Army Ali Abdullah Ayoub spoke.", "Syrian Arab Army=saa; Ali Abdullah Ayoub=ayoub"},
		{"org with of and the", "the Islamic State of Iraq and the Levant (ISIL), al-Nusra Front", "Islamic State of Iraq and the Levant=isis; ISIL=isis; al-Nusra Front=nusra"},
		{"and without of splits", "Presidents al-Assad and Putin reviewed", "al-Assad=assad; Putin=putin"},
		{"sentence openers", "After meeting with al-Assad, Putin flew to Cairo. In Syria, however, Meanwhile is no name.", "al-Assad=assad; Putin=putin; Cairo=cairo; Syria=syria"},
		{"acronyms", "A CNN report quoting SANA.", "CNN=cnn; SANA=sana"},
		{"acronym case", "It is what IS claimed.", "IS=isis"},
		{"given names join a known person", "Vladimir Vladimirovich Putin arrived.", "Vladimir Vladimirovich Putin=putin"},
		{"unknown person with title", "Syrian boxer Ahmad Ghassoun defeated Mr. Shabbos Negmatulloev.", "Ahmad Ghassoun=; Shabbos Negmatulloev=|person"},
		{"unknown org", "the Syrian Democratic Forces said", "Syrian Democratic Forces=|organization"},
		{"base tail stripped", "He visited Khmeimim Air Base.", "Khmeimim=hmeimim"},
		{"title ending a name", "flights to Sharm el-Sheikh resumed", "Sharm el-Sheikh="},
		{"abbreviation", "from St. Petersburg to Moscow", "St. Petersburg=; Moscow=moscow"},
		{"dateline caps", "DAMASCUS - Syrian President Bashar al-Assad met", "DAMASCUS=damascus; Bashar al-Assad=assad"},
		{"all-caps line", "FOLLOW US\nBACK TO THE TOP", ""},
		{"alias carries entity", "Da'ish (ISIL) fighters and Da'ish again", "Da'ish=isis; ISIL=isis; Da'ish=isis"},
		{"cyrillic cases", "Владимир Путин прилетел в Хмеймим. Путина встретил Башар Асад на базе Хмеймиме.", "Владимир Путин=putin; Хмеймим=hmeimim; Путина=putin; Башар Асад=assad; Хмеймиме=hmeimim"},
		{"cyrillic unknown capitalised", "В Сирии был Сергей Лавров.", "Сирии=syria; Сергей Лавров="},
		{"arabic clitics", "التقى بوتين بالرئيس الأسد في حميميم وبوتين", "بوتين=putin; الأسد=assad; حميميم=hmeimim; بوتين=putin"},
		{"arabic article variants", "لبشار الأسد وسورية", "بشار الأسد=assad; سورية=syria"},
		{"chinese longest match", "普京访问叙利亚赫梅米姆空军基地，会见巴沙尔·阿萨德。", "普京=putin; 叙利亚=syria; 赫梅米姆=hmeimim; 巴沙尔·阿萨德=assad"},
		{"chinese traditional by key", "敘利亞總統", "敘利亞=syria"},
		{"french", "Le président russe Vladimir Poutine a rencontré Bachar el-Assad en Syrie.", "Vladimir Poutine=putin; Bachar el-Assad=assad; Syrie=syria"},
		{"look-alikes apart", "Iran and Iraq; Tartus and Tartu; Hama and Hamas; Homs.", "Iran=iran; Iraq=iraq; Tartus=tartus; Tartu=tartu; Hama=hama; Hamas=hamas; Homs=homs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := m.Extract(tt.text, "")
			if got := mentionString(ms); got != tt.want {
				t.Errorf("Extract(%+q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
			checkSpans(t, tt.text, ms)
		})
	}
}

// checkSpans verifies offsets: in bounds, equal to Surface, ordered,
// not overlapping.
func checkSpans(t testing.TB, text string, ms []Mention) {
	t.Helper()
	end := 0
	for _, mn := range ms {
		if mn.Start < end || mn.Start >= mn.End || mn.End > len(text) {
			t.Fatalf("mention %+v: bad span (text length %d, previous end %d)", mn, len(text), end)
		}
		if got := text[mn.Start:mn.End]; got != mn.Surface {
			t.Fatalf("mention span holds %q, Surface is %q", got, mn.Surface)
		}
		end = mn.End
	}
}

// TestExtractSeedsGolden pins the mentions of the seed articles, extracted
// with testdata/gazetteer.tsv; run with -update to rewrite.
func TestExtractSeedsGolden(t *testing.T) {
	m := NewMatcher(testGazetteer(t))
	arts, err := seeds.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, a := range arts {
		fmt.Fprintf(&b, "# %s\n", a.File)
		for _, mn := range m.Extract(a.Text, "en") {
			fmt.Fprintf(&b, "%d\t%d\t%s\t%s\t%s\t%s\n", mn.Start, mn.End, mn.Surface, mn.EntityID, mn.Type, mn.Key)
		}
	}
	const golden = "testdata/seed_mentions.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("seed mentions differ from %s at line %d:\n got %q\nwant %q", golden, i+1, g, w)
			}
		}
	}
}

// TestExtractConcurrent shares one Matcher between goroutines (run with
// -race).
func TestExtractConcurrent(t *testing.T) {
	m := NewMatcher(testGazetteer(t))
	arts, err := seeds.Articles()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, len(arts))
	for i, a := range arts {
		want[i] = mentionString(m.Extract(a.Text, "en"))
	}
	done := make(chan string, 4*len(arts))
	for range 4 {
		for i, a := range arts {
			go func() {
				if got := mentionString(m.Extract(a.Text, "en")); got != want[i] {
					done <- a.File
					return
				}
				done <- ""
			}()
		}
	}
	for range 4 * len(arts) {
		if f := <-done; f != "" {
			t.Errorf("%s: concurrent Extract gave a different result", f)
		}
	}
}
