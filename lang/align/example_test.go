package align_test

import (
	"fmt"

	"interlinear/lang/align"
)

func ExampleNumbers() {
	fmt.Println(align.Numbers("Russia started its intervention on 30 September 2015.", "en"))
	fmt.Println(align.Numbers("بدأت روسيا عمليتها في ٣٠ سبتمبر ٢٠١٥", "ar"))
	fmt.Println(align.Numbers("2015年9月30日，约四十六万五千人", "zh"))
	// Output:
	// [2015-09-30 2015-09 2015]
	// [2015-09-30 2015-09 2015]
	// [2015-09-30 2015-09 2015 465000]
}

func ExampleWordDiff() {
	for _, op := range align.WordDiff("Putin ordered the withdrawal of Russian forces.", "Putin ordered the partial withdrawal of Russian troops.") {
		fmt.Printf("%s %q\n", op.Op, op.Text)
	}
	// Output:
	// equal "Putin ordered the "
	// insert "partial "
	// equal "withdrawal of Russian "
	// delete "forces"
	// insert "troops"
	// equal "."
}

func ExampleAligner_Align() {
	// Without lexical resources the aligner still links passages through
	// entities, numbers and shared stems.
	a := align.New()
	docs := []align.Document{
		{ID: "a", Lang: "en", Passages: []align.Passage{
			{ID: "1", Text: "Russia entered the war in Syria in September 2015.", Lang: "en", Entities: []string{"russia", "syria"}},
			{ID: "2", Text: "Egypt signed a deal for a nuclear plant.", Lang: "en", Entities: []string{"egypt"}},
		}},
		{ID: "b", Lang: "en", Passages: []align.Passage{
			{ID: "1", Text: "Russia's intervention in the Syrian war began in September 2015.", Lang: "en", Entities: []string{"russia", "syria"}},
		}},
	}
	res := a.Align(docs, a.DefaultThreshold())
	for _, l := range res.Links {
		fmt.Println(l.A, l.B, l.Evidence.Numbers)
	}
	// Output:
	// {a 1} {b 1} [2015-09]
}
