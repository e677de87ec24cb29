package names

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// testGazetteer parses testdata/gazetteer.tsv.
func testGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	f, err := os.Open("testdata/gazetteer.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := ParseGazetteer(f)
	if err != nil {
		t.Fatalf("ParseGazetteer: %v", err)
	}
	return g
}

func TestParseGazetteer(t *testing.T) {
	g := testGazetteer(t)
	if g.Len() < 40 {
		t.Fatalf("got %d entities, want at least 40", g.Len())
	}
	e, ok := g.Entity("hmeimim")
	if !ok {
		t.Fatal("entity hmeimim missing")
	}
	if e.Type != TypePlace || e.Canonical != "Hmeimim" {
		t.Errorf("got type %q canonical %q, want place Hmeimim", e.Type, e.Canonical)
	}
	want := map[string]string{"Hmeymim": "en", "حميميم": "ar", "Хмеймим": "ru", "赫梅米姆": "zh", "Khmeimim": "fr"}
	for text, lang := range want {
		found := false
		for _, sp := range e.Spellings {
			if sp.Text == text && sp.Lang == lang {
				found = true
				if sp.Script != ScriptOf(text) {
					t.Errorf("spelling %q: got script %q, want %q", text, sp.Script, ScriptOf(text))
				}
			}
		}
		if !found {
			t.Errorf("spelling %q (%s) missing", text, lang)
		}
	}
	// Entities returns copies
	es := g.Entities()
	es[0].Spellings[0].Text = "changed"
	if g.Entities()[0].Spellings[0].Text == "changed" {
		t.Error("Entities exposes the gazetteer's own slices")
	}
}

func TestParseGazetteerErrors(t *testing.T) {
	const header = "id\ttype\tcanonical\ten\tar\n"
	tests := []struct {
		name, in, want string
	}{
		{"no header", "# only a comment\n", "no header"},
		{"bad header", "name\ttype\tcanonical\n", "line 1: header"},
		{"bad type", header + "x\tcity\tX\tX\t\n", "line 2: entity \"x\" has type \"city\""},
		{"empty id", header + "\tplace\tX\tX\t\n", "line 2: empty id"},
		{"no canonical", header + "# c\nx\tplace\t\tX\t\n", "line 3: entity \"x\" has no canonical"},
		{"duplicate id", header + "x\tplace\tX\tX\t\nx\tplace\tY\tY\t\n", "line 3: duplicate id \"x\""},
		{"too many columns", header + "x\tplace\tX\tX\t\textra\n", "line 2: 6 columns"},
		{"invalid utf8", header + "x\tplace\tX\t\xff\t\n", "line 2: not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseGazetteer(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tt.want)
			}
			if !errors.Is(err, ErrGazetteer) {
				t.Errorf("got %v, want it to wrap ErrGazetteer", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q, want it to contain %q", err.Error(), tt.want)
			}
		})
	}
}

func TestParseGazetteerLenient(t *testing.T) {
	// trailing empty cells may be missing, CRLF and a BOM are accepted,
	// the canonical name becomes a spelling if no column has it
	in := "\ufeffid\ttype\tcanonical\ten\tar\r\nx\tother\tThe X\tX|Ex\r\n"
	g, err := ParseGazetteer(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := g.Entity("x")
	var got []string
	for _, s := range e.Spellings {
		got = append(got, s.Lang+":"+s.Text)
	}
	if want := "en:X en:Ex :The X"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

func TestResolve(t *testing.T) {
	m := NewMatcher(testGazetteer(t))
	tests := []struct {
		name, want string
	}{
		{"Hmeimim", "hmeimim"},      // exact
		{"HMEYMIM", "hmeimim"},      // exact, case folded
		{"Khmeymim", "hmeimim"},     // key
		{"Hmeimem", "hmeimim"},      // similarity
		{"حُمَيْمِيم", "hmeimim"},   // harakat
		{"Хмеймиме", "hmeimim"},     // Russian case ending
		{"Путина", "putin"},         // Russian case ending
		{"Erdoğan", "erdogan"},      // diacritics
		{"Shoygu", "shoigu"},        // listed
		{"Sergey Shoigu", "shoigu"}, // key
		{"Hezbolla", "hezbollah"},   // similarity
		{"敘利亞", "syria"},            // traditional characters, key
		{"Tartu", "tartu"},
		{"Tartous", "tartus"},
		{"Iraq", "iraq"},
		{"Iran", "iran"},
		{"Hama", "hama"},
		{"Hamas", "hamas"},
		{"Khomeini", "khomeini"},
		{"Khamenei", "khamenei"},
		{"Lavrov", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := m.Resolve(tt.name)
			if got := e.ID; got != tt.want || ok != (tt.want != "") {
				t.Errorf("Resolve(%+q) got %q (%v), want %q", tt.name, got, ok, tt.want)
			}
		})
	}
	if e, ok := m.ResolveType("Assad", TypePlace); ok {
		t.Errorf("ResolveType(Assad, place) got %q, want none", e.ID)
	}
}
