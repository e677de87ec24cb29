package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"interlinear/server"
	"interlinear/server/store"
)

// The contract test: server/openapi.json is the API's documentation, and
// these tests keep it true. They check that
//
//   - the document served at /api/v1/openapi.json is openapi.json byte for
//     byte, is valid OpenAPI 3.1 (examples included) and has an ETag;
//   - the operations of the document are exactly the API routes registered
//     in routes.go (read from its source), and exactly the routes guarded
//     by requireWrite declare security, 401 and 429;
//   - every response the tests below get — successes and errors, from a
//     seeded server, a server still loading its models and a server with
//     tokens and a write limit — matches the document in status, headers,
//     content type and body (openapi3filter.ValidateResponse, with
//     undocumented statuses refused), and every request matches it too,
//     except those meant to be malformed, which the document must refuse
//     as the server does (openapi3filter.ValidateRequest);
//   - every status the document lists for an operation was seen at least
//     once (500 aside, which no sound request triggers);
//   - the schemas are strict: a real response with a field added, removed
//     or of the wrong type no longer validates.
//
// kin-openapi reads OpenAPI 3.1: for a 3.1 document openapi3filter
// validates a schema with the JSON Schema 2020-12 validator
// (santhosh-tekuri/jsonschema) when it uses a keyword only 2020-12 has
// (const, propertyNames, ...), and with its own validator otherwise, which
// for 3.1 documents knows type "null". So the document is plain 3.1: null
// is a type ({"type": "null"} in a oneOf), never 3.0's nullable, and the
// strictness test below covers schemas of both kinds.

// apiCase is one request and the answer the contract expects.
type apiCase struct {
	name    string
	method  string
	url     string // may hold {var} placeholders, filled from saved values
	body    string
	hdr     []string // header name, value, ...
	status  int
	also    int               // another status accepted (for the request that meets a limit)
	invalid bool              // the document refuses this request, as the server does
	save    map[string]string // variable → dotted path in the response body
	bug     string            // a known defect of the code: its answer does not match the contract yet
}

// contract validates requests and responses against the document and
// records which statuses of which operations were seen.
type contract struct {
	doc    *openapi3.T
	router routers.Router
	vars   map[string]string
	seen   map[string]map[int]bool // "GET /api/v1/articles/{id}" → statuses
}

func loadContract(t *testing.T, env *testEnv) *contract {
	t.Helper()
	file, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	rec := env.do(t, "GET", "/api/v1/openapi.json", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /api/v1/openapi.json: got %d, want 200", rec.Code)
	}
	if !bytes.Equal(rec.Body.Bytes(), file) {
		t.Fatalf("the served document differs from openapi.json (%d bytes served, %d in the file)", rec.Body.Len(), len(file))
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(file)
	if err != nil {
		t.Fatalf("load openapi.json: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Fatalf("got openapi %q, want 3.1.x", doc.OpenAPI)
	}
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &contract{doc: doc, router: router, vars: map[string]string{}, seen: map[string]map[int]bool{}}
}

var (
	placeholder   = regexp.MustCompile(`\{[a-z_]+\}`)
	pathParameter = regexp.MustCompile(`\{[^}]+\}`)
)

// expand fills {var} placeholders; path templates such as {id} that are
// not variables are left alone.
func (c *contract) expand(s string) string {
	return placeholder.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := c.vars[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

// authenticate stands for the server's token check: the document only
// says which credentials a request may carry, and the server decides.
func authenticate(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	r := in.RequestValidationInput.Request
	switch s := in.SecurityScheme; {
	case s.Type == "http" && strings.EqualFold(s.Scheme, "bearer"):
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			return errors.New("no bearer token")
		}
	case s.Type == "apiKey" && s.In == "cookie":
		if _, err := r.Cookie(s.Name); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown security scheme %s", s.Type)
	}
	return nil
}

func opKey(route *routers.Route) string { return route.Method + " " + route.Path }

// run sends sc to env and checks request and response against the
// document.
func (c *contract) run(t *testing.T, env *testEnv, sc apiCase) *httptest.ResponseRecorder {
	t.Helper()
	url, body := c.expand(sc.url), c.expand(sc.body)
	hdr := make([]string, len(sc.hdr))
	for i, h := range sc.hdr {
		hdr[i] = c.expand(h)
	}
	// The request as env.do builds it, for the validator.
	req := httptest.NewRequest(sc.method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s %s is not in the document: %v", sc.method, url, err)
	}
	ctx := context.Background()
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: authenticate, MultiError: true}}
	reqErr := openapi3filter.ValidateRequest(ctx, in)
	switch {
	case reqErr != nil && !sc.invalid:
		t.Errorf("the document refuses the request %s %s %.200s: %v", sc.method, url, body, reqErr)
	case reqErr == nil && sc.invalid:
		t.Errorf("the document accepts the request %s %s %.200s, which the server refuses", sc.method, url, body)
	}

	rec := env.do(t, sc.method, url, body, hdr...)
	key := opKey(route)
	c.mark(key, rec.Code)
	var diffs []string
	if rec.Code != sc.status && (sc.also == 0 || rec.Code != sc.also) {
		diffs = append(diffs, fmt.Sprintf("got status %d, want %d: %.300s", rec.Code, sc.status, rec.Body.String()))
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}}
	out.SetBodyBytes(rec.Body.Bytes())
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		diffs = append(diffs, fmt.Sprintf("%s %s answered %d (%s) against the document: %v\nbody: %.500s",
			sc.method, url, rec.Code, rec.Header().Get("Content-Type"), err, rec.Body.String()))
	}
	if r := route.Operation.Responses.Status(rec.Code); r != nil && len(r.Value.Content) == 0 && rec.Body.Len() > 0 {
		diffs = append(diffs, fmt.Sprintf("%d is documented without a body, got %q", rec.Code, rec.Body.String()))
	}
	switch {
	case sc.bug != "" && len(diffs) > 0:
		// The contract stands; the code is behind it. The status counts as
		// exercised, and the test fails once the defect is fixed so that
		// the note goes.
		t.Logf("known defect: %s:\n%s", sc.bug, strings.Join(diffs, "\n"))
		c.mark(key, sc.status)
	case sc.bug != "":
		t.Errorf("fixed: %q; remove its bug note", sc.bug)
	default:
		for _, d := range diffs {
			t.Error(d)
		}
	}
	if rec.Code < 300 {
		for name, path := range sc.save {
			v, err := jsonAt(rec.Body.Bytes(), path)
			if err != nil {
				t.Fatalf("save %s from %s: %v", name, path, err)
			}
			c.vars[name] = v
		}
	}
	return rec
}

func (c *contract) mark(key string, status int) {
	if c.seen[key] == nil {
		c.seen[key] = map[int]bool{}
	}
	c.seen[key][status] = true
}

// jsonAt returns the value at a dotted path ("items.0.id") of a JSON
// document, as text.
func jsonAt(body []byte, path string) (string, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return "", err
	}
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i >= len(x) {
				return "", fmt.Errorf("no element %s", k)
			}
			v = x[i]
		default:
			return "", fmt.Errorf("no field %s", k)
		}
	}
	switch x := v.(type) {
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	}
	return "", fmt.Errorf("%s is %T", path, v)
}

// operations lists the document's operations as "METHOD /path".
func (c *contract) operations() []string {
	var out []string
	for path, item := range c.doc.Paths.Map() {
		for method := range item.Operations() {
			out = append(out, method+" "+path)
		}
	}
	sort.Strings(out)
	return out
}

func (c *contract) operation(key string) *openapi3.Operation {
	method, path, _ := strings.Cut(key, " ")
	return c.doc.Paths.Find(path).GetOperation(method)
}

// firstExample returns the JSON of the first (by name) example of an
// operation's request body.
func firstExample(t *testing.T, op *openapi3.Operation) string {
	t.Helper()
	mt := op.RequestBody.Value.Content.Get("application/json")
	if mt == nil || len(mt.Examples) == 0 {
		t.Fatalf("%s: request body without a JSON example", op.OperationID)
	}
	names := make([]string, 0, len(mt.Examples))
	for n := range mt.Examples {
		names = append(names, n)
	}
	sort.Strings(names)
	b, err := json.Marshal(mt.Examples[names[0]].Value.Value)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// concrete replaces the path template's parameters with id.
func concrete(path, id string) string {
	return pathParameter.ReplaceAllString(path, id)
}

// registeredRoute is a route of routes.go.
type registeredRoute struct {
	key   string // "GET /api/v1/articles/{id}"
	write bool   // guarded by requireWrite
}

// httpMethods are echo's one-method route registrations (e.GET, ...).
var httpMethods = []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE"}

// registeredRoutes reads the routes from the source of routes.go — the
// router keeps them unexported, and the style guide puts every route
// there, one line each. It follows the router variables (e := s.e, api :=
// e.Group(...)) and the requireWrite middleware (w := s.requireWrite), and
// fails on anything it cannot read, and on a route registered anywhere
// else in the package, so that a route it misses is an error.
func registeredRoutes(t *testing.T) []registeredRoute {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var body *ast.BlockStmt
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if fd, ok := n.(*ast.FuncDecl); ok && name == "routes.go" && fd.Name.Name == "routes" && fd.Recv != nil {
				body = fd.Body
				return false // read below
			}
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && slices.Contains(httpMethods, sel.Sel.Name) {
					t.Errorf("%s: a route registered outside routes() in routes.go", fset.Position(call.Pos()))
				}
			}
			return true
		})
	}
	if body == nil {
		t.Fatal("routes.go has no method routes")
	}
	prefix := map[string]string{} // router variable → path prefix
	writeMW := map[string]bool{}  // variables holding s.requireWrite
	stringArg := func(call *ast.CallExpr) string {
		if len(call.Args) > 0 {
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					return s
				}
			}
		}
		t.Fatalf("%s: a route path that is not a string literal", fset.Position(call.Pos()))
		return ""
	}
	var out []registeredRoute
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt: // e := s.e; w := s.requireWrite; api := e.Group("/api/v1", ...)
			if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
				return true
			}
			lhs, ok := n.Lhs[0].(*ast.Ident)
			if !ok {
				return true
			}
			switch rhs := n.Rhs[0].(type) {
			case *ast.SelectorExpr:
				switch rhs.Sel.Name {
				case "e":
					prefix[lhs.Name] = ""
				case "requireWrite":
					writeMW[lhs.Name] = true
				}
			case *ast.CallExpr:
				if sel, ok := rhs.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Group" {
					recv, ok := sel.X.(*ast.Ident)
					if !ok {
						t.Fatalf("%s: a group of an unknown router", fset.Position(rhs.Pos()))
					}
					base, known := prefix[recv.Name]
					if !known {
						t.Fatalf("%s: a group of an unknown router %s", fset.Position(rhs.Pos()), recv.Name)
					}
					prefix[lhs.Name] = base + stringArg(rhs)
				}
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			method := sel.Sel.Name
			switch {
			case slices.Contains(httpMethods, method):
				recv, ok := sel.X.(*ast.Ident)
				if !ok {
					t.Fatalf("%s: %s on an unknown router", fset.Position(n.Pos()), method)
				}
				base, known := prefix[recv.Name]
				if !known {
					t.Fatalf("%s: %s on an unknown router", fset.Position(n.Pos()), method)
				}
				path := base + stringArg(n)
				segs := strings.Split(path, "/")
				for i, s := range segs {
					if strings.Contains(s, "*") {
						t.Fatalf("%s: wildcard route %s: the check cannot map it to the document", fset.Position(n.Pos()), path)
					}
					if strings.HasPrefix(s, ":") {
						segs[i] = "{" + s[1:] + "}"
					}
				}
				r := registeredRoute{key: method + " " + strings.Join(segs, "/")}
				for _, mw := range n.Args[2:] {
					switch mw := mw.(type) {
					case *ast.Ident:
						r.write = r.write || writeMW[mw.Name]
					case *ast.SelectorExpr:
						r.write = r.write || mw.Sel.Name == "requireWrite"
					}
				}
				out = append(out, r)
			case method == "Any" || method == "Match" || method == "Add" || method == "RouteNotFound":
				t.Fatalf("%s: %s: the check reads only one-method routes", fset.Position(n.Pos()), method)
			}
		}
		return true
	})
	if len(out) == 0 {
		t.Fatal("routes.go: no routes found")
	}
	return out
}

// inAPI mirrors isAPI in errors.go: the routes that answer JSON and
// problem+json. The HTML pages, /static and the Prometheus /metrics are
// outside the document.
func inAPI(key string) bool {
	_, p, _ := strings.Cut(key, " ")
	return strings.HasPrefix(p, "/api/") || p == "/healthz" || p == "/readyz"
}

// newColdEnv is a server whose Start has not run: it is still loading its
// models.
func newColdEnv(t *testing.T) *testEnv {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "cold.db")
	st, _, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := server.New(server.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	return &testEnv{srv: srv, st: st, dbPath: path}
}

func TestOpenAPIRoutes(t *testing.T) {
	env := newEnv(t, false)
	c := loadContract(t, env)
	documented := map[string]bool{}
	for _, k := range c.operations() {
		documented[k] = true
	}
	registered := map[string]bool{}
	for _, r := range registeredRoutes(t) {
		if !inAPI(r.key) {
			if documented[r.key] {
				t.Errorf("%s is documented but is not an API route", r.key)
			}
			continue
		}
		registered[r.key] = true
		if !documented[r.key] {
			t.Errorf("%s is registered in routes.go but not in openapi.json", r.key)
			continue
		}
		op := c.operation(r.key)
		secured := op.Security != nil && len(*op.Security) > 0
		guards := op.Responses.Status(401) != nil && op.Responses.Status(429) != nil
		if r.write != secured || r.write != guards {
			t.Errorf("%s: requireWrite %v, but the document has security %v and 401/429 %v", r.key, r.write, secured, guards)
		}
	}
	for k := range documented {
		if !registered[k] {
			t.Errorf("%s is in openapi.json but not registered in routes.go", k)
		}
	}
	for _, k := range c.operations() {
		op := c.operation(k)
		if op.OperationID == "" || op.Summary == "" || op.Description == "" || len(op.Tags) == 0 {
			t.Errorf("%s: operationId, summary, description and tags are required", k)
		}
		if op.RequestBody != nil {
			firstExample(t, op)
		}
	}
}

func TestOpenAPIDocumentServed(t *testing.T) {
	env := newEnv(t, false)
	loadContract(t, env) // served bytes == file, valid 3.1
	rec := env.do(t, "GET", "/api/v1/openapi.json", "")
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("got Content-Type %q, want application/json", ct)
	}
	etag := rec.Header().Get("ETag")
	if !regexp.MustCompile(`^"[0-9a-f]{64}"$`).MatchString(etag) {
		t.Fatalf("got ETag %q, want a strong tag", etag)
	}
	if again := env.do(t, "GET", "/api/v1/openapi.json", "").Header().Get("ETag"); again != etag {
		t.Errorf("got ETag %q, then %q", etag, again)
	}
	for _, c := range []struct {
		name, inm string
		status    int
	}{
		{"same", etag, http.StatusNotModified},
		{"listed", `"x", ` + etag, http.StatusNotModified},
		{"star", "*", http.StatusNotModified},
		{"other", `"0000"`, http.StatusOK},
		{"weak form of another", `W/"0000"`, http.StatusOK},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := env.do(t, "GET", "/api/v1/openapi.json", "", "If-None-Match", c.inm)
			if rec.Code != c.status {
				t.Fatalf("If-None-Match %s: got %d, want %d", c.inm, rec.Code, c.status)
			}
			if c.status == http.StatusNotModified && (rec.Body.Len() != 0 || rec.Header().Get("ETag") != etag) {
				t.Errorf("304 with body %q and ETag %q", rec.Body.String(), rec.Header().Get("ETag"))
			}
		})
	}
}

func TestOpenAPIResponses(t *testing.T) {
	env := newEnv(t, true)
	c := loadContract(t, env)

	// The seeds' Hmeimim story and entity.
	c.vars["hstory"] = strconv.FormatInt(storyOfArticle(t, env, 1), 10)
	c.vars["hmeimim"] = strconv.FormatInt(entityOf(t, env, "Khmeimim").ID, 10)

	names1001 := mustJSON(map[string][]string{"names": slices.Repeat([]string{"Putin"}, 1001)})
	long := mustJSON(map[string][]string{"names": {strings.Repeat("a", 201)}})
	align2 := mustJSON(map[string]any{"documents": []map[string]string{
		{"id": "tass", "outlet": "TASS", "text": "Президент России Владимир Путин посетил авиабазу Хмеймим в Сирии 11 декабря 2017 года. Путин приказал начать вывод российских войск из Сирии."},
		{"id": "sana", "outlet": "SANA", "text": "Russian President Vladimir Putin visited the Hmeimim air base in Syria on 11 December 2017. Putin ordered the start of the withdrawal of Russian troops from Syria."},
		{"outlet": "AFP", "text": "Le président russe Vladimir Poutine a visité la base de Hmeimim en Syrie le 11 décembre 2017. Poutine a ordonné le début du retrait des troupes russes de Syrie."},
	}})
	furniture := "Share\nShare - WeChat\nBACK TO THE TOP\n[ssba]\n"
	article := mustJSON(map[string]string{"outlet": "TASS", "title": "Putin in Syria", "url": "https://example.org/a", "published_at": "2017-12-11T10:14:00+03:00",
		"text": "Russian President Vladimir Putin visited the Hmeimim air base in Syria on Monday.\n\nHe ordered the withdrawal of a significant part of the Russian contingent."})
	html := mustJSON(map[string]string{"outlet": "SANA", "language": "en",
		"html": "<html><head><title>President al-Assad receives President Putin</title></head><body><article><p>President Bashar al-Assad received Russian President Vladimir Putin at Hmeimim airbase in Lattakia on Monday.</p><p>Share</p></article></body></html>"})

	cases := []apiCase{
		{name: "health", method: "GET", url: "/healthz", status: 200},
		{name: "ready", method: "GET", url: "/readyz", status: 200},
		{name: "openapi", method: "GET", url: "/api/v1/openapi.json", status: 200},
		{name: "openapi not modified", method: "GET", url: "/api/v1/openapi.json", hdr: []string{"If-None-Match", "{etag}"}, status: 304},

		{name: "articles", method: "GET", url: "/api/v1/articles", status: 200},
		{name: "articles page 1", method: "GET", url: "/api/v1/articles?limit=2", status: 200, save: map[string]string{"acursor": "next"}},
		{name: "articles page 2", method: "GET", url: "/api/v1/articles?limit=2&cursor={acursor}", status: 200},
		{name: "articles filtered", method: "GET", url: "/api/v1/articles?outlet=SANA&lang=en", status: 200},
		{name: "articles bad cursor", method: "GET", url: "/api/v1/articles?cursor=zz", status: 400},
		{name: "articles limit 0", method: "GET", url: "/api/v1/articles?limit=0", status: 400, invalid: true},
		{name: "articles limit 501", method: "GET", url: "/api/v1/articles?limit=501", status: 400, invalid: true},
		{name: "articles limit word", method: "GET", url: "/api/v1/articles?limit=ten", status: 400, invalid: true},
		{name: "article", method: "GET", url: "/api/v1/articles/1", status: 200},
		{name: "article unknown", method: "GET", url: "/api/v1/articles/9999", status: 404},
		{name: "article id word", method: "GET", url: "/api/v1/articles/abc", status: 404, invalid: true},
		{name: "article id 0", method: "GET", url: "/api/v1/articles/0", status: 404, invalid: true},
		{name: "create text", method: "POST", url: "/api/v1/articles", body: article, status: 201, save: map[string]string{"article": "id"}},
		{name: "create html", method: "POST", url: "/api/v1/articles", body: html, status: 201, save: map[string]string{"htmlarticle": "id"}},
		{name: "created html", method: "GET", url: "/api/v1/articles/{htmlarticle}", status: 200},
		{name: "create no outlet", method: "POST", url: "/api/v1/articles", body: `{"text":"Putin visited the base."}`, status: 400, invalid: true},
		{name: "create blank outlet", method: "POST", url: "/api/v1/articles", body: `{"outlet":"  ","text":"Putin visited the base."}`, status: 400, invalid: true},
		{name: "create no body text", method: "POST", url: "/api/v1/articles", body: `{"outlet":"A"}`, status: 400, invalid: true},
		{name: "create blank text", method: "POST", url: "/api/v1/articles", body: `{"outlet":"A","text":" \n "}`, status: 400, invalid: true},
		{name: "create text and html", method: "POST", url: "/api/v1/articles", body: `{"outlet":"A","text":"a","html":"<p>a</p>"}`, status: 400, invalid: true},
		{name: "create html, empty text", method: "POST", url: "/api/v1/articles", body: `{"outlet":"A","text":"","html":"<p>Share</p>"}`, status: 422},
		{name: "create bad date", method: "POST", url: "/api/v1/articles", body: `{"outlet":"A","text":"Putin visited.","published_at":"yesterday"}`, status: 400, invalid: true},
		{name: "create bad url", method: "POST", url: "/api/v1/articles", body: `{"outlet":"A","text":"Putin visited.","url":"javascript:alert(1)"}`, status: 400, invalid: true},
		{name: "create bad language", method: "POST", url: "/api/v1/articles", body: `{"outlet":"A","text":"Putin visited.","language":"not a tag"}`, status: 400, invalid: true},
		{name: "create outlet number", method: "POST", url: "/api/v1/articles", body: `{"outlet":1,"text":"x"}`, status: 400, invalid: true},
		{name: "create unknown field", method: "POST", url: "/api/v1/articles", body: `{"outlet":"A","texts":"Putin visited Syria."}`, status: 400, invalid: true},
		{name: "create broken JSON", method: "POST", url: "/api/v1/articles", body: `{"outlet":`, status: 400, invalid: true},
		{name: "create furniture", method: "POST", url: "/api/v1/articles", body: mustJSON(map[string]string{"outlet": "A", "text": furniture}), status: 422},
		{name: "delete", method: "DELETE", url: "/api/v1/articles/{article}", status: 204},
		{name: "delete again", method: "DELETE", url: "/api/v1/articles/{article}", status: 404},

		{name: "detect", method: "POST", url: "/api/v1/detect", body: `{"text":"Путин посетил авиабазу Хмеймим в Сирии."}`, status: 200},
		{name: "detect mixed", method: "POST", url: "/api/v1/detect", body: `{"text":"Putin visited the Hmeimim (حميميم) air base, 普京 said."}`, status: 200},
		{name: "detect no letters", method: "POST", url: "/api/v1/detect", body: `{"text":"2017 — 12 : 11"}`, status: 200},
		{name: "detect blank", method: "POST", url: "/api/v1/detect", body: `{"text":"   "}`, status: 400, invalid: true},
		{name: "detect no text", method: "POST", url: "/api/v1/detect", body: `{}`, status: 400, invalid: true},

		{name: "entities", method: "GET", url: "/api/v1/entities", status: 200},
		{name: "entities page 1", method: "GET", url: "/api/v1/entities?limit=3", status: 200, save: map[string]string{"ecursor": "next"}},
		{name: "entities page 2", method: "GET", url: "/api/v1/entities?limit=3&cursor={ecursor}", status: 200},
		{name: "entities all", method: "GET", url: "/api/v1/entities?limit=500", status: 200},
		{name: "entities by spelling", method: "GET", url: "/api/v1/entities?q=%D0%A5%D0%BC%D0%B5%D0%B9%D0%BC%D0%B8%D0%BC", status: 200},
		{name: "entities filtered", method: "GET", url: "/api/v1/entities?type=place&outlet=SANA&story={hstory}", status: 200},
		{name: "entities bad type", method: "GET", url: "/api/v1/entities?type=planet", status: 400, invalid: true},
		{name: "entities bad story", method: "GET", url: "/api/v1/entities?story=abc", status: 400, invalid: true},
		{name: "entities bad cursor", method: "GET", url: "/api/v1/entities?cursor=zz", status: 400},
		{name: "entity", method: "GET", url: "/api/v1/entities/{hmeimim}", status: 200},
		{name: "entity unknown", method: "GET", url: "/api/v1/entities/99999", status: 404},
		{name: "preferred", method: "PUT", url: "/api/v1/entities/{hmeimim}/preferred", body: `{"spelling":"  Khmeimim "}`, status: 200},
		{name: "preferred blank", method: "PUT", url: "/api/v1/entities/{hmeimim}/preferred", body: `{"spelling":" "}`, status: 400, invalid: true},
		{name: "preferred unknown entity", method: "PUT", url: "/api/v1/entities/99999/preferred", body: `{"spelling":"X"}`, status: 404},
		{name: "detach", method: "POST", url: "/api/v1/entities/{hmeimim}/detach", body: `{"spelling":"Hmeymim"}`, status: 201, save: map[string]string{"detached": "id"}},
		{name: "detach only spelling", method: "POST", url: "/api/v1/entities/{detached}/detach", body: `{"spelling":"Hmeymim"}`, status: 409},
		{name: "detach unknown spelling", method: "POST", url: "/api/v1/entities/{hmeimim}/detach", body: `{"spelling":"Paris"}`, status: 404},
		{name: "detach blank", method: "POST", url: "/api/v1/entities/{hmeimim}/detach", body: `{"spelling":""}`, status: 400, invalid: true},
		{name: "merge", method: "POST", url: "/api/v1/entities/{hmeimim}/merge", body: `{"other":{detached}}`, status: 200},
		{name: "merged away", method: "GET", url: "/api/v1/entities/{detached}", status: 404},
		{name: "merge self", method: "POST", url: "/api/v1/entities/{hmeimim}/merge", body: `{"other":{hmeimim}}`, status: 400},
		{name: "merge unknown", method: "POST", url: "/api/v1/entities/{hmeimim}/merge", body: `{"other":99999}`, status: 404},
		{name: "merge zero", method: "POST", url: "/api/v1/entities/{hmeimim}/merge", body: `{"other":0}`, status: 400, invalid: true},

		{name: "resolve", method: "POST", url: "/api/v1/names/resolve", body: `{"names":["Khmeimim","Хмеймим","حميميم","Шойгу","Zzyzx Qwerty"]}`, status: 200},
		{name: "resolve none", method: "POST", url: "/api/v1/names/resolve", body: `{"names":[]}`, status: 400, invalid: true},
		{name: "resolve too many", method: "POST", url: "/api/v1/names/resolve", body: names1001, status: 400, invalid: true},
		{name: "resolve too long", method: "POST", url: "/api/v1/names/resolve", body: long, status: 400, invalid: true},
		{name: "group", method: "POST", url: "/api/v1/names/group", body: `{"names":["Hmeymim","Хмеймим","Khmeimim","حميميم","Iran","Iraq","Daesh","ISIL","普京","Putin"]}`, status: 200},
		{name: "group a string", method: "POST", url: "/api/v1/names/group", body: `{"names":"Putin"}`, status: 400, invalid: true},
		{name: "normalize", method: "POST", url: "/api/v1/normalize", body: `{"text":"Putin flew to Hmeymim, then to the Hmeimim base.","language":"en"}`, status: 200},
		{name: "normalize detected", method: "POST", url: "/api/v1/normalize", body: `{"text":"Путин прилетел в Хмеймим."}`, status: 200},
		{name: "normalize blank", method: "POST", url: "/api/v1/normalize", body: `{"text":""}`, status: 400, invalid: true},

		{name: "stories", method: "GET", url: "/api/v1/stories", status: 200},
		{name: "stories page 1", method: "GET", url: "/api/v1/stories?limit=1", status: 200, save: map[string]string{"scursor": "next"}},
		{name: "stories page 2", method: "GET", url: "/api/v1/stories?limit=1&cursor={scursor}", status: 200},
		{name: "stories bad cursor", method: "GET", url: "/api/v1/stories?cursor=zz", status: 400},
		{name: "story", method: "GET", url: "/api/v1/stories/{hstory}", status: 200},
		{name: "story unknown", method: "GET", url: "/api/v1/stories/9999", status: 404},
		{name: "alignment", method: "GET", url: "/api/v1/stories/{hstory}/alignment", status: 200},
		{name: "alignment unknown", method: "GET", url: "/api/v1/stories/9999/alignment", status: 404},
		{name: "alignment page 1", method: "GET", url: "/api/v1/stories/{hstory}/alignment?limit=2", status: 200, save: map[string]string{"acursor": "next"}},
		{name: "alignment page 2", method: "GET", url: "/api/v1/stories/{hstory}/alignment?limit=2&cursor={acursor}", status: 200},
		{name: "alignment bad cursor", method: "GET", url: "/api/v1/stories/{hstory}/alignment?cursor=zz", status: 400},
		{name: "alignment bad limit", method: "GET", url: "/api/v1/stories/{hstory}/alignment?limit=0", status: 400, invalid: true},
		{name: "coverage", method: "GET", url: "/api/v1/stories/{hstory}/coverage", status: 200},
		{name: "coverage unknown", method: "GET", url: "/api/v1/stories/9999/coverage", status: 404},
		{name: "new story", method: "POST", url: "/api/v1/stories", body: `{"title":"Novosti's version","articles":[4]}`, status: 201, save: map[string]string{"nstory": "id"}},
		{name: "alignment stale cursor", method: "GET", url: "/api/v1/stories/{hstory}/alignment?limit=2&cursor={acursor}", status: 409},
		{name: "move back", method: "PUT", url: "/api/v1/articles/4/story", body: `{"story":{hstory}}`, status: 200},
		{name: "new story, emptied", method: "GET", url: "/api/v1/stories/{nstory}", status: 200},
		{name: "empty story", method: "POST", url: "/api/v1/stories", body: `{"title":"Sochi summit"}`, status: 201, save: map[string]string{"estory": "id"}},
		{name: "empty story alignment", method: "GET", url: "/api/v1/stories/{estory}/alignment", status: 200},
		{name: "empty story coverage", method: "GET", url: "/api/v1/stories/{estory}/coverage", status: 200},
		{name: "story blank title", method: "POST", url: "/api/v1/stories", body: `{"title":" "}`, status: 400, invalid: true},
		{name: "story unknown article", method: "POST", url: "/api/v1/stories", body: `{"title":"x","articles":[9999]}`, status: 404},
		{name: "move to unknown story", method: "PUT", url: "/api/v1/articles/4/story", body: `{"story":9999}`, status: 404},
		{name: "move unknown article", method: "PUT", url: "/api/v1/articles/9999/story", body: `{"story":{hstory}}`, status: 404},
		{name: "move nowhere", method: "PUT", url: "/api/v1/articles/4/story", body: `{}`, status: 400, invalid: true},

		{name: "align", method: "POST", url: "/api/v1/align", body: align2, status: 200},
		{name: "align strict", method: "POST", url: "/api/v1/align", body: strings.Replace(align2, `{"documents"`, `{"threshold":1,"documents"`, 1), status: 200},
		{name: "align none", method: "POST", url: "/api/v1/align", body: `{"documents":[]}`, status: 400, invalid: true},
		{name: "align one", method: "POST", url: "/api/v1/align", body: `{"documents":[{"id":"a","text":"Putin."}]}`, status: 400, invalid: true},
		{name: "align threshold 2", method: "POST", url: "/api/v1/align", body: `{"threshold":2,"documents":[{"text":"a b"},{"text":"c d"}]}`, status: 400, invalid: true},
		{name: "align same ids", method: "POST", url: "/api/v1/align", body: `{"documents":[{"id":"a","text":"Putin."},{"id":"a","text":"Putin."}]}`, status: 400},
		{name: "align blank text", method: "POST", url: "/api/v1/align", body: `{"documents":[{"id":"a","text":"Putin."},{"id":"b","text":" "}]}`, status: 400, invalid: true},
		{name: "align furniture", method: "POST", url: "/api/v1/align", body: mustJSON(map[string]any{"documents": []map[string]string{{"text": "Putin visited Syria."}, {"text": furniture}}}), status: 422},
	}
	c.vars["etag"] = env.do(t, "GET", "/api/v1/openapi.json", "").Header().Get("ETag")
	for _, sc := range cases {
		t.Run(sc.name, func(t *testing.T) { c.run(t, env, sc) })
	}

	// Every operation with a body refuses other media types, bodies over
	// the limit (unread) and empty bodies, as the document says.
	for _, k := range c.operations() {
		op := c.operation(k)
		if op.RequestBody == nil {
			continue
		}
		method, path, _ := strings.Cut(k, " ")
		url := concrete(path, "1")
		t.Run(k, func(t *testing.T) {
			c.run(t, env, apiCase{name: "text/plain", method: method, url: url, body: firstExample(t, op),
				hdr: []string{"Content-Type", "text/plain"}, status: 415, invalid: true})
			big := `{"unknown":"` + strings.Repeat("a", server.DefaultBodyLimit) + `"}`
			c.run(t, env, apiCase{name: "too large", method: method, url: url, body: big, status: 413, invalid: true})
			c.run(t, env, apiCase{name: "empty", method: method, url: url, body: " ", status: 400, invalid: true})
		})
	}

	// A server still loading its models.
	cold := newColdEnv(t)
	sid, err := cold.st.CreateStory(context.Background(), "Loading")
	if err != nil {
		t.Fatal(err)
	}
	c.vars["cstory"] = strconv.FormatInt(sid, 10)
	for _, sc := range []apiCase{
		{name: "cold health", method: "GET", url: "/healthz", status: 200},
		{name: "cold ready", method: "GET", url: "/readyz", status: 503},
		{name: "cold create", method: "POST", url: "/api/v1/articles", body: article, status: 503},
		{name: "cold detect", method: "POST", url: "/api/v1/detect", body: `{"text":"Putin"}`, status: 503},
		{name: "cold resolve", method: "POST", url: "/api/v1/names/resolve", body: `{"names":["Putin"]}`, status: 503},
		{name: "cold group", method: "POST", url: "/api/v1/names/group", body: `{"names":["Putin"]}`, status: 503},
		{name: "cold normalize", method: "POST", url: "/api/v1/normalize", body: `{"text":"Putin"}`, status: 503},
		{name: "cold alignment", method: "GET", url: "/api/v1/stories/{cstory}/alignment", status: 503},
		{name: "cold coverage", method: "GET", url: "/api/v1/stories/{cstory}/coverage", status: 503},
		{name: "cold align", method: "POST", url: "/api/v1/align", body: align2, status: 503},
	} {
		t.Run(sc.name, func(t *testing.T) { c.run(t, cold, sc) })
	}

	// A server with tokens and a write limit: every change needs a token,
	// and a client's changes beyond the burst are refused.
	guarded := newEnvWith(t, false, server.Options{Tokens: []string{"s3cret"}, WriteRate: 0.001})
	var writes []string
	for _, k := range c.operations() {
		if op := c.operation(k); op.Security != nil && len(*op.Security) > 0 {
			writes = append(writes, k)
		}
	}
	call := func(k string) apiCase {
		method, path, _ := strings.Cut(k, " ")
		sc := apiCase{method: method, url: concrete(path, "1")}
		if op := c.operation(k); op.RequestBody != nil {
			sc.body = firstExample(t, op)
		}
		return sc
	}
	for _, k := range writes {
		sc := call(k)
		sc.name, sc.status = "no token "+k, 401
		t.Run(sc.name, func(t *testing.T) { c.run(t, guarded, sc) })
	}
	auth := []string{"Authorization", "Bearer s3cret"}
	limited := false
	for i := 0; i < 100 && !limited; i++ {
		rec := c.run(t, guarded, apiCase{name: "burst", method: "PUT", url: "/api/v1/articles/9999/story", body: `{"story":1}`, hdr: auth,
			status: 404, also: 429})
		limited = rec.Code == http.StatusTooManyRequests
	}
	if !limited {
		t.Fatal("100 changes in a row were never rate limited")
	}
	for _, k := range writes {
		sc := call(k)
		sc.name, sc.status, sc.hdr = "limited "+k, 429, auth
		t.Run(sc.name, func(t *testing.T) { c.run(t, guarded, sc) })
	}

	// Every status the document lists was seen.
	for _, k := range c.operations() {
		for code := range c.operation(k).Responses.Map() {
			n, err := strconv.Atoi(code)
			if err != nil {
				t.Errorf("%s: response %q is not a status code", k, code)
				continue
			}
			if n != http.StatusInternalServerError && !c.seen[k][n] {
				t.Errorf("%s: the document lists %d, which no request here produced", k, n)
			}
		}
	}
}

// setAt sets (or, with del, deletes) the value at a dotted path of a
// decoded JSON document.
func setAt(t *testing.T, root any, path string, val any, del bool) {
	t.Helper()
	keys := strings.Split(path, ".")
	v := root
	for i, k := range keys {
		last := i == len(keys)-1
		switch x := v.(type) {
		case map[string]any:
			if last {
				if del {
					delete(x, k)
				} else {
					x[k] = val
				}
				return
			}
			v = x[k]
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n >= len(x) {
				t.Fatalf("%s: no element %s", path, k)
			}
			if last {
				x[n] = val
				return
			}
			v = x[n]
		default:
			t.Fatalf("%s: %s is not in an object or array", path, k)
		}
	}
}

// validateAnswer checks a (possibly altered) answer to method url against
// the document.
func (c *contract) validateAnswer(method, url string, status int, contentType string, body []byte) error {
	req := httptest.NewRequest(method, url, nil)
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		return err
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: status,
		Header: http.Header{"Content-Type": {contentType}}, Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	out.SetBodyBytes(body)
	return openapi3filter.ValidateResponse(context.Background(), out)
}

// TestOpenAPIStrict shows that the validation above can fail: real answers
// altered in one place no longer match the document.
func TestOpenAPIStrict(t *testing.T) {
	env := newEnv(t, false)
	c := loadContract(t, env)
	rec := env.do(t, "POST", "/api/v1/articles", mustJSON(map[string]string{"outlet": "TASS",
		"text": "Russian President Vladimir Putin visited the Hmeimim air base in Syria on Monday.\n\nPutin met Bashar al-Assad there."}))
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: got %d: %s", rec.Code, rec.Body.String())
	}
	id := strconv.FormatInt(decode[struct{ ID int64 }](t, rec).ID, 10)
	mentioned := decode[struct {
		Passages []struct {
			Mentions []struct {
				EntityID int64 `json:"entity_id"`
			}
		}
	}](t, rec)
	if len(mentioned.Passages) == 0 || len(mentioned.Passages[0].Mentions) == 0 {
		t.Fatalf("the article's first passage has no names: %s", rec.Body.String())
	}
	entity := strconv.FormatInt(mentioned.Passages[0].Mentions[0].EntityID, 10)
	align := env.do(t, "POST", "/api/v1/align", `{"documents":[{"id":"a","text":"Putin visited the Hmeimim base on Monday."},{"id":"b","text":"Putin visited the Hmeimim base on Monday."}]}`)
	if align.Code != http.StatusOK {
		t.Fatalf("align: got %d: %s", align.Code, align.Body.String())
	}
	answers := map[string]*httptest.ResponseRecorder{
		"/api/v1/articles/" + id:     env.do(t, "GET", "/api/v1/articles/"+id, ""),
		"/api/v1/entities/" + entity: env.do(t, "GET", "/api/v1/entities/"+entity, ""),
		"/api/v1/articles/9999":      env.do(t, "GET", "/api/v1/articles/9999", ""),
		"/api/v1/names/resolve":      env.do(t, "POST", "/api/v1/names/resolve", `{"names":["Zzyzx Qwerty","Putin"]}`),
		"/api/v1/align":              align,
	}
	article, ent := "/api/v1/articles/"+id, "/api/v1/entities/"+entity
	cases := []struct {
		name, method, url string
		path              string
		val               any
		del               bool
		valid             bool
	}{
		{"article as it is", "GET", article, "", nil, false, true},
		{"field added", "GET", article, "zzz", 1, false, false},
		{"field added in a passage", "GET", article, "passages.0.zzz", 1, false, false},
		{"field added in a mention", "GET", article, "passages.0.mentions.0.zzz", 1, false, false},
		{"required field missing", "GET", article, "outlet", nil, true, false},
		{"optional field missing", "GET", article, "removed", nil, true, true},
		{"wrong type", "GET", article, "language.code", 5, false, false},
		{"out of range", "GET", article, "language.confidence", 1.5, false, false},
		{"null for an array", "GET", article, "passages.0.mentions", nil, false, false},
		{"integer as string", "GET", article, "id", "1", false, false},
		{"bad date", "GET", article, "published_at", "Monday", false, false},
		{"entity as it is", "GET", ent, "", nil, false, true},
		{"entity type outside the enum", "GET", ent, "type", "planet", false, false},
		{"preferred_by outside the enum", "GET", ent, "preferred_by", "editor", false, false},
		{"outlet count of 0", "GET", ent, "variants.0.outlets.TASS", 0, false, false},
		{"problem as it is", "GET", "/api/v1/articles/9999", "", nil, false, true},
		{"problem status as text", "GET", "/api/v1/articles/9999", "status", "404", false, false},
		{"problem without detail", "GET", "/api/v1/articles/9999", "detail", nil, true, false},
		{"resolve as it is", "POST", "/api/v1/names/resolve", "", nil, false, true},
		{"entity null", "POST", "/api/v1/names/resolve", "items.1.entity", nil, false, true},
		{"entity a string", "POST", "/api/v1/names/resolve", "items.0.entity", "Putin", false, false},
		{"align as it is", "POST", "/api/v1/align", "", nil, false, true},
		{"document id an integer", "POST", "/api/v1/align", "documents.0.id", 7, false, true},
		{"document id a fraction", "POST", "/api/v1/align", "documents.0.id", 1.5, false, false},
		{"document id empty", "POST", "/api/v1/align", "documents.0.id", "", false, false},
		{"document id null", "POST", "/api/v1/align", "links.0.a.document", nil, false, false},
		{"group kind outside the enum", "POST", "/api/v1/align", "groups.0.kind", "rumour", false, false},
		{"diff op outside the enum", "POST", "/api/v1/align", "groups.0.diff.0.ops.0.op", "replace", false, false},
	}
	for _, sc := range cases {
		t.Run(sc.name, func(t *testing.T) {
			rec := answers[sc.url]
			var v any
			if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
				t.Fatal(err)
			}
			if sc.path != "" {
				setAt(t, v, sc.path, sc.val, sc.del)
			}
			b, _ := json.Marshal(v)
			err := c.validateAnswer(sc.method, sc.url, rec.Code, rec.Header().Get("Content-Type"), b)
			if sc.valid && err != nil {
				t.Errorf("refused: %v", err)
			}
			if !sc.valid && err == nil {
				t.Errorf("accepted %s", b)
			}
		})
	}
	t.Run("undocumented status", func(t *testing.T) {
		if err := c.validateAnswer("GET", article, http.StatusTeapot, "application/problem+json", answers["/api/v1/articles/9999"].Body.Bytes()); err == nil {
			t.Error("418 accepted")
		}
	})
	t.Run("wrong content type", func(t *testing.T) {
		if err := c.validateAnswer("GET", article, http.StatusOK, "text/html", answers[article].Body.Bytes()); err == nil {
			t.Error("text/html accepted")
		}
	})
}

// TestOpenAPIOutsideRoutes checks that what no route answers is still a
// problem of the document's shape.
func TestOpenAPIOutsideRoutes(t *testing.T) {
	env := newEnv(t, false)
	c := loadContract(t, env)
	problem := c.doc.Components.Schemas["Problem"].Value
	for _, sc := range []struct {
		method, url string
		status      int
		bug         string
	}{
		{"GET", "/api/v1/nothing", http.StatusNotFound, ""},
		{"GET", "/api/v2/articles", http.StatusNotFound, ""},
		{"PUT", "/api/v1/articles", http.StatusMethodNotAllowed, ""},
		{"POST", "/api/v1/nothing", http.StatusNotFound, ""},
	} {
		t.Run(sc.method+" "+sc.url, func(t *testing.T) {
			if _, _, err := c.router.FindRoute(httptest.NewRequest(sc.method, sc.url, nil)); err == nil {
				t.Fatalf("%s %s is in the document", sc.method, sc.url)
			}
			rec := env.do(t, sc.method, sc.url, "")
			switch {
			case rec.Code != sc.status && sc.bug != "":
				t.Logf("known defect: %s: got %d: %s", sc.bug, rec.Code, rec.Body.String())
			case rec.Code != sc.status:
				t.Errorf("got %d, want %d: %s", rec.Code, sc.status, rec.Body.String())
			case sc.bug != "":
				t.Errorf("fixed: %q; remove its bug note", sc.bug)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("got Content-Type %q, want application/problem+json", ct)
			}
			var v any
			if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
				t.Fatal(err)
			}
			if err := problem.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
				t.Errorf("not a Problem: %v: %s", err, rec.Body.String())
			}
		})
	}
}
