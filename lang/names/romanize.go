package names

import (
	"interlinear/lang/arabic"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

// Romanize writes s in lowercase ASCII letters, digits, spaces, hyphens
// and apostrophes, whatever its script:
//
//   - Latin: canonical decomposition (NFD) with combining marks removed, so
//     "Erdoğan" → "erdogan"; letters that do not decompose (ß, ø, ł, æ, ı)
//     go through go-unidecode.
//   - Cyrillic: a BGN/PCGN-like table (х → kh, й → y, ц → ts, ч → ch,
//     ш → sh, щ → shch, ж → zh, ю → yu, я → ya, ы → y, ъ ь dropped); е and
//     ё are "ye"/"yo" at the start of a word and after a vowel, ъ or ь, so
//     "Хмеймим" → "khmeymim", "Шойгу" → "shoygu", "Ельцин" → "yeltsin".
//   - Arabic (and Persian/Urdu letters): harakat U+064B–U+065F, U+0670
//     and tatweel U+0640 are dropped; the definite article ال at the start
//     of a word is written "al-"; أ آ ٱ are "a" and إ is "i" (for matching
//     they all fold to ا, see normArabic); ى is "a"; ة is "ah" at the end of
//     a word and "at" inside one; و and ي are "w"/"y" at the start of a word,
//     after a vowel or before ا, and "u"/"i" between consonants, so
//     "حميميم" → "hmimim" and "بشار الأسد" → "bshar al-asd". Short vowels are
//     not written in Arabic, so the result lacks them; [Similarity] allows
//     for that.
//   - Hebrew: a letter table with the same consonant/vowel rule for ו and י;
//     a geresh after ג ז צ ת gives j, zh, ch, th.
//   - Han: toneless pinyin from go-pinyin, syllables joined ("普京" →
//     "pujing"), with the initials x, q, c, zh respelt s, ch, ts, j (see
//     pinyinInitial); the name separator "·" becomes a space.
//   - any other script: go-unidecode.
//
// Typographic apostrophes and ʿ ʾ become "'", dashes become "-", other
// punctuation is kept if ASCII and dropped otherwise; runs of spaces are
// collapsed. Romanize is deterministic and never fails.
func Romanize(s string) string { return romanize(s, false) }

// romanize is Romanize; with marks, Arabic ع and hamza, and Hebrew א and
// ע, are written as the marker 'A' (a consonant Latin spellings render as
// a vowel or leave out; see costModel), and so is an alef that opens a
// word. Marked romanisations are only compared, never shown.
func romanize(s string, marks bool) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	rs := []rune(norm.NFC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); {
		r := rs[i]
		sc := scriptOfRune(r)
		if sc == "" {
			writeOther(&b, r)
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && (scriptOfRune(rs[j]) == sc || unicode.Is(unicode.Mn, rs[j]) ||
			sc == Hebrew && isGeresh(rs[j]) && j > i && strings.ContainsRune("גזצתץ", rs[j-1])) {
			j++
		}
		run := rs[i:j]
		switch sc {
		case Latin:
			romanLatin(&b, run)
		case Cyrillic:
			romanCyrillic(&b, run)
		case Arabic:
			romanArabic(&b, run, marks)
		case Hebrew:
			romanHebrew(&b, run, marks)
		case Han:
			romanHan(&b, run)
		default:
			writeASCII(&b, unidecode.Unidecode(string(run)))
		}
		i = j
	}
	return collapseSpaces(b.String())
}

// writeOther writes a non-letter rune.
func writeOther(b *strings.Builder, r rune) {
	switch {
	case r < 0x80:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			r = ' '
		}
		if r >= 0x20 && r < 0x7f {
			b.WriteRune(r)
		}
	case unicode.IsSpace(r):
		b.WriteByte(' ')
	case isApostrophe(r):
		b.WriteByte('\'')
	case unicode.Is(unicode.Pd, r):
		b.WriteByte('-')
	case r == '·' || r == '・' || r == '•' || r == '‧':
		b.WriteByte(' ')
	case unicode.IsDigit(r):
		if d := unicode.ToLower(r); d >= 0x660 && d <= 0x669 {
			b.WriteByte(byte('0' + d - 0x660))
		} else if d >= 0x6f0 && d <= 0x6f9 {
			b.WriteByte(byte('0' + d - 0x6f0))
		} else {
			writeASCII(b, unidecode.Unidecode(string(r)))
		}
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Cf, r):
		// stray combining marks and format characters (ZWJ, RLM) vanish
	}
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´', 'ʹ', '′':
		return true
	}
	return false
}

func isGeresh(r rune) bool { return r == '\'' || r == '׳' || r == '’' }

// writeASCII appends the printable ASCII of s, lowercased.
func writeASCII(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == '\t' || c == '\n' || c == '\r' {
			c = ' '
		}
		if c >= 0x20 && c < 0x7f {
			b.WriteByte(c)
		}
	}
}

func collapseSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(s[i])
	}
	return b.String()
}

// latinSpecial covers Latin letters that NFD does not decompose.
var latinSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d",
	'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŋ': "ng",
	'ʿ': "'", 'ʾ': "'", 'ʻ': "'", 'ʼ': "'",
	'ç': "s", 'Ç': "s", // French cedilla: Fayçal is Faysal, not Faykal
}

func romanLatin(b *strings.Builder, run []rune) {
	for i, r := range run {
		if s, ok := latinSpecial[r]; ok && (r == 'ç' || r == 'Ç') {
			b.WriteString(s)
			continue
		}
		romanLatinRune(b, run[i:i+1])
	}
}

func romanLatinRune(b *strings.Builder, run []rune) {
	for _, r := range norm.NFD.String(string(run)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 0x80:
			writeASCII(b, string(r))
		default:
			if s, ok := latinSpecial[r]; ok {
				b.WriteString(s)
			} else {
				writeASCII(b, unidecode.Unidecode(string(r)))
			}
		}
	}
}

// cyrillicTable is BGN/PCGN for Russian with Ukrainian, Belarusian and
// Serbian/Macedonian letters added; е and ё are handled in romanCyrillic.
var cyrillicTable = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya",
	'є': "ye", 'і': "i", 'ї': "yi", 'ґ': "g", 'ў': "w",
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz",
	'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
}

func isCyrVowel(r rune) bool { return strings.ContainsRune("аеёиоуыэюяєіїaeiouy", r) }

func romanCyrillic(b *strings.Builder, run []rune) {
	prev := rune(0) // previous Cyrillic letter, 0 at the start of a word
	for _, r := range run {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining breve (и + ̆) is folded by NFC before
		}
		r = unicode.ToLower(r)
		switch r {
		case 'е', 'ё':
			v := "e"
			if r == 'ё' {
				v = "o"
			}
			// BGN/PCGN: ye/yë at the start, after a vowel, й, ъ or ь.
			if prev == 0 || isCyrVowel(prev) || prev == 'й' || prev == 'ъ' || prev == 'ь' {
				b.WriteString("y" + v)
			} else if r == 'ё' && !strings.ContainsRune("жчшщц", prev) {
				b.WriteString("yo")
			} else {
				b.WriteString(v)
			}
		default:
			if s, ok := cyrillicTable[r]; ok {
				b.WriteString(s)
			} else {
				writeASCII(b, unidecode.Unidecode(string(r)))
			}
		}
		prev = r
	}
}

// arabicConsonants maps Arabic-script consonants; ا و ي ى ة and the
// hamza seats are handled in romanArabic.
var arabicConsonants = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d",
	'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d",
	'ط': "t", 'ظ': "z", 'ع': "'", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k",
	'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'ء': "'", 'ئ': "'", 'ؤ': "'",
	// Persian, Urdu and Maghrebi letters
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ک': "k", 'ڤ': "v", 'ڨ': "g",
	'ڭ': "ng", 'ھ': "h", 'ہ': "h", 'ۀ': "h", 'ٹ': "t", 'ڈ': "d", 'ڑ': "r",
	'ں': "n",
}

func romanArabic(b *strings.Builder, run []rune, marks bool) {
	w := make([]rune, 0, len(run))
	for _, r := range run {
		if !arabic.IsMark(r) {
			w = append(w, r)
		}
	}
	// the name of God, alone or closing a word (الله, عبدالله)
	if ws := string(w); strings.HasSuffix(ws, "الله") {
		if pre := w[:len(w)-4]; len(pre) > 0 {
			romanArabic(b, pre, marks)
			b.WriteByte(' ')
		}
		b.WriteString("allah")
		return
	}
	i := 0
	if len(w) >= 4 && w[0] == 'ا' && w[1] == 'ل' {
		b.WriteString("al-")
		i = 2
	}
	vowel := false // whether the last letter written was a vowel
	start := i
	for ; i < len(w); i++ {
		r := w[i]
		next := rune(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch r {
		case 'ا', 'أ', 'آ', 'ٱ', 'إ':
			if i == start && next == 'و' && i+2 < len(w) && !isArabicVowelLetter(w[i+2]) {
				b.WriteByte('u') // أو + consonant: the waw is the vowel (أوباما)
				i++
				vowel = true
				continue
			}
			switch {
			case marks && i == start:
				b.WriteByte('A') // an opening alef carries any vowel
			case r == 'إ':
				b.WriteByte('i')
			default:
				b.WriteByte('a')
			}
			vowel = true
		case 'ى':
			b.WriteByte('a')
			vowel = true
		case 'ة':
			if i == len(w)-1 {
				b.WriteString("ah")
			} else {
				b.WriteString("at")
			}
			vowel = false
		case 'و', 'ي', 'ی', 'ې', 'ے':
			glide, v := "w", "u"
			if r != 'و' {
				glide, v = "y", "i"
			}
			// A glide at the start of a word, after a vowel or before
			// alef; a long vowel between consonants.
			if i == start || vowel || next == 'ا' || next == 'أ' || next == 'آ' {
				b.WriteString(glide)
				vowel = false
			} else {
				b.WriteString(v)
				vowel = true
			}
		default:
			if s, ok := arabicConsonants[r]; ok {
				if marks && s == "'" {
					s = "A"
				}
				b.WriteString(s)
			} else {
				writeASCII(b, unidecode.Unidecode(string(r)))
			}
			vowel = false
		}
	}
}

func isArabicVowelLetter(r rune) bool {
	return r == 'ا' || r == 'و' || r == 'ي' || r == 'ى' || r == 'أ' || r == 'آ'
}

// hebrewLetters maps Hebrew consonants; א ו י ע and final ה are handled
// in romanHebrew.
var hebrewLetters = map[rune]string{
	'ב': "b", 'ג': "g", 'ד': "d", 'ה': "h", 'ז': "z", 'ח': "kh", 'ט': "t",
	'כ': "k", 'ך': "kh", 'ל': "l", 'מ': "m", 'ם': "m", 'נ': "n", 'ן': "n",
	'ס': "s", 'פ': "p", 'ף': "f", 'צ': "ts", 'ץ': "ts", 'ק': "k", 'ר': "r",
	'ש': "sh", 'ת': "t",
}

// hebrewGeresh gives the sounds a geresh marks on foreign names.
var hebrewGeresh = map[rune]string{'ג': "j", 'ז': "zh", 'צ': "ch", 'ץ': "ch", 'ת': "th"}

func romanHebrew(b *strings.Builder, run []rune, marks bool) {
	w := make([]rune, 0, len(run))
	for _, r := range run {
		if !unicode.Is(unicode.Mn, r) {
			w = append(w, r)
		}
	}
	vowel := false
	for i := 0; i < len(w); i++ {
		r := w[i]
		next := rune(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		if s, ok := hebrewGeresh[r]; ok && isGeresh(next) {
			b.WriteString(s)
			i++
			vowel = false
			continue
		}
		switch r {
		case 'א':
			if marks {
				b.WriteByte('A')
			} else {
				b.WriteByte('a')
			}
			vowel = true
		case 'ע':
			switch {
			case marks:
				b.WriteByte('A')
				vowel = i == 0
			case i == 0:
				b.WriteByte('a')
				vowel = true
			default:
				b.WriteByte('\'')
				vowel = false
			}
		case 'ה':
			if i == len(w)-1 && i > 0 {
				b.WriteByte('a') // final he marks a vowel
				vowel = true
			} else {
				b.WriteByte('h')
				vowel = false
			}
		case 'ו', 'י':
			glide, v := "v", "o"
			if r == 'י' {
				glide, v = "y", "i"
			}
			if next == r { // doubled: וו is v, יי is y
				b.WriteString(glide)
				i++
				vowel = false
				continue
			}
			if i == 0 || vowel || next == 'א' {
				b.WriteString(glide)
				vowel = false
			} else {
				b.WriteString(v)
				vowel = true
			}
		default:
			if isGeresh(r) {
				continue
			}
			if s, ok := hebrewLetters[r]; ok {
				b.WriteString(s)
			} else {
				writeASCII(b, unidecode.Unidecode(string(r)))
			}
			vowel = false
		}
	}
}

func romanHan(b *strings.Builder, run []rune) {
	a := pinyin.NewArgs() // Normal style: no tones
	a.Fallback = func(r rune, _ pinyin.Args) []string {
		return []string{strings.ToLower(unidecode.Unidecode(string(r)))}
	}
	for _, syl := range pinyin.LazyPinyin(string(run), a) {
		writeASCII(b, pinyinInitial(syl))
	}
}

// pinyinInitial respells the pinyin initials that stand for other sounds
// than the Latin letter: x (ɕ) → s, q (tɕʰ) → ch, c (tsʰ) → ts, zh → j,
// and ü (written v) → u, so that 叙利亚 reads "sulia" against "Syria".
func pinyinInitial(syl string) string {
	syl = strings.ReplaceAll(syl, "v", "u")
	switch {
	case strings.HasPrefix(syl, "zh"):
		return "j" + syl[2:]
	case strings.HasPrefix(syl, "ch"), strings.HasPrefix(syl, "sh"):
		return syl
	case strings.HasPrefix(syl, "x"):
		return "s" + syl[1:]
	case strings.HasPrefix(syl, "q"):
		return "ch" + syl[1:]
	case strings.HasPrefix(syl, "c"):
		return "ts" + syl[1:]
	}
	return syl
}
