package names

import (
	"strings"
)

// Key returns the variant-aware transliteration key of a name: its
// romanisation ([Romanize]) split into words and folded so that the usual
// spelling variants of one name meet. The key is lowercase ASCII letters
// and digits, words separated by single spaces, and deterministic.
//
// Word rules, applied in order:
//
//  1. A trailing possessive "'s" is dropped and apostrophes vanish
//     ("Russia's" → russia, "Ba'ath" → baath).
//  2. Articles and particles are dropped when another word remains: the
//     Arabic article in all its assimilated spellings (al, el, ad, ed, ar,
//     as, ash, at, ath, az, ez, an, en, ul, ...), English "the", "of",
//     "and", French/Spanish de, du, des, la, le, les, d, l. So "Bashar
//     al-Assad" and "Bashar Assad" share a key, as do "Deir al-Zour" and
//     "Deir ez-Zor".
//  3. Name-forming words are unified: Abdel/Abdul/Abdal/Abd-al (also
//     fused, "Abdelaziz") → abd + rest, with Abdullah/Abdallah → abd allah;
//     ibn/ben/bn → bin; abou/abo → abu; St/Sankt/Sainte → saint.
//     Theophoric names end in allah whatever vowel precedes it
//     (Nasrullah → nasrallah, Hezbollah → hezballah).
//  4. A trailing "group", "organization" or "organisation" is dropped
//     ("Islamic State group" → islamic state).
//  5. Letters are folded by [foldWord].
//  6. Words that fold to a particle are dropped again, so Key is
//     idempotent on its own output.
func Key(name string) string {
	k := strings.Join(keyWords(name, false), " ")
	// The rules are re-applied to their own output until it is stable (a
	// fold can make a word that another rule rewrites: abdyl → abdil →
	// abd il), so Key(Key(x)) == Key(x).
	for range 3 {
		k2 := strings.Join(keyWords(k, false), " ")
		if k2 == k {
			break
		}
		k = k2
	}
	return k
}

// particles are dropped from keys when they are not the only word.
var particles = map[string]bool{
	// Arabic article, plain and assimilated to a sun letter
	"al": true, "el": true, "il": true, "ul": true, "ad": true, "ed": true, "ar": true,
	"er": true, "as": true, "es": true, "ash": true, "esh": true, "at": true,
	"et": true, "ath": true, "az": true, "ez": true, "an": true, "en": true,
	"ud": true, "adh": true,
	// English and Romance function words inside names
	"the": true, "of": true, "and": true, "de": true, "du": true, "des": true,
	"d": true, "l": true, "le": true, "la": true, "les": true,
	// the same words after foldWord (e → i, o → u, th → t)
	"id": true, "ir": true, "ish": true, "it": true, "iz": true,
	"in": true, "ti": true, "uf": true, "di": true, "dis": true, "li": true,
	"lis": true,
}

// descriptors are generic trailing words of organisation names.
var descriptors = map[string]bool{"group": true, "organization": true, "organisation": true}

// keyWords returns the words of Key; with marks, the romanisation keeps
// the 'A' markers of romanize (for comparing Arabic and Hebrew spellings).
func keyWords(name string, marks bool) []string {
	r := romanize(name, marks)
	raw := strings.FieldsFunc(r, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c == 'A')
	})
	words := raw[:0:0]
	for _, w := range raw {
		if strings.HasSuffix(w, "'s") && len(w) > 3 {
			w = w[:len(w)-2]
		}
		w = strings.ReplaceAll(w, "'", "")
		if w != "" {
			words = append(words, w)
		}
	}
	// 2. particles
	words = dropParticles(words)
	// 3. name-forming words
	var out []string
	for _, w := range words {
		switch w {
		case "ibn", "ben", "bn":
			out = append(out, "bin")
			continue
		case "abou", "abo":
			out = append(out, "abu")
			continue
		case "st", "saint", "sankt", "sainte", "ste":
			out = append(out, "saint")
			continue
		case "abdul", "abdel", "abdal", "abdol", "abdoul", "abdil", "abdur", "abdus", "abdu", "abdou", "abdelal":
			out = append(out, "abd")
			continue
		}
		if strings.HasPrefix(w, "abd") && len(w) > 5 {
			rest := abdRest(w[3:])
			if rest != "" {
				out = append(out, "abd", rest)
				continue
			}
		}
		out = append(out, w)
	}
	// "Abd Allah", "Abdullah" and "Abdallah" all give abd allah.
	for i := 1; i < len(out); i++ {
		if out[i-1] == "abd" {
			switch out[i] {
			case "lah", "llah", "ullah", "allah", "alla", "ulla", "illah", "ellah", "lla", "la":
				out[i] = "allah"
			}
		}
	}
	// theophoric names end in Allah however the vowel before it is
	// written: Nasrallah/Nasrullah, Hezbollah/Hizballah, Ruhollah.
	for i, w := range out {
		if len(w) > 6 && w != "allah" {
			for _, suf := range []string{"ullah", "ollah", "allah", "ellah", "ulla", "olla", "alla"} {
				if strings.HasSuffix(w, suf) {
					out[i] = w[:len(w)-len(suf)] + "allah"
					break
				}
			}
		}
	}
	// 4. trailing descriptors
	for len(out) > 1 && descriptors[out[len(out)-1]] {
		out = out[:len(out)-1]
	}
	// 5. letters
	folded := out[:0]
	for _, w := range out {
		if f := foldWord(w); f != "" {
			folded = append(folded, f)
		}
	}
	// 6. particles once more, on folded words
	return dropParticles(folded)
}

// abdRest splits a fused abd- name ("abdelaziz", "abdurrahman",
// "abdullah") after the article; it returns "" when w does not look like
// one.
func abdRest(rest string) string {
	for _, p := range []string{"oul", "ul", "el", "al", "ol", "il"} {
		if strings.HasPrefix(rest, p) && len(rest) >= len(p)+2 {
			return rest[len(p):]
		}
	}
	// the article assimilated to a sun letter: abd-ur-rahman
	if len(rest) >= 4 && strings.ContainsRune("aeiou", rune(rest[0])) && rest[1] == rest[2] {
		return rest[2:]
	}
	return ""
}

func dropParticles(words []string) []string {
	if len(words) < 2 {
		return words
	}
	out := words[:0:0]
	for i, w := range words {
		// keep a particle that is the last word ("Abu al") or would leave
		// nothing behind
		if particles[strings.ToLower(w)] && i < len(words)-1 {
			continue
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		return words[len(words)-1:]
	}
	return out
}

// foldWord folds the letters of one romanised word so that transliteration
// variants meet. Each rule says which variants it joins:
//
//   - tsch → ch, sch → sh (German), tch → ch (French); ch before a
//     consonant is German kh (Chruschtschow, Charkiw → h...); dzh/dj/zh
//     → j (Russian дж,
//     French dj, Russian ж against English j: Джибути/Djibouti/Jibuti).
//   - ch → sh: French and Maghrebi spellings of ش (Bachar/Bashar,
//     Chaabane/Shaaban).
//   - kh → h (Khmeimim/Hmeimim, Russian х against English h), gh → g
//     (Baghdad/Bagdad), ph → f, th → t, dh → d (Kadhafi/Kadafi).
//   - q → k, ck → k, x → ks, c → s before e/i/y and k elsewhere
//     (Iraq/Irak, Raqqa/Rakka).
//   - ou, oo → u (Tartous/Tartus, Youssef/Yusuf); w → v (Russian в
//     against English w); au → av (Shaukat/Shawkat, Daoud/Dawud).
//   - vowels fold to the three of Arabic: e → i, o → u, y → i
//     (Idleb/Idlib, Hmeymim/Hmeimim, Shoygu/Shoigu, Omar/Umar).
//   - ai → i except at the start of a word (Hussain/Hussein/Husayn,
//     Shaikh/Sheikh).
//   - a final h after a vowel is silent (Hamah/Hama, Allah/Alla).
//   - doubled letters collapse (Assad/Asad, Hizballah/Hizbalah).
func foldWord(w string) string {
	// The rules are applied until nothing changes (at most a few rounds),
	// so that folding a folded word is a no-op.
	for range 4 {
		f := foldOnce(w)
		if f == w {
			break
		}
		w = f
	}
	return w
}

func foldOnce(s string) string {
	// German ch before a consonant is kh: Chruschtschow, Michail
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 'c' && s[i+1] == 'h' && !isVowelByte(s[i+2]) && s[i+2] != 'h' && (i == 0 || s[i-1] != 's' && s[i-1] != 't') {
			s = s[:i] + "kh" + s[i+2:]
		}
	}
	for _, rp := range wordReplacements {
		if strings.Contains(s, rp[0]) {
			s = strings.ReplaceAll(s, rp[0], rp[1])
		}
	}
	b := []byte(s)
	out := make([]byte, 0, len(b)+2)
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case 'c':
			if i+1 < len(b) && (b[i+1] == 'e' || b[i+1] == 'i' || b[i+1] == 'y') {
				c = 's'
			} else {
				c = 'k'
			}
		case 'q':
			c = 'k'
		case 'x':
			out = append(out, 'k')
			c = 's'
		case 'w':
			c = 'v'
		case 'e', 'y':
			c = 'i'
		case 'o':
			c = 'u'
		}
		out = append(out, c)
	}
	// au → av (after o → u, so ao and aw meet too); ai → i inside a word
	res := out[:0]
	for i := 0; i < len(out); i++ {
		if out[i] == 'a' && i > 0 && i+1 < len(out) && out[i+1] == 'i' {
			continue
		}
		if i > 0 && out[i] == 'u' && out[i-1] == 'a' {
			res = append(res, 'v')
			continue
		}
		res = append(res, out[i])
	}
	// silent final h after a vowel
	if n := len(res); n > 2 && res[n-1] == 'h' && isVowelByte(res[n-2]) {
		res = res[:n-1]
	}
	// collapse doubled letters
	fin := res[:0]
	for i := 0; i < len(res); i++ {
		if i > 0 && res[i] == res[i-1] {
			continue
		}
		fin = append(fin, res[i])
	}
	return string(fin)
}

// wordReplacements are the multi-letter rules of foldWord, in order.
var wordReplacements = [][2]string{
	{"tsch", "ch"}, {"sch", "sh"}, {"tch", "ch"}, {"dzh", "j"}, {"dj", "j"}, {"zh", "j"},
	{"ch", "sh"}, {"kh", "h"}, {"gh", "g"}, {"ph", "f"}, {"th", "t"},
	{"dh", "d"}, {"ck", "k"}, {"ou", "u"}, {"oo", "u"},
}

func isVowelByte(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}

// Skeleton returns the consonant skeleton of a name: its [Key] without
// vowels and spaces ("Hmeimim" → "hmmm", "Bashar al-Assad" → "bshrsd").
// Arabic writes few vowels, so skeletons are what Arabic and Latin
// spellings of one name share most reliably.
func Skeleton(name string) string {
	return skeletonOfKey(Key(name))
}

func skeletonOfKey(k string) string {
	b := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c == ' ' || c == 'a' || c == 'i' || c == 'u' || c == 'A' {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}
