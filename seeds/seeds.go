// Package seeds embeds the default data set: five news articles on
// Putin's December 2017 visit to the Hmeimim air base (and one on a
// different meeting), their manifest, and the names gazetteer.
package seeds

import (
	"embed"
	"encoding/json"
	"fmt"
)

// FS holds the seed articles, the manifest and the gazetteer.
//
//go:embed manifest.json articles gazetteer.tsv
var FS embed.FS

// Article is one manifest entry with the article's raw text.
type Article struct {
	File        string `json:"file"`
	Outlet      string `json:"outlet"`
	Title       string `json:"title"`
	Language    string `json:"language"`
	PublishedAt string `json:"published_at"`
	Text        string `json:"-"`
}

// Articles reads the manifest and the text of every seed article, in
// manifest order.
func Articles() ([]Article, error) {
	raw, err := FS.ReadFile("manifest.json")
	if err != nil {
		return nil, fmt.Errorf("seeds: %w", err)
	}
	var list []Article
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("seeds: manifest: %w", err)
	}
	for i := range list {
		b, err := FS.ReadFile("articles/" + list[i].File)
		if err != nil {
			return nil, fmt.Errorf("seeds: %w", err)
		}
		list[i].Text = string(b)
	}
	return list, nil
}

// Gazetteer returns the names gazetteer (TSV: id, type, canonical, and
// known spellings in en, ar, ru, zh and fr).
func Gazetteer() ([]byte, error) {
	b, err := FS.ReadFile("gazetteer.tsv")
	if err != nil {
		return nil, fmt.Errorf("seeds: %w", err)
	}
	return b, nil
}
