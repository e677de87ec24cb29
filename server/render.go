package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strings"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"interlinear/server/store"
	"interlinear/templates"
)

// pages lists every page template; each is parsed with the layout and the
// partials into its own set at start-up, so a missing page fails New.
var pageNames = []string{"error", "articles", "article", "new", "entities", "entity", "variants", "stories", "story", "compare", "login"}

type renderer struct {
	sets map[string]*template.Template
}

func newRenderer() (*renderer, error) {
	hashes := map[string]string{}
	err := fs.WalkDir(templates.FS, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := templates.FS.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		hashes[strings.TrimPrefix(path, "static/")] = hex.EncodeToString(sum[:6])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("server: static files: %w", err)
	}
	funcs := template.FuncMap{
		"asset": func(name string) (string, error) {
			h, ok := hashes[name]
			if !ok {
				return "", fmt.Errorf("no static file %q", name)
			}
			return "/static/" + name + "?v=" + h, nil
		},
		"langName": langName,
		"dir":      textDir,
		"pct":      func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
		"list":     func(v ...string) []string { return v },
		"langOf":   func(code string) store.Language { return store.Language{Code: code, Confidence: 1} },
	}
	r := &renderer{sets: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templates.FS, "layout.html", "partials/*.html", name+".html")
		if err != nil {
			return nil, fmt.Errorf("server: template %s: %w", name, err)
		}
		r.sets[name] = t
	}
	return r, nil
}

// Render renders into a buffer first, so a template error becomes a clean
// 500 instead of half a page.
func (r *renderer) Render(w io.Writer, name string, data any, c echo.Context) error {
	t, ok := r.sets[name]
	if !ok {
		return fmt.Errorf("server: no page %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", data); err != nil {
		return fmt.Errorf("server: render %s: %w", name, err)
	}
	_, err := buf.WriteTo(w)
	return err
}

// pageData is what every page gets: its title, the CSRF token for forms,
// and the page's own data.
type pageData struct {
	Title string
	CSRF  string
	Data  any
}

func (s *Server) page(c echo.Context, title string, data any) pageData {
	tok, _ := c.Get("csrf").(string)
	return pageData{Title: title, CSRF: tok, Data: data}
}

// langName names a language code in English ("ar" → "Arabic"); "und" and
// unknown codes are shown as they are.
func langName(code string) string {
	if code == "" || code == "und" {
		return "undetermined"
	}
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.English.Tags().Name(tag); n != "" {
		return n
	}
	return code
}

// textDir gives the base direction of a language's script, for dir=;
// passages of unknown language use "auto".
func textDir(code string) string {
	switch code {
	case "ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "ku", "dv":
		return "rtl"
	case "", "und":
		return "auto"
	}
	return "ltr"
}
