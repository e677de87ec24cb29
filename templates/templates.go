// Package templates embeds the HTML templates and static assets of the
// desk-facing pages.
package templates

import "embed"

// FS holds layout.html, the page templates, partials/ and static/.
//
//go:embed *.html partials/*.html static
var FS embed.FS
