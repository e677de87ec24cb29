package segment_test

import (
	"fmt"

	"interlinear/lang/segment"
)

func ExampleSentences() {
	p := "Mr. Putin flew to St. Petersburg on Dec. 12. He said: “I have taken a decision.” 普京随后前往埃及。"
	for _, s := range segment.Sentences(p) {
		fmt.Printf("[%d:%d] %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// [0:44] Mr. Putin flew to St. Petersburg on Dec. 12.
	// [45:84] He said: “I have taken a decision.”
	// [85:112] 普京随后前往埃及。
}
