package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"interlinear/server"
	"interlinear/server/store"
)

// Ids are never handed out twice: a cache or a client holding a deleted
// article's id must not meet another article under it.
func TestDeletedIDsAreNotReused(t *testing.T) {
	env := newEnv(t, false)
	post := func(text string) int64 {
		rec := env.do(t, "POST", "/api/v1/articles", mustJSON(map[string]string{"outlet": "X", "text": text}))
		if rec.Code != 201 {
			t.Fatalf("post: %d %s", rec.Code, rec.Body.String())
		}
		return decode[article](t, rec).ID
	}
	post("Putin visited the Hmeimim air base in Syria on Monday.")
	b := post("SHOULD-BE-GONE: Assad met Erdogan in Ankara on Tuesday.")
	sb := storyOfArticle(t, env, b)
	env.do(t, "GET", fmt.Sprintf("/api/v1/stories/%d/alignment", sb), "")
	if rec := env.do(t, "DELETE", fmt.Sprintf("/api/v1/articles/%d", b), ""); rec.Code != 204 {
		t.Fatalf("delete: %d", rec.Code)
	}
	c := post("Macron spoke in Paris about the climate on Wednesday.")
	if c == b {
		t.Fatalf("the new article got the deleted article's id %d", b)
	}
	sc := storyOfArticle(t, env, c)
	if sc == sb {
		t.Errorf("the new story got the deleted story's id %d", sb)
	}
	if body := env.do(t, "GET", fmt.Sprintf("/api/v1/stories/%d/alignment", sc), "").Body.String(); strings.Contains(body, "SHOULD-BE-GONE") {
		t.Errorf("the new story's alignment shows the deleted article")
	}
}

// A desk's merge changes the entity ids stored alignments refer to: the
// stories it touches are realigned, and their pages keep working.
func TestMergeRealignsTheStoriesItTouches(t *testing.T) {
	env := newEnv(t, true)
	sid := storyOfArticle(t, env, 1)
	putin, assad := entityOf(t, env, "Vladimir Putin"), entityOf(t, env, "Bashar al-Assad")
	if rec := env.do(t, "POST", fmt.Sprintf("/api/v1/entities/%d/merge", putin.ID), fmt.Sprintf(`{"other":%d}`, assad.ID)); rec.Code != 200 {
		t.Fatalf("merge: %d %s", rec.Code, rec.Body.String())
	}
	if rec := env.do(t, "GET", fmt.Sprintf("/stories/%d", sid), ""); rec.Code != 200 {
		t.Fatalf("story page after a merge: got %d: %.300s", rec.Code, rec.Body.String())
	}
	body := env.do(t, "GET", fmt.Sprintf("/api/v1/stories/%d/alignment", sid), "").Body.String()
	if strings.Contains(body, fmt.Sprintf(`"entity_id":%d}`, assad.ID)) {
		t.Errorf("the alignment still names the merged-away entity %d", assad.ID)
	}
}

func TestLoginRedirectStaysOnSite(t *testing.T) {
	env := newEnvWith(t, false, server.Options{Tokens: []string{testToken}})
	for next, want := range map[string]string{
		"/articles/new?x=1":      "/articles/new?x=1",
		"/\t/evil.example":       "/",
		"//evil.example":         "/",
		"https://evil.example/":  "/",
		"/\\evil.example":        "/",
		"/%09/evil.example":      "/%09/evil.example",
		"javascript:alert(1)":    "/",
		"/ok\r\nSet-Cookie: a=b": "/",
	} {
		login := env.do(t, "GET", "/login", "")
		tok := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(login.Body.String())[1]
		rec := postForm(env, "/login", url.Values{"_csrf": {tok}, "token": {testToken}, "next": {next}}, login.Result().Cookies()[0])
		if got := rec.Header().Get("Location"); rec.Code != http.StatusSeeOther || got != want {
			t.Errorf("next=%+q: got %d to %+q, want %+q", next, rec.Code, got, want)
		}
	}
}

func TestRateLimitIgnoresForwardedFor(t *testing.T) {
	env := newEnvWith(t, false, server.Options{WriteRate: 1})
	limited := 0
	for i := 0; i < 30; i++ {
		rec := env.do(t, "POST", "/api/v1/articles", `{"outlet":"A"}`, "X-Forwarded-For", fmt.Sprintf("10.0.0.%d", i))
		if rec.Code == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited == 0 {
		t.Error("changing X-Forwarded-For stepped around the write rate limit")
	}
}

func TestVariantsArticleListIsBounded(t *testing.T) {
	env := newEnv(t, true)
	ids := make([]string, 600)
	for i := range ids {
		ids[i] = fmt.Sprint(i + 1)
	}
	if rec := env.do(t, "GET", "/variants?articles="+strings.Join(ids, ","), ""); rec.Code != 400 {
		t.Errorf("600 articles: got %d, want 400", rec.Code)
	}
	if rec := env.do(t, "GET", "/variants?articles=1,1,2", ""); rec.Code != 200 {
		t.Errorf("repeated ids: got %d, want 200", rec.Code)
	}
}

// Before Start has loaded the models, pages that align answer 503 (the
// server listens while it loads them).
func TestCompareBeforeReady(t *testing.T) {
	seeded := newEnv(t, true)
	seeded.st.Close()
	st, _, err := store.Open(context.Background(), seeded.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(server.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/compare?a=1&b=2", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("got %d, want 503: %.200s", rec.Code, rec.Body.String())
	}
}
