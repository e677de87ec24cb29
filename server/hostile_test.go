package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestHostileInput posts pathological articles: each is refused with a
// problem a person understands or processed, within a bound that only a
// hang would break, and the pages show what was stored escaped.
func TestHostileInput(t *testing.T) {
	env := newEnv(t, false)
	var many strings.Builder
	for i := 0; many.Len() < 1<<20; i++ {
		fmt.Fprintf(&many, "Assad met Putin %d.\n\n", i)
	}
	deep := strings.Repeat("<div>", 60000) + "<p>Putin visited Syria on Monday and met Assad.</p>" + strings.Repeat("</div>", 60000)
	cases := []struct {
		name   string
		body   map[string]string
		status []int
	}{
		{"a single 1.9 MB line", map[string]string{"outlet": "X", "text": strings.Repeat("Putin visited Hmeimim base ", 1900000/27)}, []int{201}},
		{"tens of thousands of tiny paragraphs", map[string]string{"outlet": "X", "text": many.String()}, []int{422}},
		{"deeply nested HTML", map[string]string{"outlet": "X", "html": deep}, []int{422}},
		{"mixed-direction controls", map[string]string{"outlet": "X", "text": strings.Repeat("\u202eabc\u202d Putin \u2067داعش\u2069 met \u200fAssad. ", 20000)}, []int{201}},
		{"script payloads", map[string]string{"outlet": "<script>alert(1)</script>", "title": "<svg onload=alert(1)>",
			"text": "Click <a href=\"javascript:alert(1)\">here</a> <svg/onload=alert(2)> <img src=x onerror=alert(3)>. The minister spoke on Monday."}, []int{201}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			rec := env.do(t, "POST", "/api/v1/articles", mustJSON(c.body))
			took := time.Since(start)
			ok := false
			for _, s := range c.status {
				ok = ok || rec.Code == s
			}
			if !ok {
				t.Fatalf("got %d, want %v: %.300s", rec.Code, c.status, rec.Body.String())
			}
			if took > 60*time.Second {
				t.Errorf("took %v: a worker was held far too long", took)
			}
			t.Logf("%d in %v", rec.Code, took)
			if rec.Code != http.StatusCreated {
				if p := decode[problemJSON](t, rec); p.Detail == "" {
					t.Error("refusal without a sentence")
				}
				return
			}
			a := decode[article](t, rec)
			for _, u := range []string{fmt.Sprintf("/articles/%d", a.ID), "/articles", "/stories", "/entities", "/variants"} {
				page := env.do(t, "GET", u, "").Body.String()
				for _, bad := range []string{"<script>alert", "<svg onload", "<svg/onload", "<img src=x", `href="javascript:`} {
					if strings.Contains(page, bad) {
						t.Errorf("%s shows %q unescaped", u, bad)
					}
				}
			}
		})
	}
}
