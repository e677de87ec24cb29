package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
)

// bindJSON reads the whole body (already capped by bodyLimit), refuses
// invalid UTF-8 — encoding/json would silently turn it into U+FFFD — and
// decodes it strictly into v: unknown fields and trailing data are errors,
// so a misspelt field is reported instead of ignored.
func (s *Server) bindJSON(c echo.Context, v any) error {
	r := c.Request()
	ct := r.Header.Get(echo.HeaderContentType)
	if ct != "" && !strings.HasPrefix(ct, echo.MIMEApplicationJSON) {
		return problem(http.StatusUnsupportedMediaType, "Send the body as JSON with Content-Type: application/json (got %q).", ct)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return problem(http.StatusRequestEntityTooLarge, "The request body is over the limit of %d bytes (%s).", s.limit, humanBytes(s.limit))
		}
		return problem(http.StatusBadRequest, "The request body could not be read: %v.", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return problem(http.StatusBadRequest, "The request body is empty; send a JSON object.")
	}
	if !utf8.Valid(body) {
		off := invalidUTF8Offset(body)
		return problem(http.StatusBadRequest, "The request body is not valid UTF-8 (first bad byte at offset %d); send text encoded as UTF-8.", off)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return problem(http.StatusBadRequest, "The request body is not the JSON expected: %s.", describeJSONError(err))
	}
	if dec.More() {
		return problem(http.StatusBadRequest, "The request body holds more than one JSON value; send exactly one object.")
	}
	return nil
}

func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func describeJSONError(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("syntax error at byte %d (%v)", se.Offset, se)
	case errors.As(err, &te):
		if te.Field != "" {
			return fmt.Sprintf("field %q must be %s, not %s", te.Field, te.Type, te.Value)
		}
		return fmt.Sprintf("expected %s, got %s", te.Type, te.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it ends too early"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	default:
		return err.Error()
	}
}

// pathID parses the :id path parameter.
func pathID(c echo.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, problem(http.StatusNotFound, "There is no item with id %q: ids are positive whole numbers.", c.Param("id"))
	}
	return id, nil
}
