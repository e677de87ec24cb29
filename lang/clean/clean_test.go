package clean_test

import (
	"slices"
	"strings"
	"testing"

	"interlinear/lang/clean"
)

// seedFurniture lists, per seed file, every line of the seed that is page
// furniture, with the reason Clean must give. Every other line of the
// seeds is body text and must come out as a paragraph.
var seedFurniture = map[string]map[string]string{
	"000_74df8e2509f6f80a.txt": {
		"Global EditionASIA 中文双语Français": clean.ReasonNavigation,
		"World":                      clean.ReasonNavigation,
		"Home / World / Middle East": clean.ReasonNavigation,
		"Assad meets Putin in Syria as Russian forces close to withdrawing": clean.ReasonHeadline,
		"Xinhua | Updated: 2017-12-12 10:14":                                clean.ReasonByline,
		"Share":                                                             clean.ReasonShare,
		"Share - WeChat":                                                    clean.ReasonShare,
		"[Photo/Agencies]":                                                  clean.ReasonPhotoCredit,
		"Most Viewed in 24 Hours":                                           clean.ReasonWidget,
		"Top":                                                               clean.ReasonNavigation,
		"BACK TO THE TOP":                                                   clean.ReasonNavigation,
		"English":                                                           clean.ReasonNavigation,
		"License for publishing multimedia online 0108263": clean.ReasonCopyright,
		"Registration Number: 130349":                      clean.ReasonCopyright,
		"FOLLOW US":                                        clean.ReasonShare,
	},
	"001_fb80b004c884d67f.txt": {
		"President al-Assad meets President Putin: what the Russian military personnel have achieved will not be forgotten by the Syrian people": clean.ReasonHeadline,
		"English Bulletin": clean.ReasonNavigation,
		"Check Also":       clean.ReasonRelated,
		"Syrian boxer qualifies for semi-finals at the 19th Asian Games": clean.ReasonRelated,
	},
	"002_d390f5c56f027458.txt": {
		"fbpx":   clean.ReasonPageCode,
		"News":   clean.ReasonNavigation,
		"[ssba]": clean.ReasonPageCode,
		"Putin says some Russian forces will leave Syria": clean.ReasonHeadline,
	},
	"003_c275e6163f13a256.txt": {},
	"004_272d3a56e218638d.txt": {
		"Putin assures Assad 'all foreign armed forces' will leave Syria": clean.ReasonHeadline,
		"2 min read": clean.ReasonReadingTime,
	},
}

// seedFurniturePrefixes are furniture lines too long to list whole, by the
// words they start with.
var seedFurniturePrefixes = map[string]string{
	"Copyright 1995 - . All rights reserved.": clean.ReasonCopyright,
	"Hangzhou, SANA- Syrian boxer":            clean.ReasonRelated,
}

// TestSeedFurniture checks every line of every seed: furniture is removed
// with its reason and never survives as a paragraph, and every other line
// (headlines included when no title is given) survives whole.
func TestSeedFurniture(t *testing.T) {
	for _, a := range seedArticles(t) {
		t.Run(a.File, func(t *testing.T) {
			furniture, ok := seedFurniture[a.File]
			if !ok {
				t.Fatalf("no furniture list for %s", a.File)
			}
			d := clean.Clean(a.Text, clean.Options{Title: a.Title})
			kept := map[string]bool{}
			for _, p := range d.Paragraphs {
				kept[p.Text] = true
			}
			removed := map[string]string{}
			for _, r := range d.Removed {
				removed[r.Text] = r.Reason
			}
			for _, line := range strings.Split(a.Text, "\n") {
				line = clean.Collapse(line)
				if line == "" {
					continue
				}
				want, isFurniture := furniture[line]
				for prefix, reason := range seedFurniturePrefixes {
					if strings.HasPrefix(line, prefix) {
						want, isFurniture = reason, true
					}
				}
				// A caption loses its photo credit, which is listed apart.
				if body, credit, ok := strings.Cut(line, " [Photo/"); ok {
					if reason := furniture["[Photo/"+credit]; reason == "" {
						t.Errorf("credit %q is not listed", credit)
					}
					line = body
				}
				switch {
				case isFurniture && kept[line]:
					t.Errorf("furniture %q survives as a paragraph", line)
				case isFurniture && removed[line] != want:
					t.Errorf("%q: got reason %q, want %q", line, removed[line], want)
				case !isFurniture && !kept[line]:
					t.Errorf("body line %q is not a paragraph (removed as %q)", line, removed[line])
				}
			}
		})
	}
}

// TestSeedRepeatsRemoved checks that seed 004, whose body the scraper
// repeated, comes out with unique paragraphs and the repeats listed.
func TestSeedRepeatsRemoved(t *testing.T) {
	for _, a := range seedArticles(t) {
		d := clean.Clean(a.Text, clean.Options{Title: a.Title})
		seen := map[string]bool{}
		for _, p := range d.Paragraphs {
			key := clean.FoldQuotes(p.Text)
			if seen[key] {
				t.Errorf("%s: paragraph %q appears twice", a.File, p.Text)
			}
			seen[key] = true
		}
		repeats := 0
		for _, r := range d.Removed {
			if r.Reason == clean.ReasonRepeated {
				repeats++
				if !seen[clean.FoldQuotes(r.Text)] {
					t.Errorf("%s: %q removed as repeated but never kept", a.File, r.Text)
				}
			}
		}
		if want := map[bool]int{true: 12, false: 0}[strings.HasPrefix(a.File, "004_")]; repeats != want {
			t.Errorf("%s: got %d repeated paragraphs, want %d", a.File, repeats, want)
		}
	}
}

// TestSeedHeadlineKeptWithoutTitle checks that a headline is content when
// no title is known.
func TestSeedHeadlineKeptWithoutTitle(t *testing.T) {
	for _, a := range seedArticles(t) {
		d := clean.Clean(a.Text, clean.Options{})
		if a.File == "003_c275e6163f13a256.txt" {
			continue // the scrape has no headline
		}
		found := false
		for _, p := range d.Paragraphs {
			found = found || p.Text == a.Title
		}
		if !found {
			t.Errorf("%s: headline %q not kept without a title", a.File, a.Title)
		}
	}
}

func TestClean(t *testing.T) {
	type piece struct{ text, reason string }
	tests := []struct {
		name    string
		in      string
		title   string
		want    []string // paragraphs
		removed []piece
	}{
		{
			name: "short sentence survives at the top and the bottom",
			in:   "Putin visited Syria.\n\nHe met Assad at the Hmeimim air base on Monday.\n\nHe left.",
			want: []string{"Putin visited Syria.", "He met Assad at the Hmeimim air base on Monday.", "He left."},
		},
		{
			name:    "subheading inside the body stays",
			in:      "Putin met Assad at the air base on Monday.\nSaving Syria\nAssad thanked Putin for saving his country.\nShare",
			want:    []string{"Putin met Assad at the air base on Monday.", "Saving Syria", "Assad thanked Putin for saving his country."},
			removed: []piece{{"Share", clean.ReasonShare}},
		},
		{
			name: "wrapped prose is joined",
			in:   "Putin ordered his defence minister to prepare\nthe withdrawal of the Russian forces.\nHe then flew to Cairo.",
			want: []string{"Putin ordered his defence minister to prepare the withdrawal of the Russian forces.", "He then flew to Cairo."},
		},
		{
			name: "capitalised line after an unfinished one is not joined",
			in:   "Putin in Syria\nRussian troops will leave, the Kremlin said.",
			want: []string{"Putin in Syria", "Russian troops will leave, the Kremlin said."},
		},
		{
			name:    "title removed only at the top",
			title:   "Putin visits Syria",
			in:      "Putin visits Syria\nThe Russian president landed at the base on Monday.\nPutin visits Syria\nHe left the same day for Cairo.",
			want:    []string{"The Russian president landed at the base on Monday.", "Putin visits Syria", "He left the same day for Cairo."},
			removed: []piece{{"Putin visits Syria", clean.ReasonHeadline}},
		},
		{
			name:  "title match folds quotes and case",
			title: "Putin assures Assad ‘all foreign forces’ will leave",
			in:    "PUTIN ASSURES ASSAD 'ALL FOREIGN FORCES' WILL LEAVE\n\nThe two leaders met in Sochi on Thursday evening.",
			want:  []string{"The two leaders met in Sochi on Thursday evening."},
			removed: []piece{
				{"PUTIN ASSURES ASSAD 'ALL FOREIGN FORCES' WILL LEAVE", clean.ReasonHeadline},
			},
		},
		{
			name: "whitespace collapsed and invisible characters dropped",
			in:   "\ufeff  Putin\u00a0\u00a0visited\tthe\u200b base\u202e on\u3000Monday. \u2066x\u2069 ",
			want: []string{"Putin visited the base on Monday. x"},
		},
		{
			name: "quotes are kept as published",
			in:   "He said “they’ve never seen” such strikes, «jamais».",
			want: []string{"He said “they’ve never seen” such strikes, «jamais»."},
		},
		{
			name: "repeats compare with folded quotes",
			in:   "Russia and the regime call them “terrorists”.\nRussia and the regime call them \"terrorists\".",
			want: []string{"Russia and the regime call them “terrorists”."},
			removed: []piece{
				{"Russia and the regime call them \"terrorists\".", clean.ReasonRepeated},
			},
		},
		{
			name: "caption keeps its text, credit removed",
			in:   "The two presidents at the Hmeimim air base, Dec 11, 2017. (Photo: Reuters)\nPutin met Assad at the base on Monday.",
			want: []string{"The two presidents at the Hmeimim air base, Dec 11, 2017.", "Putin met Assad at the base on Monday."},
			removed: []piece{
				{"(Photo: Reuters)", clean.ReasonPhotoCredit},
			},
		},
		{
			name: "bracketed aside that is no credit stays",
			in:   "Russia fought Daesh (also called ISIS) in Syria (and Iraq)",
			want: []string{"Russia fought Daesh (also called ISIS) in Syria (and Iraq)"},
		},
		{
			name: "English furniture",
			in:   "Home > World > Middle East\nBy Jane Doe\nPublished 11 December 2017\n5 min read\nPutin landed at the Hmeimim base on Monday, the Kremlin said.\nREAD MORE: Putin arrives in Cairo\nAdvertisement\nAssad thanked him for the Russian help.\n© 2017 Reuters. All rights reserved.\nFollow us on Twitter",
			want: []string{"Putin landed at the Hmeimim base on Monday, the Kremlin said.", "Assad thanked him for the Russian help."},
			removed: []piece{
				{"Home > World > Middle East", clean.ReasonNavigation},
				{"By Jane Doe", clean.ReasonByline},
				{"Published 11 December 2017", clean.ReasonByline},
				{"5 min read", clean.ReasonReadingTime},
				{"READ MORE: Putin arrives in Cairo", clean.ReasonRelated},
				{"Advertisement", clean.ReasonWidget},
				{"© 2017 Reuters. All rights reserved.", clean.ReasonCopyright},
				{"Follow us on Twitter", clean.ReasonShare},
			},
		},
		{
			name: "French furniture",
			in:   "Accueil » Monde » Proche-Orient\nPartager\nMis à jour le 12/12/2017 à 10:14\nVladimir Poutine s'est rendu lundi sur la base aérienne de Hmeimim.\nLire aussi\nPoutine au Caire\nTous droits réservés",
			want: []string{"Vladimir Poutine s'est rendu lundi sur la base aérienne de Hmeimim."},
			removed: []piece{
				{"Accueil » Monde » Proche-Orient", clean.ReasonNavigation},
				{"Partager", clean.ReasonShare},
				{"Mis à jour le 12/12/2017 à 10:14", clean.ReasonByline},
				{"Lire aussi", clean.ReasonRelated},
				{"Poutine au Caire", clean.ReasonRelated},
				{"Tous droits réservés", clean.ReasonCopyright},
			},
		},
		{
			name: "Arabic article",
			in:   "الرئيسية\nمشاركة\nزار الرئيس الروسي فلاديمير بوتين قاعدة حميميم الجوية في سوريا، والتقى الرئيس بشار الأسد.\nوقال بوتين إن القوات الروسية ستعود إلى الوطن.\nاقرأ أيضا\nجميع الحقوق محفوظة © 2017",
			want: []string{"زار الرئيس الروسي فلاديمير بوتين قاعدة حميميم الجوية في سوريا، والتقى الرئيس بشار الأسد.", "وقال بوتين إن القوات الروسية ستعود إلى الوطن."},
			removed: []piece{
				{"الرئيسية", clean.ReasonNavigation},
				{"مشاركة", clean.ReasonShare},
				{"اقرأ أيضا", clean.ReasonRelated},
				{"جميع الحقوق محفوظة © 2017", clean.ReasonCopyright},
			},
		},
		{
			name: "Russian article",
			in:   "Главная / В мире\nПоделиться\nОбновлено 11 декабря 2017, 14:20\nВладимир Путин прибыл на авиабазу Хмеймим в Сирии.\nОн приказал начать вывод войск.\nЧитайте также\nВсе права защищены",
			want: []string{"Владимир Путин прибыл на авиабазу Хмеймим в Сирии.", "Он приказал начать вывод войск."},
			removed: []piece{
				{"Главная / В мире", clean.ReasonNavigation},
				{"Поделиться", clean.ReasonShare},
				{"Обновлено 11 декабря 2017, 14:20", clean.ReasonByline},
				{"Читайте также", clean.ReasonRelated},
				{"Все права защищены", clean.ReasonCopyright},
			},
		},
		{
			name: "Chinese article",
			in:   "首页 > 国际新闻\n分享到\n2017年12月11日 10:14 来源：新华社\n俄罗斯总统普京11日突访叙利亚赫梅米姆空军基地。\n普京下令俄军开始撤离叙利亚。\n相关新闻\n版权所有 中国日报网",
			want: []string{"俄罗斯总统普京11日突访叙利亚赫梅米姆空军基地。", "普京下令俄军开始撤离叙利亚。"},
			removed: []piece{
				{"首页 > 国际新闻", clean.ReasonNavigation},
				{"分享到", clean.ReasonShare},
				{"2017年12月11日 10:14 来源：新华社", clean.ReasonByline},
				{"相关新闻", clean.ReasonRelated},
				{"版权所有 中国日报网", clean.ReasonCopyright},
			},
		},
		{
			name: "Chinese headline is not navigation",
			in:   "普京突访叙利亚赫梅米姆空军基地\n俄罗斯总统普京11日突访叙利亚赫梅米姆空军基地。",
			want: []string{"普京突访叙利亚赫梅米姆空军基地", "俄罗斯总统普京11日突访叙利亚赫梅米姆空军基地。"},
		},
		{
			name: "related box mid-article keeps what follows",
			in:   "Putin landed at the Hmeimim base on Monday, the Kremlin said.\nRelated\nAssad thanked him for the help.\nThe two men then inspected the troops together. They spoke for an hour.\nThe visit ended in the evening.",
			want: []string{"Putin landed at the Hmeimim base on Monday, the Kremlin said.", "Assad thanked him for the help.", "The two men then inspected the troops together. They spoke for an hour.", "The visit ended in the evening."},
			removed: []piece{
				{"Related", clean.ReasonRelated},
			},
		},
		{
			name: "CRLF line ends",
			in:   "World\r\n\r\nPutin visited the base on Monday.\r\nHe left.\r\n",
			want: []string{"Putin visited the base on Monday.", "He left."},
			removed: []piece{
				{"World", clean.ReasonNavigation},
			},
		},
		{
			name: "empty",
			in:   " \n\n\t",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := clean.Clean(tc.in, clean.Options{Title: tc.title})
			var got []string
			for _, p := range d.Paragraphs {
				got = append(got, p.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("paragraphs:\ngot  %q\nwant %q", got, tc.want)
			}
			var gotRemoved []piece
			for _, r := range d.Removed {
				gotRemoved = append(gotRemoved, piece{r.Text, r.Reason})
			}
			if !slices.Equal(gotRemoved, tc.removed) {
				t.Errorf("removed:\ngot  %q\nwant %q", gotRemoved, tc.removed)
			}
			if err := checkDoc(d); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestFoldQuotes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"“a” „b‟ «c» 「d」 『e』 ″f″ ＂g＂", `"a" "b" "c" "d" "e" "f" "g"`},
		{"‘a’ ‚b‛ ‹c›", "'a' 'b' 'c'"},
		{"Russia’s", "Russia's"},
		{"no quotes", "no quotes"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := clean.FoldQuotes(tc.in); got != tc.want {
				t.Errorf("FoldQuotes(%+q): got %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCollapse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \t b\n\nc  ", "a b c"},
		{"a\u00a0\u2009\u3000b", "a b"},
		{"a\u200b\u200c\u200d\u200e\u200fb", "ab"},
		{"\u202aa\u202b\u202c\u202d\u202eb\u2066\u2067\u2068\u2069", "ab"},
		{"a \u200b b", "a b"},
		{"\ufeffa", "a"},
		{"a\x00b\x7f", "ab"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := clean.Collapse(tc.in); got != tc.want {
				t.Errorf("Collapse(%+q): got %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
