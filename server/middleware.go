package server

import (
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// bodyLimit refuses a body over the limit from its Content-Length alone,
// before reading a byte of it, and caps bodies of unknown length while
// they are read.
func (s *Server) bodyLimit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.ContentLength > s.limit {
			return problem(http.StatusRequestEntityTooLarge,
				"The request body is %d bytes; the limit is %d bytes (%s).", r.ContentLength, s.limit, humanBytes(s.limit))
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(c.Response(), r.Body, s.limit)
		}
		return next(c)
	}
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	default:
		return strconv.FormatInt(n, 10) + " bytes"
	}
}

// requestLog writes one structured line per request through slog.
func (s *Server) requestLog() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogRequestID: true, LogError: true,
		HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			s.log.Info("request",
				slog.String("method", v.Method),
				slog.String("uri", v.URI),
				slog.Int("status", v.Status),
				slog.Duration("latency", v.Latency.Round(time.Microsecond)),
				slog.String("request_id", v.RequestID))
			return nil
		},
	})
}

func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok", "version": s.ver})
}

// readyz answers 200 once migrations ran (the store exists only after
// they did), the seeds are in and the language models are loaded.
func (s *Server) readyz(c echo.Context) error {
	if !s.Ready() {
		return problem(http.StatusServiceUnavailable, "Not ready yet: language models or seed articles are still loading.")
	}
	if err := s.st.Ping(c.Request().Context()); err != nil {
		return echo.NewHTTPError(http.StatusServiceUnavailable, "The database does not answer.").SetInternal(err)
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}
