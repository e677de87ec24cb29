package extract_test

import (
	"errors"
	"fmt"
	"strings"

	"interlinear/lang/extract"
)

func ExampleFromHTML() {
	page := `<html><head><title>Talks resume</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Talks resume</h1>
<p>Negotiators from the three countries met on Thursday for the first direct talks in more than two years, officials said after the meeting ended.</p>
<p>The meeting lasted nearly six hours. The delegations agreed to meet again next month in Cairo, according to a joint statement released late in the evening.</p>
</article>
<footer>All rights reserved.</footer>
</body></html>`
	a, err := extract.FromHTML(page, extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, p := range strings.Split(a.Text, "\n\n") {
		fmt.Printf("%d: %.40s…\n", i+1, p)
	}

	_, err = extract.FromHTML(strings.Repeat("<div>", 100_000), extract.Options{})
	fmt.Println(errors.Is(err, extract.ErrTooComplex))
	// Output:
	// 1: Talks resume…
	// 2: Negotiators from the three countries met…
	// 3: The meeting lasted nearly six hours. The…
	// true
}
