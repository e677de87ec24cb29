// Package e2e holds end-to-end tests of the real server: the HTML pages
// driven in a headless browser, and the built binary run as a process.
// The package has no code of its own, only tests.
package e2e
