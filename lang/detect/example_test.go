package detect_test

import (
	"fmt"

	"interlinear/lang/detect"
)

func Example() {
	d, err := detect.New(detect.DefaultLanguages())
	if err != nil {
		panic(err)
	}
	text := "Syrian President Bashar al-Assad (بشار الأسد) met Putin."
	r := d.Detect(text)
	fmt.Println(r.Language.Code)
	for _, s := range r.Spans {
		fmt.Printf("%s %s %q\n", s.Script, s.Code, text[s.Start:s.End])
	}
	fmt.Println(d.Detect("Top").Language.Code)
	// Output:
	// en
	// Latn en "Syrian President Bashar al-Assad "
	// Arab ar "(بشار الأسد) "
	// Latn en "met Putin."
	// und
}

func ExampleParseLanguages() {
	codes, err := detect.ParseLanguages("EN, ar,ru")
	fmt.Println(codes, err)
	_, err = detect.ParseLanguages("en,xx")
	fmt.Println(err)
	// Output:
	// [en ar ru] <nil>
	// detect: unsupported language code "xx" (want a two-letter ISO 639-1 code of a language lingua supports, such as en, ar or zh)
}
