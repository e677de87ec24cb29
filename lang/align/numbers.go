package align

import (
	"fmt"
	"interlinear/lang/arabic"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormalizeDigits rewrites every Unicode decimal digit (Arabic-Indic
// ٠–٩, Extended Arabic-Indic/Persian ۰–۹, fullwidth ０–９, Devanagari, …)
// as its ASCII digit, and the Arabic decimal and thousands separators
// (U+066B, U+066C) as "." and ",". Other text is unchanged; the result is
// valid UTF-8 when the input is, and NormalizeDigits is idempotent.
func NormalizeDigits(s string) string {
	var b strings.Builder
	changed := false
	for i, r := range s {
		d, ok := digitValue(r)
		switch {
		case ok && (r < '0' || r > '9'):
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[:i])
				changed = true
			}
			b.WriteByte(byte('0' + d))
		case r == '\u066b' || r == '\u066c':
			if !changed {
				b.Grow(len(s))
				b.WriteString(s[:i])
				changed = true
			}
			if r == '\u066b' {
				b.WriteByte('.')
			} else {
				b.WriteByte(',')
			}
		case changed:
			b.WriteRune(r)
		}
	}
	if !changed {
		return s
	}
	return b.String()
}

// digitValue returns the value of a decimal digit of any script. Unicode
// lays out every decimal digit set (category Nd) as ten consecutive code
// points from zero, so the value is the distance to the start of the run
// modulo ten.
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	z := r
	for z > 0 && unicode.Is(unicode.Nd, z-1) {
		z--
	}
	return int(r-z) % 10, true
}

// numMention is one number, date or quantity found in a text: the token
// range it covers and its canonical keys, most specific first.
type numMention struct {
	tokFrom, tokTo int // token index range [from, to)
	keys           []string
	weight         float64
}

// Numbers returns the canonical forms of the numbers, dates and quantities
// in text, in order of appearance and without repeats. lang (a BCP 47 tag,
// may be empty) only decides whether "1.500" groups thousands (de, fr, es,
// it, pt, ru, tr, …) or is a decimal (en, zh, ar and unknown).
//
// Canonical forms:
//   - numbers in any digits, grouped or not, with scale words: "465,000",
//     "465 000", "٤٦٥٬٠٠٠", "465 тыс.", "46,5万" → "465000"; decimals keep
//     their fraction ("12.5"); English, French, Spanish, Russian and Arabic
//     spelled-out cardinals from two to ninety-nine ("two", "seven",
//     "forty-nine", "семь") and Chinese numerals (二十, 四十六万五千)
//     become digits. "one" is left alone (it is mostly a pronoun) unless a
//     scale word follows.
//   - dates: "30 September 2015", "September 30, 2015", "30 сентября 2015",
//     "30 سبتمبر 2015", "30 septembre 2015", "2015年9月30日", "2015-09-30",
//     "30.09.2015" → "2015-09-30", "2015-09" and "2015"; a month with a year
//     gives "2015-09" and "2015"; a day and month without year gives
//     "--09-30".
func Numbers(text, lang string) []string {
	ms := numberMentions(Tokenize(text), baseLang(lang))
	var out []string
	seen := map[string]bool{}
	for _, m := range ms {
		for _, k := range m.keys {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// months maps month names (lower case, Arabic normalised) to 1–12: English
// (full and abbreviated), French, Spanish, German, Russian (nominative,
// genitive and prepositional stems are matched by monthOf), Arabic (the
// Egyptian/Gulf names and the Levantine/Iraqi ones; the two-word Levantine
// names are handled by monthOf).
var months = func() map[string]int {
	m := map[string]int{}
	add := func(n int, names ...string) {
		for _, s := range names {
			m[arabic.Fold(s)] = n
		}
	}
	add(1, "january", "jan", "janvier", "enero", "januar", "يناير", "كانون")
	add(2, "february", "feb", "février", "fevrier", "febrero", "februar", "فبراير", "شباط")
	add(3, "march", "mar", "mars", "marzo", "märz", "مارس", "آذار")
	add(4, "april", "apr", "avril", "abril", "أبريل", "ابريل", "إبريل", "نيسان")
	add(5, "may", "mai", "mayo", "مايو", "أيار")
	add(6, "june", "jun", "juin", "junio", "juni", "يونيو", "يونيه", "حزيران")
	add(7, "july", "jul", "juillet", "julio", "juli", "يوليو", "يوليه", "تموز")
	add(8, "august", "aug", "août", "aout", "agosto", "أغسطس", "اغسطس", "آب")
	add(9, "september", "sep", "sept", "septembre", "septiembre", "سبتمبر", "أيلول")
	add(10, "october", "oct", "octobre", "octubre", "oktober", "أكتوبر", "اكتوبر", "تشرين")
	add(11, "november", "nov", "novembre", "noviembre", "نوفمبر")
	add(12, "december", "dec", "décembre", "decembre", "diciembre", "dezember", "ديسمبر")
	return m
}()

// russianMonths are stems of the Russian month names; any case ending may
// follow (сентября, сентябре, сентябрь).
var russianMonths = []string{"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"}

// monthOf returns the month named by token k (1–12) and the number of
// tokens the name takes, or 0. Arabic names may carry a one-letter
// proclitic (في سبتمبر, بسبتمبر, وسبتمبر). The Levantine كانون and تشرين
// need الأول/الثاني after them to say which month.
func monthOf(toks []Token, k int) (int, int) {
	if toks[k].Kind != Word {
		return 0, 0
	}
	w := strings.ToLower(strings.TrimSuffix(toks[k].Text, "."))
	for i, stem := range russianMonths {
		if strings.HasPrefix(w, stem) {
			rest := w[len(stem):]
			if i == 4 { // май, мая, мае
				if rest == "й" || rest == "я" || rest == "е" {
					return 5, 1
				}
				continue
			}
			if len(rest) <= 4 && (rest == "" || rest == "ь" || rest == "я" || rest == "е" || rest == "а") {
				return i + 1, 1
			}
		}
	}
	a := arabic.Fold(w)
	n, ok := months[a]
	if !ok && utf8.RuneCountInString(a) > 4 {
		for _, p := range []string{"ب", "و", "ف", "ل"} {
			if strings.HasPrefix(a, p) {
				if n2, ok2 := months[a[len(p):]]; ok2 {
					n, ok = n2, true
					break
				}
			}
		}
	}
	if !ok {
		return 0, 0
	}
	if a == "كانون" || a == "تشرين" {
		if k+1 < len(toks) {
			next := arabic.Fold(toks[k+1].Text)
			switch {
			case strings.HasSuffix(next, "الاول"):
				if a == "كانون" {
					return 12, 2
				}
				return 10, 2
			case strings.HasSuffix(next, "الثاني"):
				if a == "كانون" {
					return 1, 2
				}
				return 11, 2
			}
		}
		return 0, 0
	}
	// Three-letter English abbreviations are words too (mar, may, jun):
	// only a capitalised or dotted form counts.
	if n > 0 && (w == "may" || w == "mar" || w == "jan" || w == "jun" || w == "jul" || w == "aug" || w == "dec" || w == "sep" || w == "oct" || w == "nov" || w == "feb" || w == "apr" || w == "sept" || w == "mai") {
		if r, _ := utf8.DecodeRuneInString(toks[k].Text); !unicode.IsUpper(r) {
			return 0, 0
		}
	}
	return n, 1
}

// spelled maps spelled-out cardinals to values, per language. "one" and its
// equivalents are absent on purpose (see Numbers).
var spelled = map[string]map[string]int64{
	"en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
		"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12},
	"fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
		"onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
		"trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60},
	"es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
		"once": 11, "doce": 12, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50},
	"ru": {"два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4,
		"пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
		"девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "двадцать": 20, "двадцати": 20,
		"тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40, "пятьдесят": 50},
	"ar": {"اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4,
		"خمسه": 5, "خمس": 5, "سته": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "تسعه": 9, "تسع": 9,
		"عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50},
}

// scales maps scale words to multipliers (English, French, Spanish,
// Russian with abbreviations, Arabic, German).
var scales = map[string]int64{
	"hundred": 100, "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6,
	"billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12,
	"cent": 100, "cents": 100, "mille": 1e3, "milliers": 1e3, "milliard": 1e9, "milliards": 1e9,
	"mil": 1e3, "millón": 1e6, "millones": 1e6,
	"тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тыс": 1e3, "миллион": 1e6, "миллиона": 1e6,
	"миллионов": 1e6, "млн": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9,
	"الف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9,
	"tausend": 1e3, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
}

// groupingDotLangs write "1.500" for one thousand five hundred.
var groupingDotLangs = map[string]bool{"de": true, "fr": true, "es": true, "it": true, "pt": true,
	"nl": true, "tr": true, "id": true, "da": true, "ru": true, "uk": true, "pl": true, "cs": true, "sv": true, "no": true}

// parseDigits parses one Number token (digits of any script with inner
// separators) into a value. ok is false for malformed groupings.
func parseDigits(raw, lang string) (*big.Rat, bool) {
	s := NormalizeDigits(raw)
	type sep struct {
		pos int
		r   rune
	}
	var seps []sep
	var digits []byte
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits = append(digits, byte(r))
			continue
		}
		switch r {
		case ' ', '\u00a0', '\u2009', '\u202f', '\'', '’':
			r = ' '
		}
		seps = append(seps, sep{len(digits), r})
	}
	if len(digits) == 0 {
		return nil, false
	}
	decimalAt := -1 // number of integer digits before the decimal separator
	if len(seps) > 0 {
		last := seps[len(seps)-1]
		kinds := map[rune]int{}
		for _, sp := range seps {
			kinds[sp.r]++
		}
		after := len(digits) - last.pos
		switch {
		case len(kinds) > 1:
			// Mixed: the last separator is the decimal one (1,234.5 / 1.234,5)
			// unless it is a space.
			if last.r != ' ' {
				decimalAt = last.pos
			}
		case last.r == ' ':
			// grouping only
		case kinds[last.r] > 1:
			// 1,000,000 or 1.000.000: grouping
		case after != 3:
			decimalAt = last.pos // 12,5 / 12.25
		case last.r == '.' && !groupingDotLangs[lang]:
			decimalAt = last.pos // 1.500 in English is one and a half
		}
		// Groups after the first must have three digits when grouping.
		prev := -1
		for _, sp := range seps {
			if sp.pos == decimalAt && sp.r == last.r && sp == last {
				break
			}
			if prev >= 0 && sp.pos-prev != 3 {
				return nil, false
			}
			prev = sp.pos
		}
		if decimalAt < 0 && prev >= 0 && len(digits)-prev != 3 {
			return nil, false
		}
	}
	num := string(digits)
	v := new(big.Rat)
	if decimalAt >= 0 {
		num = num[:decimalAt] + "." + num[decimalAt:]
	}
	if _, ok := v.SetString(num); !ok {
		return nil, false
	}
	return v, true
}

// formatRat writes a value canonically: integers in plain decimal, other
// values with up to six decimals and no trailing zeros.
func formatRat(v *big.Rat) string {
	if v.IsInt() {
		return v.Num().String()
	}
	s := v.FloatString(6)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// Chinese numerals.
var (
	zhDigits = map[rune]int64{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	zhUnits  = map[rune]int64{'十': 10, '百': 100, '千': 1000}
	zhBig    = map[rune]int64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}
)

// parseZhNumeral parses a run of Chinese numeral characters (十, 二十,
// 四十六万五千, 二〇一五). It reports ok=false for runs that are not a
// number by themselves (a lone 一 is "one" or part of a word).
func parseZhNumeral(rs []rune) (int64, bool) {
	if len(rs) == 0 {
		return 0, false
	}
	// Digit-by-digit form (二〇一五).
	allDigits := true
	for _, r := range rs {
		if _, ok := zhDigits[r]; !ok {
			allDigits = false
			break
		}
	}
	if allDigits {
		if len(rs) < 2 {
			return 0, false
		}
		var v int64
		for _, r := range rs {
			v = v*10 + zhDigits[r]
		}
		return v, true
	}
	var total, section, digit int64
	for _, r := range rs {
		if d, ok := zhDigits[r]; ok {
			digit = d
			continue
		}
		if u, ok := zhUnits[r]; ok {
			if digit == 0 {
				digit = 1
			}
			section += digit * u
			digit = 0
			continue
		}
		if b, ok := zhBig[r]; ok {
			section += digit
			if section == 0 {
				section = 1
			}
			total += section * b
			section, digit = 0, 0
			continue
		}
		return 0, false
	}
	return total + section + digit, true
}

func isZhNumeralRune(r rune) bool {
	_, a := zhDigits[r]
	_, b := zhUnits[r]
	_, c := zhBig[r]
	return a || b || c
}

// numVal is a number read at some token position.
type numVal struct {
	v      *big.Rat
	from   int
	to     int
	digits int  // count of digits when written in digits, 0 when spelled
	plain  bool // digits without separators
}

// numberMentions finds the numbers, dates and quantities in a token
// sequence (see Numbers for the forms).
func numberMentions(toks []Token, lang string) []numMention {
	var out []numMention
	type val = numVal
	// valueAt reads a number starting at token k: digits (with a scale
	// word), a spelled-out cardinal (tens-units joined by a hyphen), or a
	// Chinese numeral run (with a trailing 万/亿 after digits).
	valueAt := func(k int) (val, bool) {
		if k < 0 || k >= len(toks) {
			return val{}, false
		}
		t := toks[k]
		switch t.Kind {
		case Number:
			v, ok := parseDigits(t.Text, lang)
			if !ok {
				return val{}, false
			}
			nd := 0
			plain := true
			for _, r := range t.Text {
				if _, d := digitValue(r); d {
					nd++
				} else {
					plain = false
				}
			}
			x := val{v: v, from: k, to: k + 1, digits: nd, plain: plain}
			// Chinese multiplier characters directly after digits: 1200万, 46.5万.
			if k+1 < len(toks) && toks[k+1].Kind == Han && toks[k+1].Start == t.End {
				r, _ := utf8.DecodeRuneInString(toks[k+1].Text)
				if b, ok := zhBig[r]; ok {
					x.v = new(big.Rat).Mul(v, new(big.Rat).SetInt64(b))
					x.to = k + 2
					x.plain = false
				}
			}
			if x.to < len(toks) && toks[x.to].Kind == Word {
				w := strings.ToLower(strings.TrimSuffix(toks[x.to].Text, "."))
				if m, ok := scales[arabic.Fold(w)]; ok {
					x.v = new(big.Rat).Mul(x.v, new(big.Rat).SetInt64(m))
					x.to++
					x.plain = false
					if x.to < len(toks) && toks[x.to].Text == "." {
						x.to++
					}
				}
			}
			return x, true
		case Word:
			w := arabic.Fold(strings.ToLower(t.Text))
			tab := spelled[lang]
			if tab == nil {
				tab = spelled["en"]
			}
			n, ok := tab[w]
			if !ok && (w == "one" || w == "a" || w == "un" || w == "une" || w == "один" || w == "одна") && k+1 < len(toks) {
				if _, sc := scales[strings.ToLower(toks[k+1].Text)]; sc {
					n, ok = 1, true
				}
			}
			if !ok {
				return val{}, false
			}
			x := val{v: new(big.Rat).SetInt64(n), from: k, to: k + 1}
			// forty-nine
			if n >= 20 && n%10 == 0 && k+2 < len(toks) && toks[k+1].Text == "-" {
				if u, ok := tab[strings.ToLower(toks[k+2].Text)]; ok && u < 10 {
					x.v = new(big.Rat).SetInt64(n + u)
					x.to = k + 3
				}
			}
			for x.to < len(toks) && toks[x.to].Kind == Word {
				m, sc := scales[arabic.Fold(strings.ToLower(toks[x.to].Text))]
				if !sc {
					break
				}
				x.v = new(big.Rat).Mul(x.v, new(big.Rat).SetInt64(m))
				x.to++
			}
			return x, true
		case Han:
			var rs []rune
			j := k
			for j < len(toks) && toks[j].Kind == Han {
				r, _ := utf8.DecodeRuneInString(toks[j].Text)
				if !isZhNumeralRune(r) || j > k && toks[j].Start != toks[j-1].End {
					break
				}
				rs = append(rs, r)
				j++
			}
			if len(rs) == 1 {
				// A single character counts before 年/月/日/号 and counters
				// used with numbers (十, 两 alone are fine too).
				if _, unit := zhUnits[rs[0]]; !unit && (j >= len(toks) || !strings.Contains("月日号年名人个架枚次", toks[j].Text)) {
					return val{}, false
				}
			}
			n, ok := parseZhNumeral(rs)
			if !ok {
				return val{}, false
			}
			return val{v: new(big.Rat).SetInt64(n), from: k, to: j}, true
		}
		return val{}, false
	}
	intOf := func(x val) (int64, bool) {
		if !x.v.IsInt() || !x.v.Num().IsInt64() {
			return 0, false
		}
		return x.v.Num().Int64(), true
	}
	isYear := func(x val) (int64, bool) {
		n, ok := intOf(x)
		if !ok || n < 1000 || n > 2199 || (x.digits != 4 && x.digits != 0) || !x.plain && x.digits != 0 {
			return 0, false
		}
		if x.digits == 0 {
			return 0, false
		}
		return n, true
	}
	isDay := func(x val) (int64, bool) {
		n, ok := intOf(x)
		if !ok || n < 1 || n > 31 || x.to-x.from != 1 && toks[x.from].Kind != Han {
			return 0, false
		}
		return n, true
	}
	dateKeys := func(y, m, d int64) []string {
		switch {
		case y > 0 && m > 0 && d > 0:
			return []string{fmt.Sprintf("%04d-%02d-%02d", y, m, d), fmt.Sprintf("%04d-%02d", y, m), fmt.Sprintf("%04d", y)}
		case y > 0 && m > 0:
			return []string{fmt.Sprintf("%04d-%02d", y, m), fmt.Sprintf("%04d", y)}
		case m > 0 && d > 0:
			return []string{fmt.Sprintf("--%02d-%02d", m, d)}
		}
		return nil
	}
	hanIs := func(k int, s string) bool { return k < len(toks) && toks[k].Kind == Han && toks[k].Text == s }
	punctIs := func(k int, s string) bool {
		return k < len(toks) && toks[k].Kind == Punct && strings.Contains(s, toks[k].Text)
	}

	for k := 0; k < len(toks); {
		// --mm-dd: the canonical form of a day and month without year.
		if punctIs(k, "-") && punctIs(k+1, "-") && toks[k+1].Start == toks[k].End && k+4 < len(toks) && punctIs(k+3, "-") {
			m2, ok1 := valueAt(k + 2)
			d2, ok2 := valueAt(k + 4)
			if ok1 && ok2 && m2.digits == 2 && d2.digits == 2 {
				mo, _ := intOf(m2)
				if d, ok := isDay(d2); ok && mo >= 1 && mo <= 12 {
					out = append(out, numMention{k, d2.to, dateKeys(0, mo, d), 0.8})
					k = d2.to
					continue
				}
			}
		}
		// d.m.yyyy in one token.
		if toks[k].Kind == Number && strings.Count(toks[k].Text, ".") == 2 {
			if keys, ok := dottedDate(NormalizeDigits(toks[k].Text)); ok {
				out = append(out, numMention{k, k + 1, keys, 1.2})
				k++
				continue
			}
		}
		// Dates written with a month name after a day: 30 September 2015,
		// 30 сентября 2015 г., 30 سبتمبر 2015.
		if x, ok := valueAt(k); ok {
			// ISO 2015-09-30 and 2015/09/30.
			if y, ok := isYear(x); ok && punctIs(x.to, "-/") {
				if m2, ok := valueAt(x.to + 1); ok {
					if mo, ok := intOf(m2); ok && mo >= 1 && mo <= 12 && m2.digits <= 2 {
						end := m2.to
						var d int64
						if punctIs(m2.to, "-/") {
							if d2, ok := valueAt(m2.to + 1); ok {
								if dd, ok := isDay(d2); ok && d2.digits <= 2 {
									d, end = dd, d2.to
								}
							}
						}
						out = append(out, numMention{k, end, dateKeys(y, mo, d), dateWeight(d)})
						k = end
						continue
					}
				}
			}
			// Chinese 2015年9月30日 and 九月三十日.
			if hanIs(x.to, "年") {
				if y, ok := intOf(x); ok && y >= 1000 && y <= 2199 {
					end := x.to + 1
					var mo, d int64
					if m2, ok := valueAt(end); ok && hanIs(m2.to, "月") {
						if n, ok := intOf(m2); ok && n >= 1 && n <= 12 {
							mo, end = n, m2.to+1
							if d2, ok := valueAt(end); ok && (hanIs(d2.to, "日") || hanIs(d2.to, "号")) {
								if n, ok := isDay(d2); ok {
									d, end = n, d2.to+1
								}
							}
						}
					}
					keys := dateKeys(y, mo, d)
					if keys == nil {
						keys = []string{fmt.Sprintf("%04d", y)}
					}
					out = append(out, numMention{k, end, keys, dateWeight(d)})
					k = end
					continue
				}
			}
			if hanIs(x.to, "月") {
				if mo, ok := intOf(x); ok && mo >= 1 && mo <= 12 {
					if d2, ok := valueAt(x.to + 1); ok && (hanIs(d2.to, "日") || hanIs(d2.to, "号")) {
						if d, ok := isDay(d2); ok {
							out = append(out, numMention{k, d2.to + 1, dateKeys(0, mo, d), 0.8})
							k = d2.to + 1
							continue
						}
					}
				}
			}
			// Day Month [Year].
			if d, ok := isDay(x); ok && x.to < len(toks) {
				if mo, n := monthOf(toks, x.to); mo > 0 {
					end := x.to + n
					var y int64
					if y2, ok := valueAt(end); ok {
						if yy, ok := isYear(y2); ok {
							y, end = yy, y2.to
						}
					}
					out = append(out, numMention{k, end, dateKeys(y, int64(mo), d), dateWeight(d)})
					k = end
					continue
				}
			}
			// d/m/yyyy with separate tokens.
			if d, ok := isDay(x); ok && punctIs(x.to, "/") {
				if m2, ok := valueAt(x.to + 1); ok && punctIs(m2.to, "/") {
					if y2, ok := valueAt(m2.to + 1); ok {
						mo, _ := intOf(m2)
						if y, ok := isYear(y2); ok {
							// Day first unless the first number cannot be a
							// month's day and the second can.
							if mo > 12 && d <= 12 {
								d, mo = mo, d
							}
							if mo >= 1 && mo <= 12 {
								out = append(out, numMention{k, y2.to, dateKeys(y, mo, d), 1.2})
								k = y2.to
								continue
							}
						}
					}
				}
			}
			out = append(out, numMention{x.from, x.to, []string{formatRat(x.v)}, numberWeight(x)})
			k = x.to
			continue
		}
		// Month [day][,] [year]: September 30, 2015; September 2015.
		if mo, n := monthOf(toks, k); mo > 0 {
			end := k + n
			var d, y int64
			if d2, ok := valueAt(end); ok {
				if dd, ok := isDay(d2); ok && d2.digits <= 2 && d2.digits > 0 {
					d, end = dd, d2.to
					if punctIs(end, ",") {
						if y2, ok := valueAt(end + 1); ok {
							if yy, ok := isYear(y2); ok {
								y, end = yy, y2.to
							}
						}
					} else if y2, ok := valueAt(end); ok {
						if yy, ok := isYear(y2); ok {
							y, end = yy, y2.to
						}
					}
				} else if yy, ok := isYear(d2); ok {
					y, end = yy, d2.to
				}
			}
			if keys := dateKeys(y, int64(mo), d); keys != nil {
				out = append(out, numMention{k, end, keys, dateWeight(d)})
				k = end
				continue
			}
		}
		k++
	}
	return out
}

// dottedDate parses d.m.yyyy and d/m/yyyy (day first, as written outside
// the United States, unless the first part is over 12 and the second is not).
func dottedDate(t string) ([]string, bool) {
	sep := "."
	if strings.Contains(t, "/") {
		sep = "/"
	}
	p := strings.Split(t, sep)
	if len(p) != 3 || len(p[2]) != 4 || len(p[0]) > 2 || len(p[1]) > 2 || p[0] == "" || p[1] == "" {
		return nil, false
	}
	var d, m, y int
	if _, err := fmt.Sscanf(p[0]+" "+p[1]+" "+p[2], "%d %d %d", &d, &m, &y); err != nil {
		return nil, false
	}
	if m > 12 && d <= 12 {
		d, m = m, d
	}
	if d < 1 || d > 31 || m < 1 || m > 12 || y < 1000 || y > 2199 {
		return nil, false
	}
	return []string{fmt.Sprintf("%04d-%02d-%02d", y, m, d), fmt.Sprintf("%04d-%02d", y, m), fmt.Sprintf("%04d", y)}, true
}

// dateWeight: a full date is strong evidence, a month and year less.
func dateWeight(day int64) float64 {
	if day > 0 {
		return 1.2
	}
	return 0.8
}

// numberWeight: large and precise numbers are specific (465,000; 224),
// years are common in background sentences, small numbers are everywhere.
func numberWeight(x numVal) float64 {
	if !x.v.IsInt() {
		return 1.0
	}
	n := x.v.Num()
	switch {
	case x.digits == 4 && x.plain && n.Cmp(big.NewInt(1900)) >= 0 && n.Cmp(big.NewInt(2100)) <= 0:
		return 0.7
	case n.Cmp(big.NewInt(100)) >= 0:
		return 1.0
	case n.Cmp(big.NewInt(10)) >= 0:
		return 0.6
	}
	return 0.35
}
