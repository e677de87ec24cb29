package clean_test

import (
	"fmt"

	"interlinear/lang/clean"
)

func ExampleClean() {
	src := "World\n\nPutin visits Syria\n\nPutin visited the Hmeimim air base on Monday.\nShare\n"
	d := clean.Clean(src, clean.Options{Title: "Putin visits Syria"})
	for _, p := range d.Paragraphs {
		fmt.Printf("%q from %q\n", p.Text, d.Source[p.Start:p.End])
	}
	for _, r := range d.Removed {
		fmt.Printf("removed %q: %s\n", r.Text, r.Reason)
	}
	// Output:
	// "Putin visited the Hmeimim air base on Monday." from "Putin visited the Hmeimim air base on Monday."
	// removed "World": site navigation
	// removed "Putin visits Syria": headline repeated from the title
	// removed "Share": share or follow buttons
}

func ExampleFoldQuotes() {
	fmt.Println(clean.FoldQuotes("Russia’s «victory» “they’ve never seen”"))
	// Output:
	// Russia's "victory" "they've never seen"
}
