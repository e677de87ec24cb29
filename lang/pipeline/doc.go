// Package pipeline turns one posted article, plain text or HTML, into
// language-tagged passages: HTML main-text extraction (lang/extract),
// cleaning with every removed line kept and explained (lang/clean),
// segmentation into paragraphs and sentences (lang/segment), and language
// detection for the article and for each passage (lang/detect).
//
// Ingest and the stateless alignment endpoint both run it, so an article
// and an ad-hoc document are analysed the same way.
package pipeline
