package server

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"interlinear/server/store"
)

// Problem is an RFC 9457 problem detail, the body of every API error.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// problem returns an error the error handler answers with status and a
// sentence a person understands.
func problem(status int, format string, args ...any) *echo.HTTPError {
	return echo.NewHTTPError(status, fmt.Sprintf(format, args...))
}

// handleError maps every error a handler returns to one response: API
// routes get application/problem+json, pages get the error page. Unknown
// errors are logged once, here, and shown as a generic 500.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status := http.StatusInternalServerError
	detail := "Something went wrong on our side; the request changed nothing. Please try again."
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		status = he.Code
		switch m := he.Message.(type) {
		case string:
			detail = m
		default:
			detail = http.StatusText(status)
		}
		if he.Internal != nil {
			s.log.Warn("request failed", slog.Int("status", status), slog.Any("error", he.Internal))
		}
		if status == http.StatusNotFound && detail == "Not Found" {
			detail = "There is nothing at " + c.Request().URL.Path + "."
		}
		if status == http.StatusMethodNotAllowed {
			detail = c.Request().Method + " is not allowed on " + c.Request().URL.Path + "."
		}
	case errors.Is(err, store.ErrNotFound):
		status = http.StatusNotFound
		detail = "No such item: " + strings.TrimPrefix(err.Error(), "store: ") + "."
	default:
		s.log.Error("request failed", slog.String("path", c.Request().URL.Path), slog.Any("error", err))
	}
	if status >= 500 && he == nil {
		detail = "Something went wrong on our side; the request changed nothing. Please try again."
	}
	p := Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	if isAPI(c) {
		c.Response().Header().Set(echo.HeaderContentType, "application/problem+json")
		c.Response().WriteHeader(status)
		_ = jsonEncode(c.Response(), p)
		return
	}
	if err := c.Render(status, "error", s.page(c, p.Title, p)); err != nil {
		s.log.Error("render error page", slog.Any("error", err))
		_ = c.String(status, detail)
	}
}

func isAPI(c echo.Context) bool {
	p := c.Request().URL.Path
	return strings.HasPrefix(p, "/api/") || p == "/healthz" || p == "/readyz"
}
