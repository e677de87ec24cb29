package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"interlinear/server"
)

const testToken = "desk-token-0123456789"

func TestWritesNeedTheToken(t *testing.T) {
	env := newEnvWith(t, false, server.Options{Tokens: []string{testToken}})
	body := mustJSON(map[string]string{"outlet": "TASS", "text": "Putin visited the Hmeimim base in Syria on Monday."})
	rec := env.do(t, "POST", "/api/v1/articles", body)
	if rec.Code != http.StatusUnauthorized || rec.Header().Get("WWW-Authenticate") == "" || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("without a token: got %d %v", rec.Code, rec.Header())
	}
	if rec := env.do(t, "POST", "/api/v1/articles", body, "Authorization", "Bearer wrong-token-0123456789"); rec.Code != http.StatusUnauthorized {
		t.Errorf("wrong token: got %d", rec.Code)
	}
	if rec := env.do(t, "POST", "/api/v1/articles", body, "Authorization", "Bearer "+testToken); rec.Code != http.StatusCreated {
		t.Fatalf("with the token: got %d %s", rec.Code, rec.Body.String())
	}
	for _, u := range []string{"/api/v1/articles", "/api/v1/articles/1", "/articles", "/stories", "/api/v1/entities"} {
		if rec := env.do(t, "GET", u, ""); rec.Code != 200 {
			t.Errorf("read %s: got %d, want it open", u, rec.Code)
		}
	}
	if rec := env.do(t, "POST", "/api/v1/detect", `{"text":"Путин посетил Сирию в понедельник."}`); rec.Code != 200 {
		t.Errorf("detect changes nothing and stays open: got %d", rec.Code)
	}
	if rec := env.do(t, "DELETE", "/api/v1/articles/1", ""); rec.Code != http.StatusUnauthorized {
		t.Errorf("delete without token: got %d", rec.Code)
	}

	// A desk signs in through the page, then uses the forms.
	cookie, tok := formSession(t, env)
	form := url.Values{"_csrf": {tok}, "outlet": {"Al Jazeera"}, "kind": {"text"}, "body": {"Russian President Vladimir Putin visited Syria."}}
	if rec := postForm(env, "/articles", form, cookie); rec.Code != http.StatusUnauthorized {
		t.Errorf("form without signing in: got %d", rec.Code)
	}
	login := env.do(t, "GET", "/login?next=/articles/new", "")
	ltok := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(login.Body.String())[1]
	lcookie := login.Result().Cookies()[0]
	if rec := postForm(env, "/login", url.Values{"_csrf": {ltok}, "token": {"nope"}, "next": {"/articles/new"}}, lcookie); rec.Code != http.StatusUnauthorized {
		t.Errorf("wrong token at login: got %d", rec.Code)
	}
	rec = postForm(env, "/login", url.Values{"_csrf": {ltok}, "token": {testToken}, "next": {"//evil.example/"}}, lcookie)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/" {
		t.Fatalf("login: got %d to %q, want a redirect kept on this site", rec.Code, rec.Header().Get("Location"))
	}
	var session *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == "interlinear_session" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || strings.Contains(session.Value, testToken) {
		t.Fatalf("session cookie: %+v", session)
	}
	req := postFormRequest("/articles", form)
	req.AddCookie(cookie)
	req.AddCookie(session)
	if rec := serve(env, req); rec.Code != http.StatusSeeOther {
		t.Errorf("form after signing in: got %d %s", rec.Code, rec.Body.String())
	}
}

func TestSecurityHeaders(t *testing.T) {
	env := newEnv(t, false)
	for _, u := range []string{"/articles", "/api/v1/articles", "/nothing"} {
		h := env.do(t, "GET", u, "").Header()
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "script-src") && !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: CSP %q", u, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Request-Id") == "" {
			t.Errorf("%s: headers %v", u, h)
		}
	}
}

func TestWriteRateLimit(t *testing.T) {
	env := newEnvWith(t, false, server.Options{WriteRate: 1})
	var limited int
	for i := 0; i < 15; i++ {
		rec := env.do(t, "POST", "/api/v1/articles", `{"outlet":"A"}`)
		if rec.Code == http.StatusTooManyRequests {
			limited++
			if rec.Header().Get("Retry-After") == "" {
				t.Error("429 without Retry-After")
			}
		}
	}
	if limited == 0 {
		t.Error("15 writes at once from one client were never limited at 1/s")
	}
	if rec := env.do(t, "GET", "/api/v1/articles", ""); rec.Code != 200 {
		t.Errorf("reads are not rate limited: got %d", rec.Code)
	}
}

func TestMetrics(t *testing.T) {
	env := newEnv(t, true)
	env.do(t, "GET", "/api/v1/articles/1", "")
	body := env.do(t, "GET", "/metrics", "").Body.String()
	for _, want := range []string{
		`interlinear_http_request_duration_seconds_count{method="GET",route="/api/v1/articles/:id",status="200"} 1`,
		"interlinear_articles 5", "interlinear_ingest_duration_seconds_count 5", "interlinear_alignment_duration_seconds_count",
		"interlinear_stories ", "interlinear_entities ", "go_goroutines", "process_resident_memory_bytes",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
