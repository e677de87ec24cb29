package server_test

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
)

type entity struct {
	ID          int64  `json:"id"`
	Canonical   string `json:"canonical"`
	Preferred   string `json:"preferred"`
	PreferredBy string `json:"preferred_by"`
	Type        string `json:"type"`
	GazetteerID string `json:"gazetteer_id"`
	Variants    []struct {
		Spelling string         `json:"spelling"`
		Script   string         `json:"script"`
		Language string         `json:"language"`
		Outlets  map[string]int `json:"outlets"`
	} `json:"variants"`
}

func (e entity) spellings() []string {
	var out []string
	for _, v := range e.Variants {
		out = append(out, v.Spelling)
	}
	sort.Strings(out)
	return out
}

// entityOf finds the entity one of whose spellings is sp.
func entityOf(t *testing.T, env *testEnv, sp string) entity {
	t.Helper()
	l := decode[struct {
		Items []entity `json:"items"`
	}](t, env.do(t, "GET", "/api/v1/entities?limit=500&q="+url.QueryEscape(sp), ""))
	for _, e := range l.Items {
		for _, v := range e.Variants {
			if v.Spelling == sp {
				return e
			}
		}
	}
	t.Fatalf("no entity has the spelling %q", sp)
	return entity{}
}

// TestSeedEntities is the names work's acceptance test: on the seeds each
// of these is one entity listing every outlet's spelling, and different
// entities stay apart.
func TestSeedEntities(t *testing.T) {
	env := newEnv(t, true)
	same := []struct {
		name      string
		spellings []string
		outlets   map[string]string // outlet → a spelling it must be credited with
	}{
		{"Hmeimim", []string{"Hmeymim", "Hmeimim", "Khmeimim"}, map[string]string{
			"China Daily (Xinhua)": "Hmeymim", "SANA": "Hmeimim", "Unattributed news site (003)": "Khmeimim"}},
		{"Assad", []string{"Bashar al-Assad", "al-Assad", "Assad"}, map[string]string{"SANA": "al-Assad", "The New Arab": "Assad"}},
		{"Islamic State", []string{"Daesh", "ISIS", "ISIL", "Islamic State"}, map[string]string{
			"SANA": "Daesh", "Unattributed news site (003)": "ISIL", "China Daily (Xinhua)": "Islamic State"}},
		{"Erdogan", []string{"Recep Tayyip Erdogan", "Erdogan"}, map[string]string{"Unattributed news site (002)": "Erdogan"}},
		{"Shoigu", []string{"Sergey Shoygu"}, map[string]string{"SANA": "Sergey Shoygu"}},
		{"Hezbollah", []string{"Hizballah"}, map[string]string{"The New Arab": "Hizballah"}},
	}
	for _, c := range same {
		t.Run(c.name, func(t *testing.T) {
			first := entityOf(t, env, c.spellings[0])
			for _, sp := range c.spellings[1:] {
				if e := entityOf(t, env, sp); e.ID != first.ID {
					t.Errorf("%q is entity %d (%s), %q is entity %d (%s): want one entity", c.spellings[0], first.ID, first.Canonical, sp, e.ID, e.Canonical)
				}
			}
			for outlet, sp := range c.outlets {
				found := false
				for _, v := range first.Variants {
					if v.Spelling == sp && v.Outlets[outlet] > 0 {
						found = true
					}
				}
				if !found {
					t.Errorf("%s's spelling %q is not credited in %+v", outlet, sp, first.Variants)
				}
			}
		})
	}
	apart := [][2]string{{"Syria", "Syrian Arab Army"}, {"Iran", "Iraq"}, {"Putin", "Assad"}, {"Tartus", "Latakia"},
		{"Egypt", "Turkey"}, {"Russia", "Moscow"}, {"Erdogan", "Abdel Fattah el-Sisi"}, {"Hmeimim", "Latakia"}}
	for _, p := range apart {
		if a, b := entityOf(t, env, p[0]), entityOf(t, env, p[1]); a.ID == b.ID {
			t.Errorf("%q and %q were merged into entity %d", p[0], p[1], a.ID)
		}
	}
}

func TestHouseStyleMergeDetach(t *testing.T) {
	env := newEnv(t, true)
	h := entityOf(t, env, "Khmeimim")
	if h.Preferred != "Hmeimim" || h.PreferredBy != "gazetteer" {
		t.Errorf("default house spelling: got %q by %q, want Hmeimim by gazetteer", h.Preferred, h.PreferredBy)
	}
	rec := env.do(t, "PUT", fmt.Sprintf("/api/v1/entities/%d/preferred", h.ID), `{"spelling":"  Khmeimim "}`)
	if rec.Code != 200 {
		t.Fatalf("set preferred: %d %s", rec.Code, rec.Body.String())
	}
	if e := decode[entity](t, rec); e.Preferred != "Khmeimim" || e.PreferredBy != "desk" {
		t.Errorf("got %q by %q, want Khmeimim by desk", e.Preferred, e.PreferredBy)
	}
	if rec := env.do(t, "PUT", fmt.Sprintf("/api/v1/entities/%d/preferred", h.ID), `{"spelling":" "}`); rec.Code != 400 {
		t.Errorf("blank spelling: got %d, want 400", rec.Code)
	}

	norm := decode[struct {
		Text         string `json:"text"`
		Replacements []struct {
			Start, End int
			From, To   string
			EntityID   int64 `json:"entity_id"`
		} `json:"replacements"`
	}](t, env.do(t, "POST", "/api/v1/normalize", `{"text":"Putin flew to Hmeymim, then to the Hmeimim base.","language":"en"}`))
	if norm.Text != "Putin flew to Khmeimim, then to the Khmeimim base." {
		t.Errorf("normalize: got %q", norm.Text)
	}
	if len(norm.Replacements) != 2 || norm.Replacements[0].From != "Hmeymim" || norm.Replacements[0].Start != 14 || norm.Replacements[0].EntityID != h.ID {
		t.Errorf("normalize replacements: got %+v", norm.Replacements)
	}

	// A desk detaches a spelling, then merges it back.
	rec = env.do(t, "POST", fmt.Sprintf("/api/v1/entities/%d/detach", h.ID), `{"spelling":"Hmeymim"}`)
	if rec.Code != 201 {
		t.Fatalf("detach: %d %s", rec.Code, rec.Body.String())
	}
	d := decode[entity](t, rec)
	if d.ID == h.ID || strings.Join(d.spellings(), ",") != "Hmeymim" {
		t.Errorf("detached entity: got %+v", d)
	}
	if e := entityOf(t, env, "Hmeymim"); e.ID != d.ID {
		t.Errorf("Hmeymim still resolves to %d, want %d", e.ID, d.ID)
	}
	rec = env.do(t, "POST", fmt.Sprintf("/api/v1/entities/%d/merge", h.ID), fmt.Sprintf(`{"other":%d}`, d.ID))
	if rec.Code != 200 {
		t.Fatalf("merge: %d %s", rec.Code, rec.Body.String())
	}
	if m := decode[entity](t, rec); strings.Join(m.spellings(), ",") != "Hmeimim,Hmeymim,Khmeimim" {
		t.Errorf("after merge got spellings %v", m.spellings())
	}
	if rec := env.do(t, "GET", fmt.Sprintf("/api/v1/entities/%d", d.ID), ""); rec.Code != 404 {
		t.Errorf("merged-away entity: got %d, want 404", rec.Code)
	}
	for _, sc := range []struct {
		url, body string
		status    int
	}{
		{fmt.Sprintf("/api/v1/entities/%d/merge", h.ID), fmt.Sprintf(`{"other":%d}`, h.ID), 400},
		{fmt.Sprintf("/api/v1/entities/%d/merge", h.ID), `{"other":99999}`, 404},
		{fmt.Sprintf("/api/v1/entities/%d/detach", h.ID), `{"spelling":"Paris"}`, 404},
		{"/api/v1/entities/99999/preferred", `{"spelling":"X"}`, 404},
	} {
		if rec := env.do(t, "POST", sc.url, sc.body); sc.url[len(sc.url)-9:] == "preferred" {
			rec = env.do(t, "PUT", sc.url, sc.body)
			if rec.Code != sc.status {
				t.Errorf("PUT %s %s: got %d, want %d", sc.url, sc.body, rec.Code, sc.status)
			}
		} else if rec.Code != sc.status {
			t.Errorf("POST %s %s: got %d, want %d: %s", sc.url, sc.body, rec.Code, sc.status, rec.Body.String())
		}
	}
}

func TestNamesResolveAndGroup(t *testing.T) {
	env := newEnv(t, true)
	res := decode[struct {
		Items []struct {
			Name   string `json:"name"`
			Key    string `json:"key"`
			Entity *struct {
				ID        int64  `json:"id"`
				Canonical string `json:"canonical"`
			} `json:"entity"`
		} `json:"items"`
	}](t, env.do(t, "POST", "/api/v1/names/resolve", `{"names":["Khmeimim","Хмеймим","حميميم","Шойгу","Zzyzx Qwerty"]}`))
	if len(res.Items) != 5 {
		t.Fatalf("got %d items", len(res.Items))
	}
	for _, it := range res.Items[:3] {
		if it.Entity == nil || it.Entity.Canonical != "Hmeimim" || it.Entity.ID == 0 {
			t.Errorf("%+q: got %+v, want the stored Hmeimim entity", it.Name, it.Entity)
		}
	}
	if e := res.Items[3].Entity; e == nil || e.Canonical != "Sergei Shoigu" {
		t.Errorf("Шойгу: got %+v", e)
	}
	if res.Items[4].Entity != nil || res.Items[4].Key == "" {
		t.Errorf("unknown name: got %+v, want no entity and a key", res.Items[4])
	}

	names := []string{"Hmeymim", "Хмеймим", "Khmeimim", "حميميم", "Iran", "Iraq", "Daesh", "ISIL", "普京", "Putin", "Tartus", "Tartu"}
	g := decode[struct {
		Groups []struct {
			Canonical string `json:"canonical"`
			Members   []int  `json:"members"`
		} `json:"groups"`
	}](t, env.do(t, "POST", "/api/v1/names/group", mustJSON(map[string][]string{"names": names})))
	groupOf := map[int]int{}
	for gi, gr := range g.Groups {
		for _, m := range gr.Members {
			if _, dup := groupOf[m]; dup {
				t.Errorf("index %d in two groups", m)
			}
			groupOf[m] = gi
		}
	}
	if len(groupOf) != len(names) {
		t.Errorf("got %d indexes grouped, want %d", len(groupOf), len(names))
	}
	for _, same := range [][]int{{0, 1, 2, 3}, {6, 7}, {8, 9}} {
		for _, i := range same[1:] {
			if groupOf[i] != groupOf[same[0]] {
				t.Errorf("%q and %q should be one group", names[same[0]], names[i])
			}
		}
	}
	for _, apart := range [][2]int{{4, 5}, {10, 11}, {0, 9}} {
		if groupOf[apart[0]] == groupOf[apart[1]] {
			t.Errorf("%q and %q should be apart", names[apart[0]], names[apart[1]])
		}
	}
	for _, bad := range []string{`{"names":[]}`, `{"names":"Putin"}`, `{}`} {
		if rec := env.do(t, "POST", "/api/v1/names/group", bad); rec.Code != 400 {
			t.Errorf("%s: got %d, want 400", bad, rec.Code)
		}
	}
}

func TestEntityPagesAndHouseSpellingForm(t *testing.T) {
	env := newEnv(t, true)
	h := entityOf(t, env, "Hmeimim")
	for _, c := range []struct {
		url  string
		want []string
	}{
		{"/entities", []string{"Hmeimim", "Vladimir Putin"}},
		{"/entities?q=Khmeimim", []string{"Hmeimim"}},
		{fmt.Sprintf("/entities/%d", h.ID), []string{"Hmeymim", "Khmeimim", "China Daily (Xinhua)", "Set house spelling", "Detach"}},
		{"/variants", []string{"Khmeimim", "Hmeymim", "Unattributed news site (003)", `class="divergent"`}},
		{"/variants?articles=1,4", []string{"Khmeimim"}},
	} {
		rec := env.do(t, "GET", c.url, "")
		if rec.Code != 200 {
			t.Errorf("%s: got %d", c.url, rec.Code)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(rec.Body.String(), w) {
				t.Errorf("%s lacks %q", c.url, w)
			}
		}
	}
	page := env.do(t, "GET", fmt.Sprintf("/entities/%d", h.ID), "")
	var cookie = page.Result().Cookies()[0]
	tok := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(page.Body.String())[1]
	rec := postForm(env, fmt.Sprintf("/entities/%d/preferred", h.ID), url.Values{"_csrf": {tok}, "spelling": {"Hmeymim"}}, cookie)
	if rec.Code != 303 {
		t.Fatalf("form: got %d %s", rec.Code, rec.Body.String())
	}
	if e := entityOf(t, env, "Hmeimim"); e.Preferred != "Hmeymim" {
		t.Errorf("after the form got house spelling %q", e.Preferred)
	}
}
