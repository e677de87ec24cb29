// Package extract pulls the main text of a news article out of an HTML page.
//
// The extraction itself is done by go-trafilatura (a Go port of Adrien
// Barbaresi's trafilatura), configured for news pages: comments are dropped,
// tables are kept, and readability / DOM-distiller run as fallback
// candidates. The choice of each setting was measured against the
// article-extraction-benchmark dev slice; see quality_test.go.
//
// This package adds three things around the library:
//
//   - A guard: one cheap pass of the golang.org/x/net/html tokenizer
//     estimates nodes, nesting depth and paragraph text before the page is
//     parsed, so a pathological document (100,000 nested <div>s, millions
//     of tags, a formatting-element bomb) is refused with ErrTooComplex
//     instead of making the parser and the extractor run for minutes; the
//     parsed tree is then measured exactly before extraction.
//   - Paragraph structure: trafilatura's own ContentText joins everything
//     with spaces, so the text is rebuilt from the extracted tree instead,
//     one paragraph per block element, paragraphs separated by a blank line.
//   - Safety: the input is a Go string, so it is taken as UTF-8 and parsed
//     directly with x/net/html (trafilatura.Extract would sniff the charset
//     of the bytes again); the output is always valid UTF-8; a panic inside
//     the library is recovered and returned as an error.
//
// Hostile input: x/net/html itself refuses trees deeper than 512 open
// elements, but not the quadratic node growth of misnested formatting
// elements (810 kB of "<p><font id=N>x</p>" parse into 50 million nodes in
// a minute), and trafilatura's paragraph scan is quadratic in paragraphs ×
// text. The guard refuses both in milliseconds; within the default limits
// the slowest inputs found take about 2 s on one core (a 2 MiB text node,
// 120,000 small elements). Options.Timeout bounds the wait further.
package extract
