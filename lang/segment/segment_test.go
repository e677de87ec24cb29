package segment_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"interlinear/lang/segment"
)

type sentenceCase struct {
	name string
	in   string
	want []string
}

var scriptCases = map[string][]sentenceCase{
	"en": {
		{"titles", "Mr. Putin went to St. Petersburg. Then he left.",
			[]string{"Mr. Putin went to St. Petersburg.", "Then he left."}},
		{"military ranks", "Gen. Valery Gerasimov and Lt. Col. Ivanov arrived. Dr. Smith did not.",
			[]string{"Gen. Valery Gerasimov and Lt. Col. Ivanov arrived.", "Dr. Smith did not."}},
		{"month before day", "The visit took place on Dec. 11, 2017. It was unannounced.",
			[]string{"The visit took place on Dec. 11, 2017.", "It was unannounced."}},
		{"country abbreviations", "The U.S. military said nothing. U.S. President Donald Trump did. Troops stayed in the U.S. The next day they left.",
			[]string{"The U.S. military said nothing.", "U.S. President Donald Trump did.", "Troops stayed in the U.S.", "The next day they left."}},
		{"U.N. before a name", "The U.N. Security Council met. It adjourned.",
			[]string{"The U.N. Security Council met.", "It adjourned."}},
		{"e.g. and i.e.", "Some bases, e.g. Hmeimim, stay. Others, i.e. Tartus, too.",
			[]string{"Some bases, e.g. Hmeimim, stay.", "Others, i.e. Tartus, too."}},
		{"vs.", "It was Russia vs. Turkey. Nobody won.",
			[]string{"It was Russia vs. Turkey.", "Nobody won."}},
		{"number abbreviation", "Resolution No. 2254 was cited. It passed.",
			[]string{"Resolution No. 2254 was cited.", "It passed."}},
		{"etc. before lowercase", "Tanks, jets, etc. were sent. They arrived.",
			[]string{"Tanks, jets, etc. were sent.", "They arrived."}},
		{"approx.", "The base lies approx. 20 km south. It is large.",
			[]string{"The base lies approx. 20 km south.", "It is large."}},
		{"initials", "J. R. R. Tolkien wrote it. Abdel F. el-Sisi read it.",
			[]string{"J. R. R. Tolkien wrote it.", "Abdel F. el-Sisi read it."}},
		{"decimals", "Growth was 3.5 percent. Prices rose 0.2 percent.",
			[]string{"Growth was 3.5 percent.", "Prices rose 0.2 percent."}},
		{"question and exclamation", "Will they leave? Yes! Soon.",
			[]string{"Will they leave?", "Yes!", "Soon."}},
		{"exclamation in quote before lowercase", "“Stop!” he said. She stopped.",
			[]string{"“Stop!” he said.", "She stopped."}},
		{"quote closes a sentence", "“We will win.” Putin said this on Monday.",
			[]string{"“We will win.”", "Putin said this on Monday."}},
		{"closing bracket stays", "He left (for good.) Then he came back.",
			[]string{"He left (for good.)", "Then he came back."}},
		{"sentences inside a quotation", "He said that “the task has been solved. I congratulate you. You have shown the best qualities of a Russian soldier”. Then he left.",
			[]string{"He said that “the task has been solved.", "I congratulate you.", "You have shown the best qualities of a Russian soldier”.", "Then he left."}},
		{"short quoted pieces stay together", `The sign read "Closed. Go away." and we left. They followed.`,
			[]string{`The sign read "Closed. Go away." and we left.`, "They followed."}},
		{"ascii double quotes", `He said "we go. Now." Then they went.`,
			[]string{`He said "we go. Now."`, "Then they went."}},
		{"ascii single quotes and apostrophes", "Putin assures Assad 'all foreign forces. All of them' will leave. Russia's army agrees.",
			[]string{"Putin assures Assad 'all foreign forces. All of them' will leave.", "Russia's army agrees."}},
		{"possessive apostrophe is not a quote", "The forces’ contribution was noted. The soldiers’ sacrifice too.",
			[]string{"The forces’ contribution was noted.", "The soldiers’ sacrifice too."}},
		{"line feed is a hard break", "The base is in\nthe north. It is big.",
			[]string{"The base is in", "the north.", "It is big."}},
		{"unclosed quote is ignored", "He said “hello. Then he left. She stayed.",
			[]string{"He said “hello.", "Then he left.", "She stayed."}},
	},
	"ar": {
		{"full stop question exclamation", "قال الرئيس الأسد إن التضحيات لن تنسى. هل ستنسحب القوات؟ نعم!",
			[]string{"قال الرئيس الأسد إن التضحيات لن تنسى.", "هل ستنسحب القوات؟", "نعم!"}},
		{"arabic comma does not end", "وصل بوتين إلى قاعدة حميميم، والتقى الأسد، ثم غادر.",
			[]string{"وصل بوتين إلى قاعدة حميميم، والتقى الأسد، ثم غادر."}},
		{"arabic full stop", "وصل بوتين إلى القاعدة۔ ثم غادر۔",
			[]string{"وصل بوتين إلى القاعدة۔", "ثم غادر۔"}},
		{"arabic semicolon does not end", "انسحبت القوات؛ وبقيت القاعدة. انتهى.",
			[]string{"انسحبت القوات؛ وبقيت القاعدة.", "انتهى."}},
		{"guillemets", "وقال بوتين: «لقد اتخذت قرارا. القوات ستعود». ثم غادر.",
			[]string{"وقال بوتين: «لقد اتخذت قرارا.", "القوات ستعود».", "ثم غادر."}},
		{"short quoted pieces", "وقال: «نعم. لا». ثم غادر.",
			[]string{"وقال: «نعم. لا».", "ثم غادر."}},
		{"ascii quotes", "وأضاف \"يجب علينا أن نعمل بجد\". ثم غادر القاعة.",
			[]string{"وأضاف \"يجب علينا أن نعمل بجد\".", "ثم غادر القاعة."}},
	},
	"ru": {
		{"two sentences", "Президент России Владимир Путин прибыл на авиабазу Хмеймим. Он встретился с Асадом.",
			[]string{"Президент России Владимир Путин прибыл на авиабазу Хмеймим.", "Он встретился с Асадом."}},
		{"guillemets", "Путин заявил: «Принято решение. Значительная часть контингента возвращается домой». Об этом сообщает ТАСС.",
			[]string{"Путин заявил: «Принято решение.", "Значительная часть контингента возвращается домой».", "Об этом сообщает ТАСС."}},
		{"short quoted pieces", "Он ответил: «Да. Нет». Потом ушёл.",
			[]string{"Он ответил: «Да. Нет».", "Потом ушёл."}},
		{"initials", "В. В. Путин и С. К. Шойгу прибыли в Сирию. Визит был неожиданным.",
			[]string{"В. В. Путин и С. К. Шойгу прибыли в Сирию.", "Визит был неожиданным."}},
		{"nested low quotes", "Он сказал: «Это „победа“. Всё». Потом ушёл.",
			[]string{"Он сказал: «Это „победа“. Всё».", "Потом ушёл."}},
		{"question", "Уйдут ли войска? Да, уйдут.",
			[]string{"Уйдут ли войска?", "Да, уйдут."}},
	},
	"zh": {
		{"full-width terminators", "普京周一访问了赫梅米姆空军基地。他下令撤军！这是真的吗？是的。",
			[]string{"普京周一访问了赫梅米姆空军基地。", "他下令撤军！", "这是真的吗？", "是的。"}},
		{"full-width semicolon does not end", "俄罗斯将保留基地；部分部队将撤回。",
			[]string{"俄罗斯将保留基地；部分部队将撤回。"}},
		{"quotation", "普京说：“我已经作出决定。大部分俄军将返回俄罗斯。”他随后前往埃及。",
			[]string{"普京说：“我已经作出决定。", "大部分俄军将返回俄罗斯。”", "他随后前往埃及。"}},
		{"opening quote goes with the next sentence", "他离开了。“我们会回来。”他说。",
			[]string{"他离开了。", "“我们会回来。”", "他说。"}},
		{"corner brackets", "他说「我们走。还有你。」然后离开。",
			[]string{"他说「我们走。还有你。」", "然后离开。"}},
	},
	"fr": {
		{"titles", "M. Macron a rencontré Mme. Merkel. Ils ont parlé de la Syrie.",
			[]string{"M. Macron a rencontré Mme. Merkel.", "Ils ont parlé de la Syrie."}},
		{"guillemets with no-break spaces", "Poutine a déclaré : «\u00a0La tâche est accomplie. Je vous félicite.\u00a0» Puis il est parti.",
			[]string{"Poutine a déclaré : «\u00a0La tâche est accomplie.", "Je vous félicite.\u00a0»", "Puis il est parti."}},
		{"closing guillemet before a comma", "«\u00a0Pourquoi a-t-il cédé\u00a0?\u00a0», railla-t-il. Puis il rit.",
			[]string{"«\u00a0Pourquoi a-t-il cédé\u00a0?\u00a0», railla-t-il.", "Puis il rit."}},
		{"spaced question and exclamation", "Est-ce la fin ? Oui ! Les troupes partent.",
			[]string{"Est-ce la fin ?", "Oui !", "Les troupes partent."}},
	},
	"mixed": {
		{"three scripts", "Putin visited Hmeimim (حميميم). Он улетел в Каир. 普京随后前往埃及。",
			[]string{"Putin visited Hmeimim (حميميم).", "Он улетел в Каир.", "普京随后前往埃及。"}},
		{"cyrillic name in english", "The base is called Хмеймим in Russian. It is near Latakia.",
			[]string{"The base is called Хмеймим in Russian.", "It is near Latakia."}},
		{"arabic after english", "The agency wrote it in Arabic. قال الرئيس إن القوات ستنسحب.",
			[]string{"The agency wrote it in Arabic.", "قال الرئيس إن القوات ستنسحب."}},
	},
	"seed": {
		{"000 quotation ends the sentence", `He added that "if the terrorists raised their heads again, we will deal them a blow they haven't seen before."`,
			[]string{`He added that "if the terrorists raised their heads again, we will deal them a blow they haven't seen before."`}},
		{"002 St. Petersburg", "After meeting with al-Assad, Putin flew to Cairo for talks with Egyptian President Abdel Fattah el-Sisi, where he announced that direct flights between the two countries would shortly resume, for the first time since a Russian passenger plane travelling from Sharm el-Sheikh to St. Petersburg was destroyed in mid-air, killing all 224 passengers more than two years ago.",
			[]string{"After meeting with al-Assad, Putin flew to Cairo for talks with Egyptian President Abdel Fattah el-Sisi, where he announced that direct flights between the two countries would shortly resume, for the first time since a Russian passenger plane travelling from Sharm el-Sheikh to St. Petersburg was destroyed in mid-air, killing all 224 passengers more than two years ago."}},
		{"002 semicolon inside quotation", "He went on to say: “I have taken a decision; a significant part of the Russian troop contingent located in Syria is returning home to Russia.”",
			[]string{"He went on to say: “I have taken a decision; a significant part of the Russian troop contingent located in Syria is returning home to Russia.”"}},
		{"002 three sentences", "This is not the first time Putin has declared his intention to withdraw troops from Syria. Putin said two Russian bases in the country, Hmeimim and Tartus, would continue to operate despite the draw-down. Russia has leased the Hmeimim airbase from Syria for 49 years.",
			[]string{"This is not the first time Putin has declared his intention to withdraw troops from Syria.", "Putin said two Russian bases in the country, Hmeimim and Tartus, would continue to operate despite the draw-down.", "Russia has leased the Hmeimim airbase from Syria for 49 years."}},
		{"000 caption", "Russian President Vladimir Putin (2nd L) and Syrian President Bashar al-Assad (R) visit the Hmeymim air base in Latakia, Syria Dec 11, 2017.",
			[]string{"Russian President Vladimir Putin (2nd L) and Syrian President Bashar al-Assad (R) visit the Hmeymim air base in Latakia, Syria Dec 11, 2017."}},
	},
}

func TestSentences(t *testing.T) {
	for _, script := range []string{"en", "ar", "ru", "zh", "fr", "mixed", "seed"} {
		for _, tc := range scriptCases[script] {
			t.Run(script+"/"+tc.name, func(t *testing.T) {
				got := texts(segment.Sentences(tc.in))
				if !slices.Equal(got, tc.want) {
					t.Errorf("Sentences(%+q)\ngot  %q\nwant %q", tc.in, got, tc.want)
				}
			})
		}
	}
}

func TestSentencesEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\u00a0\t\n", "\u3000"} {
		if got := segment.Sentences(in); got != nil {
			t.Errorf("Sentences(%+q): got %q, want nil", in, texts(got))
		}
	}
}

func TestSentencesSpans(t *testing.T) {
	in := "  Mr. Putin left.  Он ушёл.\u00a0 "
	got := segment.Sentences(in)
	want := []segment.Sentence{
		{Text: "Mr. Putin left.", Start: 2, End: 17},
		{Text: "Он ушёл.", Start: 19, End: 19 + len("Он ушёл.")},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func texts(ss []segment.Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

// checkInvariants reports the first violated property of Sentences(in).
func checkInvariants(in string, got []segment.Sentence) error {
	prev := 0
	covered := make([]bool, len(in))
	for i, s := range got {
		if s.Start < prev || s.End <= s.Start || s.End > len(in) {
			return fmt.Errorf("sentence %d: span [%d,%d) after %d out of order or bounds (len %d)", i, s.Start, s.End, prev, len(in))
		}
		if want := strings.TrimSpace(in[s.Start:s.End]); s.Text != want || s.Text == "" {
			return fmt.Errorf("sentence %d: got %q, want %q", i, s.Text, want)
		}
		for j := s.Start; j < s.End; j++ {
			covered[j] = true
		}
		prev = s.End
	}
	for i := 0; i < len(in); {
		r, size := utf8.DecodeRuneInString(in[i:])
		if !unicode.IsSpace(r) && !covered[i] {
			return fmt.Errorf("byte %d (%q) is in no sentence", i, in[i:i+size])
		}
		i += size
	}
	return nil
}

func FuzzSentences(f *testing.F) {
	for _, cases := range scriptCases {
		for _, tc := range cases {
			f.Add(tc.in)
		}
	}
	f.Add("“a.” ‘b. ’c „d. “ «e. » 「f。」 \"g. ' h.' i")
	f.Add("U.S.\u00a0The e.g. J. \xff. \n. x")
	f.Fuzz(func(t *testing.T, in string) {
		got := segment.Sentences(in)
		if err := checkInvariants(in, got); err != nil {
			t.Fatalf("Sentences(%+q): %v", in, err)
		}
		if utf8.ValidString(in) {
			for i, s := range got {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("Sentences(%+q): sentence %d is not valid UTF-8", in, i)
				}
			}
		}
	})
}
