package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Alias is a pair of names a text itself declares equivalent.
type Alias struct {
	A, B string
}

// LearnAliases reads the aliases a text defines:
//
//   - a name followed by another in parentheses: "Daesh (ISIS)",
//     "ISIL (Islamic State of Iraq and the Levant)", "Hmeimim (حميميم)";
//   - an acronym in parentheses after its expansion, found with the
//     Schwartz-Hearst algorithm (Schwartz & Hearst, "A simple algorithm
//     for identifying abbreviation definitions in biomedical text", PSB
//     2003) even when the expansion is not capitalised: "the Islamic State
//     of Iraq and the Levant (ISIL)" gives {Islamic State of Iraq and the
//     Levant, ISIL};
//   - "X, also known as Y", "X, known as Y", "X a.k.a. Y", "X, formerly
//     known as Y".
//
// Parentheses holding digits, single letters or photo directions ("(R)",
// "(2nd L)") are ignored. A is the name outside the parentheses. Pairs are
// returned once each, in text order.
func LearnAliases(text string) []Alias {
	toks := tokenize(text)
	x := &extraction{m: NewMatcher(nil), text: text, toks: toks, cover: make([]int, len(toks))}
	for i := range x.cover {
		x.cover[i] = -1
	}
	x.evidence()
	x.capitalised()
	return learnAliases(text, toks, x.ms)
}

// photoWords are parenthesised captions and directions, not names.
var photoWords = setOf("l", "r", "c", "left", "right", "center", "centre",
	"top", "bottom", "front", "back", "file", "photo", "pictured", "video",
	"reuters", "afp", "ap", "xinhua", "sana", "anadolu", "tass", "epa",
	"getty", "updated", "pdf", "in arabic", "in russian", "archive")

func learnAliases(text string, toks []token, ms []Mention) []Alias {
	ms = slices.Clone(ms)
	slices.SortFunc(ms, func(a, b Mention) int { return a.Start - b.Start })
	var out []Alias
	seen := map[string]bool{}
	addPair := func(a, b string) {
		a, b = cleanAlias(a), cleanAlias(b)
		if a == "" || b == "" || a == b {
			return
		}
		ka, kb := Key(a), Key(b)
		if ka == "" || kb == "" {
			return
		}
		id := ka + "\x00" + kb
		if seen[id] {
			return
		}
		seen[id] = true
		out = append(out, Alias{A: a, B: b})
	}
	// mention ending just before position p, separated by spaces only
	mentionBefore := func(p int) (Mention, bool) {
		for k := len(ms) - 1; k >= 0; k-- {
			if ms[k].End <= p && strings.TrimSpace(text[ms[k].End:p]) == "" {
				return ms[k], true
			}
		}
		return Mention{}, false
	}
	for i, t := range toks {
		if t.kind != tPunct || !strings.HasPrefix(text[t.start:t.end], "(") && !strings.HasPrefix(text[t.start:t.end], "（") {
			continue
		}
		// the closing parenthesis on the same line, within 14 segments
		j := i + 1
		for ; j < len(toks) && j < i+30; j++ {
			if toks[j].kind == tNewline {
				j = len(toks)
				break
			}
			s := text[toks[j].start:toks[j].end]
			if strings.HasPrefix(s, ")") || strings.HasPrefix(s, "）") || strings.HasPrefix(s, "(") {
				break
			}
		}
		if j >= len(toks) || j >= i+30 || !strings.HasPrefix(text[toks[j].start:toks[j].end], ")") && !strings.HasPrefix(text[toks[j].start:toks[j].end], "）") {
			continue
		}
		inner := strings.TrimSpace(text[t.end:toks[j].start])
		if !nameLike(inner) {
			continue
		}
		open := t.start
		if acronym(inner) {
			if long := longForm(inner, text[lineStart(text, open):open]); long != "" {
				addPair(long, inner)
				continue
			}
		}
		if mn, ok := mentionBefore(open); ok {
			if acronym(mn.Surface) && !acronym(inner) {
				if lf := longForm(mn.Surface, inner); lf == "" && ScriptOf(inner) == Latin && !allCapitalised(inner) {
					continue
				}
			}
			addPair(mn.Surface, inner)
		}
	}
	// X, also known as Y
	for k := 0; k+1 < len(ms); k++ {
		if ms[k].End > ms[k+1].Start {
			continue
		}
		between := strings.ToLower(strings.Trim(text[ms[k].End:ms[k+1].Start], " ,\"“”'‘’"))
		switch between {
		case "also known as", "known as", "aka", "a.k.a.", "a.k.a", "better known as",
			"formerly known as", "formerly", "also called", "or so-called", "so-called", "also spelled", "also spelt":
			addPair(ms[k].Surface, ms[k+1].Surface)
		}
	}
	return out
}

func lineStart(text string, p int) int {
	if i := strings.LastIndexByte(text[:p], '\n'); i >= 0 {
		return i + 1
	}
	return 0
}

// cleanAlias trims a leading "the" and surrounding punctuation.
func cleanAlias(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " ,;:\"“”'‘’"))
	for _, art := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, art)
	}
	return strings.TrimSpace(s)
}

// nameLike reports parenthesised text that can be a name: letters, no
// digits, not a photo direction, at most eight words, and in Latin or
// Cyrillic script mostly capitalised.
func nameLike(s string) bool {
	if s == "" || utf8.RuneCountInString(s) < 2 || photoWords[strings.ToLower(s)] {
		return false
	}
	for _, r := range s {
		if unicode.IsDigit(r) {
			return false
		}
	}
	fs := strings.Fields(s)
	if len(fs) > 8 || !hasLetter(s) {
		return false
	}
	if sc := ScriptOf(s); sc == Latin || sc == Cyrillic {
		return allCapitalised(s)
	}
	return true
}

// allCapitalised reports whether every word but connectors starts with a
// capital.
func allCapitalised(s string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) && !connectors[strings.ToLower(f)] {
			return false
		}
	}
	return true
}

// acronym reports one word of 2–10 capitals (dots, hyphens and & allowed).
func acronym(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '-' || r == '&':
		default:
			return false
		}
	}
	return n >= 2 && n <= 10
}

// longForm finds the expansion of short among the last words of before
// (Schwartz-Hearst): the shortest word sequence ending at the end of before
// whose letters contain short's letters in order, the first at a word
// start, using at most min(len+5, 2·len) words. It returns "" if none.
func longForm(short, before string) string {
	var letters []rune
	for _, r := range short {
		if unicode.IsLetter(r) {
			letters = append(letters, unicode.ToLower(r))
		}
	}
	if len(letters) < 2 {
		return ""
	}
	ws := strings.Fields(before)
	maxW := min(len(letters)+5, 2*len(letters))
	if len(ws) > maxW {
		ws = ws[len(ws)-maxW:]
	}
	// stop at punctuation and other parentheses
	for k := len(ws) - 1; k >= 0; k-- {
		if strings.ContainsAny(ws[k], ".!?;:,()[]") {
			ws = ws[k+1:]
			break
		}
	}
	cand := []rune(strings.ToLower(strings.Join(ws, " ")))
	if len(cand) == 0 {
		return ""
	}
	si, li := len(letters)-1, len(cand)-1
	for si >= 0 {
		c := letters[si]
		for li >= 0 && (cand[li] != c || si == 0 && li > 0 && (unicode.IsLetter(cand[li-1]) || unicode.IsDigit(cand[li-1]))) {
			li--
		}
		if li < 0 {
			return ""
		}
		li--
		si--
	}
	startRune := li + 1
	// back to the start of that word
	for startRune > 0 && cand[startRune-1] != ' ' {
		startRune--
	}
	orig := []rune(strings.Join(ws, " "))
	long := strings.TrimSpace(string(orig[startRune:]))
	long = strings.TrimRight(long, " ,")
	// the expansion must not start with a lowercase word other than "the"
	if f := strings.Fields(long); len(f) == 0 || len(f) < 2 {
		return ""
	}
	return long
}
