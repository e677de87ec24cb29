package names_test

import (
	"fmt"
	"strings"

	"interlinear/lang/names"
)

func ExampleKey() {
	for _, s := range []string{"Hmeymim", "Khmeimim", "Хмеймим", "حميميم"} {
		fmt.Println(names.Key(s))
	}
	// Output:
	// hmimim
	// hmimim
	// hmimim
	// hmimim
}

func ExampleSame() {
	fmt.Println(names.Same("Hizballah", "Hezbollah"))
	fmt.Println(names.Same("Bashar al-Assad", "بشار الأسد"))
	fmt.Println(names.Same("Iran", "Iraq"))
	fmt.Println(names.Same("Tartus", "Tartu"))
	// Output:
	// true
	// true
	// false
	// false
}

func ExampleMatcher_Extract() {
	const gaz = "id\ttype\tcanonical\ten\tar\n" +
		"hmeimim\tplace\tHmeimim\tHmeimim|Hmeymim\tحميميم\n" +
		"shoigu\tperson\tSergei Shoigu\tSergei Shoigu|Shoigu\t\n"
	g, err := names.ParseGazetteer(strings.NewReader(gaz))
	if err != nil {
		fmt.Println(err)
		return
	}
	m := names.NewMatcher(g)
	text := "Russian Defence Minister Sergey Shoygu flew to the Khmeimim air base."
	for _, mn := range m.Extract(text, "en") {
		fmt.Printf("%q %s\n", mn.Surface, mn.EntityID)
	}
	// Output:
	// "Sergey Shoygu" shoigu
	// "Khmeimim" hmeimim
}

func ExampleNormalize() {
	g, _ := names.ParseGazetteer(strings.NewReader("id\ttype\tcanonical\ten\nhmeimim\tplace\tHmeimim\tHmeimim|Hmeymim|Khmeimim\n"))
	m := names.NewMatcher(g)
	text := "Jets left the Hmeymim base for Khmeimim-based duty."
	out, reps := names.Normalize(text, m.Extract(text, "en"), func(string) (string, bool) { return "Hmeimim", true })
	fmt.Println(out)
	fmt.Println(len(reps))
	// Output:
	// Jets left the Hmeimim base for Hmeimim-based duty.
	// 2
}

func ExampleLearnAliases() {
	for _, a := range names.LearnAliases("Russia bombed the Islamic State of Iraq and the Levant (ISIL) and Daesh (ISIS).") {
		fmt.Printf("%s = %s\n", a.A, a.B)
	}
	// Output:
	// Islamic State of Iraq and the Levant = ISIL
	// Daesh = ISIS
}
