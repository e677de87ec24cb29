package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// securityHeaders sets, on every response, a content security policy that
// allows no script at all (the pages need none) and no framing, and the
// usual hardening headers.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		return next(c)
	}
}

// sessionCookie holds, for a desk signed in through /login, a hash of the
// token it gave, so the token itself never sits in a cookie.
const sessionCookie = "interlinear_session"

func tokenHash(tok string) string {
	sum := sha256.Sum256([]byte("interlinear-session:" + tok))
	return hex.EncodeToString(sum[:])
}

// authorized reports whether the request carries one of the server's
// tokens, as a bearer token or as a signed-in desk's cookie. With no token
// configured every request is authorized.
func (s *Server) authorized(c echo.Context) bool {
	if len(s.tokens) == 0 {
		return true
	}
	if h := c.Request().Header.Get(echo.HeaderAuthorization); strings.HasPrefix(h, "Bearer ") {
		got := strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
		for _, t := range s.tokens {
			if subtle.ConstantTimeCompare([]byte(got), []byte(t)) == 1 {
				return true
			}
		}
	}
	if ck, err := c.Cookie(sessionCookie); err == nil {
		for _, t := range s.tokens {
			if subtle.ConstantTimeCompare([]byte(ck.Value), []byte(tokenHash(t))) == 1 {
				return true
			}
		}
	}
	return false
}

// requireWrite guards a route that changes data: with tokens configured it
// needs one, and every client's writes are rate limited.
func (s *Server) requireWrite(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !s.authorized(c) {
			if isAPI(c) {
				c.Response().Header().Set("WWW-Authenticate", `Bearer realm="interlinear"`)
				return problem(http.StatusUnauthorized, "This server needs a token for changes: send it as Authorization: Bearer <token>.")
			}
			return problem(http.StatusUnauthorized, "Changes on this server need the desk's token: sign in at /login first.")
		}
		if s.limiter != nil {
			ok, err := s.limiter.Allow(c.RealIP())
			if err != nil || !ok {
				c.Response().Header().Set("Retry-After", "1")
				return problem(http.StatusTooManyRequests, "Too many changes from your address in a short time; wait a moment and try again.")
			}
		}
		return next(c)
	}
}

func newWriteLimiter(perSecond float64) middleware.RateLimiterStore {
	if perSecond <= 0 {
		return nil
	}
	burst := int(perSecond * 2)
	if burst < 10 {
		burst = 10
	}
	return middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Limit(perSecond), Burst: burst, ExpiresIn: 3 * time.Minute,
	})
}

type loginPageData struct {
	Error string
	Next  string
}

func (s *Server) loginPage(c echo.Context) error {
	return c.Render(http.StatusOK, "login", s.page(c, "Sign in", loginPageData{Next: safeNext(c.QueryParam("next"))}))
}

// login checks the token a desk typed and, when right, sets the session
// cookie (HttpOnly, SameSite=Strict) holding its hash.
func (s *Server) login(c echo.Context) error {
	tok := strings.TrimSpace(c.FormValue("token"))
	next := safeNext(c.FormValue("next"))
	ok := false
	for _, t := range s.tokens {
		if subtle.ConstantTimeCompare([]byte(tok), []byte(t)) == 1 {
			ok = true
		}
	}
	if !ok {
		return c.Render(http.StatusUnauthorized, "login", s.page(c, "Sign in", loginPageData{Error: "That token is not one this server accepts.", Next: next}))
	}
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: tokenHash(tok), Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: c.Scheme() == "https", MaxAge: 12 * 3600})
	return c.Redirect(http.StatusSeeOther, next)
}

// safeNext keeps a redirect target on this site: a path starting with a
// single slash, with no scheme or host once parsed, and no control
// characters or backslashes (browsers drop tabs and newlines from URLs, so
// "/\t/evil.example" would become "//evil.example").
func safeNext(p string) string {
	for _, r := range p {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return "/"
		}
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return "/"
	}
	return p
}
