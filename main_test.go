package main

import (
	"strings"
	"testing"
)

func TestParseConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		name    string
		args    []string
		env     map[string]string
		check   func(Config) bool
		wantErr string
	}{
		{"defaults", nil, nil, func(c Config) bool {
			return c.Addr == "127.0.0.1:8080" && c.DB == "./data/interlinear.db" && c.Seed && len(c.Languages) == 12
		}, ""},
		{"environment", nil, map[string]string{"INTERLINEAR_ADDR": "127.0.0.1:9999", "INTERLINEAR_DB": "x.db", "INTERLINEAR_LANGUAGES": "en, AR ,ru", "INTERLINEAR_SEED": "false"},
			func(c Config) bool {
				return c.Addr == "127.0.0.1:9999" && c.DB == "x.db" && strings.Join(c.Languages, ",") == "en,ar,ru" && !c.Seed
			}, ""},
		{"flag wins over environment", []string{"-addr", "127.0.0.1:7000", "-seed=false"}, map[string]string{"INTERLINEAR_ADDR": "127.0.0.1:9999"},
			func(c Config) bool { return c.Addr == "127.0.0.1:7000" && !c.Seed }, ""},
		{"any lingua language", []string{"-languages", "en,ja,ko,hi"}, nil, func(c Config) bool { return len(c.Languages) == 4 }, ""},
		{"unknown language", []string{"-languages", "en,xx"}, nil, nil, "xx"},
		{"bad address", []string{"-addr", "nowhere"}, nil, nil, "-addr"},
		{"bad seed", []string{"-seed=maybe"}, nil, nil, "seed"},
		{"tiny body limit", []string{"-body-limit", "10"}, nil, nil, "body-limit"},
		{"bad log format", []string{"-log-format", "xml"}, nil, nil, "log-format"},
		{"open writes on a public address", []string{"-addr", "0.0.0.0:8080"}, nil, nil, "INTERLINEAR_TOKEN"},
		{"public address with a token", []string{"-addr", "0.0.0.0:8080"}, map[string]string{"INTERLINEAR_TOKEN": "0123456789abcdef0123"},
			func(c Config) bool { return len(c.Tokens) == 1 }, ""},
		{"public address, open writes allowed", []string{"-addr", "0.0.0.0:8080", "-allow-open-writes"}, nil,
			func(c Config) bool { return c.AllowOpenWrites }, ""},
		{"short token", nil, map[string]string{"INTERLINEAR_TOKEN": "abc"}, nil, "16 characters"},
		{"bad write rate", []string{"-write-rate", "-1"}, nil, nil, "write-rate"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := parseConfig(c.args, env(c.env))
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("got error %v, want one mentioning %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !c.check(cfg) {
				t.Errorf("unexpected config %+v", cfg)
			}
		})
	}
}
