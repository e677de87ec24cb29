package server_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestPages(t *testing.T) {
	env := newEnv(t, true)
	cases := []struct {
		name, url string
		status    int
		content   []string
	}{
		{"home redirects", "/", http.StatusSeeOther, nil},
		{"list", "/articles", 200, []string{"Assad meets Putin in Syria", "SANA", "The New Arab"}},
		{"article", "/articles/1", 200, []string{`lang="en"`, `dir="auto"`, `>Hmeimim</a> Air Base`, `class="name"`, "removed as page furniture", "BACK TO THE TOP"}},
		{"new form", "/articles/new", 200, []string{`name="_csrf"`, `name="body"`}},
		{"missing article", "/articles/999", 404, []string{"article 999"}},
		{"stylesheet", "/static/style.css", 200, []string{"body"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := env.do(t, "GET", c.url, "")
			if rec.Code != c.status {
				t.Fatalf("got %d, want %d: %.300s", rec.Code, c.status, rec.Body.String())
			}
			for _, want := range c.content {
				if !strings.Contains(rec.Body.String(), want) {
					t.Errorf("page lacks %q", want)
				}
			}
		})
	}
}

// formSession gets the add form and returns its CSRF cookie and token.
func formSession(t *testing.T, env *testEnv) (*http.Cookie, string) {
	t.Helper()
	rec := env.do(t, "GET", "/articles/new", "")
	var cookie *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == "_csrf" {
			cookie = c
		}
	}
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(rec.Body.String())
	if cookie == nil || m == nil {
		t.Fatalf("no CSRF cookie or token on the form")
	}
	return cookie, m[1]
}

func postForm(env *testEnv, path string, form url.Values, cookie *http.Cookie) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if cookie != nil {
		req.AddCookie(cookie)
	}
	rec := httptest.NewRecorder()
	env.srv.ServeHTTP(rec, req)
	return rec
}

func TestAddArticleThroughForm(t *testing.T) {
	env := newEnv(t, false)
	cookie, token := formSession(t, env)
	form := url.Values{"_csrf": {token}, "outlet": {"Al Jazeera"}, "kind": {"text"},
		"body": {"Russian President Vladimir Putin has made a surprise visit to a Russian base in Syria."}}

	if rec := postForm(env, "/articles", form, nil); rec.Code != http.StatusBadRequest && rec.Code != http.StatusForbidden {
		t.Errorf("without the CSRF cookie: got %d, want 400 or 403", rec.Code)
	}
	bad := url.Values{"_csrf": {token}, "outlet": {""}, "kind": {"text"}, "body": {"Text <b>kept</b>"}}
	rec := postForm(env, "/articles", bad, cookie)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "outlet") || !strings.Contains(rec.Body.String(), "Text &lt;b&gt;kept&lt;/b&gt;") {
		t.Errorf("missing outlet: got %d, want the form again with the problem and the text kept: %.500s", rec.Code, rec.Body.String())
	}
	rec = postForm(env, "/articles", form, cookie)
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/articles/") {
		t.Fatalf("got %d %q, want a redirect to the new article: %s", rec.Code, rec.Header().Get("Location"), rec.Body.String())
	}
	page := env.do(t, "GET", rec.Header().Get("Location"), "")
	if !strings.Contains(page.Body.String(), "surprise visit") {
		t.Errorf("the new article's page lacks its text")
	}
}

func TestPagesEscapeArticleText(t *testing.T) {
	env := newEnv(t, false)
	payload := `The minister said <script>alert("x")</script> and <img src=x onerror=alert(1)> then <svg onload=alert(2)></svg> ended the talks.`
	rec := env.do(t, "POST", "/api/v1/articles", mustJSON(map[string]string{
		"outlet": `<script>alert("outlet")</script>`, "title": `<svg onload=alert(3)>`, "text": payload,
	}))
	if rec.Code != 201 {
		t.Fatalf("got %d: %s", rec.Code, rec.Body.String())
	}
	a := decode[article](t, rec)
	for _, u := range []string{"/articles", "/articles/" + itoa(a.ID)} {
		body := env.do(t, "GET", u, "").Body.String()
		for _, bad := range []string{"<script>alert", "<svg onload", "<img src=x"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: unescaped %q in the page", u, bad)
			}
		}
		if !strings.Contains(body, "&lt;s") {
			t.Errorf("%s: the payload is not shown escaped", u)
		}
	}
}

func itoa(n int64) string { return strings.TrimSpace(strings.Replace(mustJSON(n), `"`, "", -1)) }

func postFormRequest(path string, form url.Values) *http.Request {
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

func serve(env *testEnv, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	env.srv.ServeHTTP(rec, req)
	return rec
}
