package server

import (
	"context"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus series, on a registry of its own so
// that two servers in one process (as in tests) do not collide.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.HistogramVec
	ingest   prometheus.Histogram
	align    prometheus.Histogram
}

func newMetrics(s *Server) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "interlinear_http_request_duration_seconds",
			Help:    "Time to answer HTTP requests, by route pattern, method and status.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method", "status"}),
		ingest: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "interlinear_ingest_duration_seconds",
			Help:    "Time to analyse and store one article (extraction, cleaning, segmentation, languages, names, story placement).",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 12),
		}),
		align: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "interlinear_alignment_duration_seconds",
			Help:    "Time to compute and store one story's alignment.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}),
	}
	count := func(name, help, q string) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			n, err := s.st.Count(ctx, q)
			if err != nil {
				return -1
			}
			return float64(n)
		})
	}
	m.reg.MustRegister(m.requests, m.ingest, m.align,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		count("interlinear_articles", "Articles stored.", "articles"),
		count("interlinear_stories", "Stories stored.", "stories"),
		count("interlinear_entities", "Named entities stored.", "entities"),
	)
	return m
}

// observe records every request's latency under its route pattern (not
// its URL, so ids do not explode the series).
func (m *metrics) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		status := c.Response().Status
		if err != nil {
			if he, ok := err.(*echo.HTTPError); ok {
				status = he.Code
			} else {
				status = 500
			}
		}
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		m.requests.WithLabelValues(route, c.Request().Method, strconv.Itoa(status)).Observe(time.Since(start).Seconds())
		return err
	}
}

func (m *metrics) handler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
}
