package server

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// openAPIJSON is the API contract (OpenAPI 3.1), served byte for byte. It
// is maintained by hand; openapi_test.go validates every response of every
// route against it and fails when a route and the document disagree.
//
//go:embed openapi.json
var openAPIJSON string

// openAPIETag is the document's strong entity tag (RFC 9110 §8.8.3): the
// SHA-256 of its bytes, so it changes exactly when the document does. It
// is computed once and never changes.
var openAPIETag = func() string {
	sum := sha256.Sum256([]byte(openAPIJSON))
	return `"` + hex.EncodeToString(sum[:]) + `"`
}()

// openAPI serves the OpenAPI document. http.ServeContent answers
// If-None-Match with 304 against the ETag set here (and Range requests);
// no-cache makes clients revalidate, so an upgraded server's document is
// seen at once.
func (s *Server) openAPI(c echo.Context) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	h.Set("ETag", openAPIETag)
	h.Set("Cache-Control", "no-cache")
	http.ServeContent(c.Response(), c.Request(), "openapi.json", time.Time{}, strings.NewReader(openAPIJSON))
	return nil
}
