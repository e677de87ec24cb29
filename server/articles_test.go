package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"interlinear/server"
	"interlinear/server/store"
)

type problemJSON struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

type article struct {
	ID          int64  `json:"id"`
	Outlet      string `json:"outlet"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	PublishedAt string `json:"published_at"`
	Language    struct {
		Code       string  `json:"code"`
		Confidence float64 `json:"confidence"`
	} `json:"language"`
	Passages []struct {
		ID        int64  `json:"id"`
		Paragraph int    `json:"paragraph"`
		Index     int    `json:"index"`
		Text      string `json:"text"`
		Language  struct {
			Code       string  `json:"code"`
			Confidence float64 `json:"confidence"`
		} `json:"language"`
	} `json:"passages"`
	Removed []struct {
		Text   string `json:"text"`
		Reason string `json:"reason"`
	} `json:"removed"`
}

type list struct {
	Items []article `json:"items"`
	Next  string    `json:"next"`
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestAPIScenarios(t *testing.T) {
	env := newEnv(t, true)
	scenarios := []struct {
		name    string
		method  string
		url     string
		body    string
		status  int
		content []string // substrings the body must contain
	}{
		{"health", "GET", "/healthz", "", 200, []string{`"ok"`}},
		{"ready", "GET", "/readyz", "", 200, []string{`"ready"`}},
		{"list", "GET", "/api/v1/articles", "", 200, []string{`"items"`, `"SANA"`, `"next":""`}},
		{"one", "GET", "/api/v1/articles/2", "", 200, []string{`"passages"`, `"removed"`, `Sergey Shoygu`}},
		{"unknown id", "GET", "/api/v1/articles/9999", "", 404, []string{`"status":404`, `article 9999`}},
		{"bad id", "GET", "/api/v1/articles/abc", "", 404, []string{`positive whole numbers`}},
		{"unknown route", "GET", "/api/v1/nothing", "", 404, []string{`"status":404`}},
		{"bad cursor", "GET", "/api/v1/articles?cursor=zz", "", 400, []string{`cursor`}},
		{"bad limit", "GET", "/api/v1/articles?limit=0", "", 400, []string{`limit`}},
		{"empty body", "POST", "/api/v1/articles", " ", 400, []string{`empty`}},
		{"invalid json", "POST", "/api/v1/articles", `{"outlet":`, 400, []string{`not the JSON expected`}},
		{"wrong type", "POST", "/api/v1/articles", `{"outlet":1,"text":"x"}`, 400, []string{`outlet`}},
		{"unknown field", "POST", "/api/v1/articles", `{"outlet":"A","texts":"Putin visited Syria."}`, 400, []string{`unknown field`}},
		{"no outlet", "POST", "/api/v1/articles", `{"text":"Putin visited the base on Monday."}`, 400, []string{`outlet`}},
		{"no text", "POST", "/api/v1/articles", `{"outlet":"A"}`, 400, []string{`both are empty`}},
		{"both text and html", "POST", "/api/v1/articles", `{"outlet":"A","text":"a","html":"<p>a</p>"}`, 400, []string{`not both`}},
		{"bad date", "POST", "/api/v1/articles", `{"outlet":"A","text":"Putin visited.","published_at":"yesterday"}`, 400, []string{`published_at`}},
		{"bad url", "POST", "/api/v1/articles", `{"outlet":"A","text":"Putin visited.","url":"javascript:alert(1)"}`, 400, []string{`http(s)`}},
		{"bad language", "POST", "/api/v1/articles", `{"outlet":"A","text":"Putin visited.","language":"not a tag"}`, 400, []string{`language`}},
		{"only furniture", "POST", "/api/v1/articles", mustJSON(map[string]string{"outlet": "A", "text": "Share\nShare - WeChat\nBACK TO THE TOP\n[ssba]\n"}), 422, []string{`furniture`}},
		{"two values", "POST", "/api/v1/articles", `{"outlet":"A","text":"x"}{}`, 400, []string{`more than one`}},
		{"detect blank", "POST", "/api/v1/detect", `{"text":"   "}`, 400, []string{`text`}},
		{"detect", "POST", "/api/v1/detect", `{"text":"Путин посетил авиабазу Хмеймим в Сирии."}`, 200, []string{`"code":"ru"`, `"spans"`, `"candidates"`}},
		{"delete unknown", "DELETE", "/api/v1/articles/9999", "", 404, []string{`9999`}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			before, _ := env.st.CountArticles(context.Background())
			rec := env.do(t, sc.method, sc.url, sc.body)
			if rec.Code != sc.status {
				t.Fatalf("got status %d, want %d: %s", rec.Code, sc.status, rec.Body.String())
			}
			for _, want := range sc.content {
				if !strings.Contains(rec.Body.String(), want) {
					t.Errorf("body lacks %q: %s", want, rec.Body.String())
				}
			}
			if sc.status >= 400 {
				if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
					t.Errorf("got Content-Type %q, want application/problem+json", ct)
				}
				p := decode[problemJSON](t, rec)
				if p.Status != sc.status || p.Title == "" || p.Detail == "" {
					t.Errorf("incomplete problem: %+v", p)
				}
				after, _ := env.st.CountArticles(context.Background())
				if after != before {
					t.Errorf("a failed request changed the article count from %d to %d", before, after)
				}
			}
		})
	}
}

func TestInvalidUTF8IsRefused(t *testing.T) {
	env := newEnv(t, false)
	body := []byte("{\"outlet\":\"A\",\"text\":\"Putin visited Hmeimim \xff\xfe on Monday.\"}")
	req := httptest.NewRequest("POST", "/api/v1/articles", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	env.srv.ServeHTTP(rec, req)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "UTF-8") {
		t.Fatalf("got %d %s, want 400 about UTF-8", rec.Code, rec.Body.String())
	}
	if n, _ := env.st.CountArticles(context.Background()); n != 0 {
		t.Errorf("got %d articles, want 0", n)
	}
}

// explodingBody fails the test if the server reads it: a body over the
// limit must be refused from its Content-Length alone.
type explodingBody struct{ t *testing.T }

func (b explodingBody) Read([]byte) (int, error) {
	b.t.Error("the server read a body it should have refused from Content-Length")
	return 0, errors.New("read")
}
func (b explodingBody) Close() error { return nil }

func TestBodyLimit(t *testing.T) {
	env := newEnv(t, false)
	t.Run("from content-length, unread", func(t *testing.T) {
		req := httptest.NewRequest("POST", "/api/v1/articles", nil)
		req.Body = explodingBody{t}
		req.ContentLength = server.DefaultBodyLimit + 1
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		env.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Fatalf("got %d, want 413: %s", rec.Code, rec.Body.String())
		}
	})
	t.Run("unknown length, capped while read", func(t *testing.T) {
		big := `{"outlet":"A","text":"` + strings.Repeat("a", server.DefaultBodyLimit) + `"}`
		req := httptest.NewRequest("POST", "/api/v1/articles", strings.NewReader(big))
		req.ContentLength = -1
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		env.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Fatalf("got %d, want 413: %.200s", rec.Code, rec.Body.String())
		}
	})
	if n, _ := env.st.CountArticles(context.Background()); n != 0 {
		t.Errorf("got %d articles, want 0", n)
	}
}

func TestCreateGetDelete(t *testing.T) {
	env := newEnv(t, false)
	in := map[string]string{
		"outlet": "TASS", "title": "Putin in Syria", "url": "https://example.org/a", "published_at": "2017-12-11",
		"text": "Russian President Vladimir Putin visited the Hmeimim air base in Syria on Monday.\n\nHe ordered the withdrawal of a significant part of the Russian contingent. Dr. Smith, an analyst, said the move was expected.",
	}
	rec := env.do(t, "POST", "/api/v1/articles", mustJSON(in))
	if rec.Code != 201 {
		t.Fatalf("got %d: %s", rec.Code, rec.Body.String())
	}
	a := decode[article](t, rec)
	if got, want := rec.Header().Get("Location"), fmt.Sprintf("/api/v1/articles/%d", a.ID); got != want {
		t.Errorf("got Location %q, want %q", got, want)
	}
	if a.Outlet != "TASS" || a.Title != "Putin in Syria" || a.PublishedAt != "2017-12-11" || a.URL != in["url"] {
		t.Errorf("metadata not kept: %+v", a)
	}
	if len(a.Passages) != 3 {
		t.Fatalf("got %d passages, want 3: %+v", len(a.Passages), a.Passages)
	}
	wantParas := []int{0, 1, 1}
	for i, p := range a.Passages {
		if p.Paragraph != wantParas[i] || p.Index != i || p.Language.Code != "en" {
			t.Errorf("passage %d: got paragraph %d index %d lang %s", i, p.Paragraph, p.Index, p.Language.Code)
		}
	}
	got := decode[article](t, env.do(t, "GET", fmt.Sprintf("/api/v1/articles/%d", a.ID), ""))
	if mustJSON(got) != mustJSON(a) {
		t.Errorf("GET differs from the POST answer:\n%s\n%s", mustJSON(got), mustJSON(a))
	}
	if rec := env.do(t, "DELETE", fmt.Sprintf("/api/v1/articles/%d", a.ID), ""); rec.Code != 204 {
		t.Fatalf("delete: got %d", rec.Code)
	}
	if rec := env.do(t, "GET", fmt.Sprintf("/api/v1/articles/%d", a.ID), ""); rec.Code != 404 {
		t.Errorf("after delete: got %d, want 404", rec.Code)
	}
}

func TestListPaginationAndFilters(t *testing.T) {
	env := newEnv(t, true)
	seen := map[int64]bool{}
	url := "/api/v1/articles?limit=2"
	for pages := 0; url != ""; pages++ {
		if pages > 5 {
			t.Fatal("pagination does not end")
		}
		l := decode[list](t, env.do(t, "GET", url, ""))
		for _, a := range l.Items {
			if seen[a.ID] {
				t.Errorf("article %d listed twice", a.ID)
			}
			seen[a.ID] = true
		}
		url = ""
		if l.Next != "" {
			url = "/api/v1/articles?limit=2&cursor=" + l.Next
		}
	}
	if len(seen) != 5 {
		t.Errorf("got %d articles over all pages, want 5", len(seen))
	}
	if l := decode[list](t, env.do(t, "GET", "/api/v1/articles?outlet=SANA", "")); len(l.Items) != 1 || l.Items[0].Outlet != "SANA" {
		t.Errorf("outlet filter: got %+v", l.Items)
	}
	if l := decode[list](t, env.do(t, "GET", "/api/v1/articles?lang=en", "")); len(l.Items) != 5 {
		t.Errorf("lang=en: got %d, want 5", len(l.Items))
	}
	if l := decode[list](t, env.do(t, "GET", "/api/v1/articles?lang=ar", "")); len(l.Items) != 0 {
		t.Errorf("lang=ar: got %d, want 0", len(l.Items))
	}
}

func TestSeedsComeUpOnceAndClean(t *testing.T) {
	env := newEnv(t, true)
	l := decode[list](t, env.do(t, "GET", "/api/v1/articles", ""))
	if len(l.Items) != 5 {
		t.Fatalf("got %d seed articles, want 5", len(l.Items))
	}
	furniture := []string{"Share", "Share - WeChat", "BACK TO THE TOP", "Top", "fbpx", "[ssba]", "2 min read",
		"Most Viewed in 24 Hours", "English", "FOLLOW US", "World", "News", "English Bulletin", "Check Also"}
	for _, item := range l.Items {
		a := decode[article](t, env.do(t, "GET", fmt.Sprintf("/api/v1/articles/%d", item.ID), ""))
		if a.Language.Code != "en" || a.Language.Confidence < 0.9 {
			t.Errorf("%s: got language %s %.2f, want en with high confidence", a.Outlet, a.Language.Code, a.Language.Confidence)
		}
		seen := map[string]bool{}
		for _, p := range a.Passages {
			for _, f := range furniture {
				if p.Text == f {
					t.Errorf("%s: furniture line %q is a passage", a.Outlet, f)
				}
			}
			if strings.Contains(p.Text, "Copyright") || strings.Contains(p.Text, "Global Edition") || strings.Contains(p.Text, "Registration Number") {
				t.Errorf("%s: furniture in passage %q", a.Outlet, p.Text)
			}
			if seen[p.Text] {
				t.Errorf("%s: passage repeated: %q", a.Outlet, p.Text)
			}
			seen[p.Text] = true
		}
		for _, r := range a.Removed {
			if r.Reason == "" {
				t.Errorf("%s: removed line %q has no reason", a.Outlet, r.Text)
			}
		}
		if a.Outlet == "The New Arab" {
			var repeats int
			for _, r := range a.Removed {
				if strings.Contains(r.Reason, "repeat") {
					repeats++
				}
			}
			if repeats < 5 {
				t.Errorf("The New Arab: got %d repeated paragraphs removed, want the repeated half of the body", repeats)
			}
		}
		if a.Outlet == "China Daily (Xinhua)" && len(a.Removed) < 8 {
			t.Errorf("China Daily: only %d lines removed: %+v", len(a.Removed), a.Removed)
		}
	}
}

func TestRestartDoesNotDuplicate(t *testing.T) {
	env := newEnv(t, true)
	if rec := env.do(t, "DELETE", "/api/v1/articles/1", ""); rec.Code != 204 {
		t.Fatalf("delete: %d", rec.Code)
	}
	env.st.Close()
	st, applied, err := store.Open(context.Background(), env.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if len(applied) != 0 {
		t.Errorf("second open applied migrations %v, want none", applied)
	}
	srv, err := server.New(server.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background(), testPipeline(t), testAligner(t), true); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.CountArticles(context.Background()); n != 4 {
		t.Errorf("after restart got %d articles, want 4 (seeds are not duplicated, a deleted seed stays deleted)", n)
	}
}

func TestSeedFalseStartsEmpty(t *testing.T) {
	env := newEnv(t, false)
	if l := decode[list](t, env.do(t, "GET", "/api/v1/articles", "")); len(l.Items) != 0 || l.Items == nil {
		t.Errorf("got %+v, want an empty items array", l)
	}
}

func TestLanguagesOfPostedArticles(t *testing.T) {
	env := newEnv(t, false)
	cases := []struct{ lang, text string }{
		{"ar", "زار الرئيس الروسي فلاديمير بوتين قاعدة حميميم الجوية في سوريا يوم الاثنين. وأمر بسحب جزء كبير من القوات الروسية. التقى بوتين بالرئيس بشار الأسد."},
		{"ru", "Президент России Владимир Путин посетил авиабазу Хмеймим в Сирии в понедельник. Он приказал начать вывод российских войск. Путин встретился с Башаром Асадом."},
		{"zh", "俄罗斯总统普京星期一访问了叙利亚的赫梅米姆空军基地。他下令开始撤出俄罗斯军队。普京会见了叙利亚总统阿萨德。"},
		{"fr", "Le président russe Vladimir Poutine s'est rendu lundi sur la base aérienne de Hmeimim en Syrie. Il a ordonné le retrait d'une partie des troupes russes. Poutine a rencontré Bachar al-Assad."},
		{"de", "Der russische Präsident Wladimir Putin hat am Montag den Luftwaffenstützpunkt Hmeimim in Syrien besucht. Er ordnete den Abzug eines Teils der Truppen an."},
		{"es", "El presidente ruso Vladímir Putin visitó el lunes la base aérea de Hmeimim en Siria. Ordenó la retirada de parte de las tropas rusas."},
		{"tr", "Rusya Devlet Başkanı Vladimir Putin pazartesi günü Suriye'deki Hmeymim hava üssünü ziyaret etti. Rus askerlerinin bir kısmının çekilmesini emretti."},
		{"uk", "Президент Росії Володимир Путін відвідав авіабазу Хмеймім у Сирії в понеділок. Він наказав почати виведення російських військ."},
		{"he", "נשיא רוסיה ולדימיר פוטין ביקר ביום שני בבסיס חמיימים בסוריה. הוא הורה על נסיגת חלק מהכוחות הרוסיים."},
		{"fa", "ولادیمیر پوتین رئیس جمهور روسیه روز دوشنبه از پایگاه هوایی حمیمیم در سوریه بازدید کرد. او دستور خروج بخشی از نیروهای روسیه را صادر کرد."},
		{"ur", "روسی صدر ولادیمیر پوتن نے پیر کے روز شام میں حمیمیم فضائی اڈے کا دورہ کیا۔ انہوں نے روسی فوج کے ایک حصے کے انخلا کا حکم دیا۔"},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			rec := env.do(t, "POST", "/api/v1/articles", mustJSON(map[string]string{"outlet": "Test " + c.lang, "text": c.text}))
			if rec.Code != 201 {
				t.Fatalf("got %d: %s", rec.Code, rec.Body.String())
			}
			a := decode[article](t, rec)
			if a.Language.Code != c.lang {
				t.Errorf("article: got %s, want %s", a.Language.Code, c.lang)
			}
			if len(a.Passages) < 2 {
				t.Errorf("got %d passages, want at least 2", len(a.Passages))
			}
			for _, p := range a.Passages {
				if p.Language.Code != c.lang {
					t.Errorf("passage %+q: got %s, want %s", p.Text, p.Language.Code, c.lang)
				}
			}
		})
	}
}
