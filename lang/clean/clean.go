package clean

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Doc is a cleaned article.
type Doc struct {
	// Source is the input as Clean read it: invalid UTF-8 replaced by
	// U+FFFD, carriage returns before a line feed dropped, NFC. Every
	// offset of the Doc points into it.
	Source string
	// Paragraphs are the article's paragraphs in order.
	Paragraphs []Paragraph
	// Removed are the pieces of page furniture taken out, in order.
	Removed []Removed
}

// Paragraph is one paragraph of the article body.
type Paragraph struct {
	// Text is the cleaned paragraph: Collapse(Source[Start:End]).
	Text string
	// Start and End are the byte span in Doc.Source the paragraph came
	// from.
	Start, End int
}

// Removed is a piece of text that Clean took out of the article.
type Removed struct {
	// Text is the piece, collapsed like a paragraph.
	Text string
	// Reason says why it was removed; it is one of the Reason constants.
	Reason string
	// Start and End are the byte span of the piece in Doc.Source.
	Start, End int
}

// Options tell Clean what else is known about the article.
type Options struct {
	// Title is the article's title, if known. A line equal to it before
	// the body starts is removed as ReasonHeadline, since the title is
	// shown on its own.
	Title string
}

// unit is a paragraph candidate: one line, or wrapped lines joined.
type unit struct {
	start, end int // trimmed byte span in the source
	text       string
	reason     string // why it is furniture; "" while it is content
	newBlock   bool   // a blank line or the start of the text precedes it
}

// Clean splits scraped article text into paragraphs and removes page
// furniture: navigation and menus, share buttons, bylines and datelines,
// reading times, sidebar headings, copyright and licence notices, a
// trailing box of related articles, photo credits at the end of
// captions, the headline when it repeats opt.Title, and paragraphs that
// repeat an earlier one. Each removed piece is kept in Doc.Removed with
// its reason. Headlines, standfirsts, subheadings and photo captions are
// content and stay.
//
// Paragraphs are separated by blank lines or, in one-paragraph-per-line
// text, by line breaks; a line that does not end in sentence punctuation
// and is followed by one starting with a lowercase letter is wrapped
// prose and joined to it.
//
// The rules, in order:
//  1. Lines that are furniture wherever they stand: curated menu, share,
//     sidebar and related-box phrases in English, French, Arabic, Russian
//     and Chinese ("Top", "Share", "Partager", "مشاركة", "Поделиться",
//     "分享"), page code ("[ssba]", "fbpx"), reading times, copyright and
//     licence notices, bylines and datelines, photo credits.
//  2. A related-articles heading ("Check Also", "Read more", "Lire aussi",
//     "Читайте также", "اقرأ أيضا", "相关新闻") in the second half of the
//     text takes with it everything after it, provided that is only
//     headlines and one-sentence teasers up to the end of the text.
//  3. The body runs from the first to the last paragraph that is a
//     sentence (sentence punctuation, four words or more). Before and
//     after it, lines without sentence punctuation of one or two words
//     ("World", "News", "English Bulletin"), breadcrumbs ("Home / World /
//     Middle East") and language switches ("Global Edition 中文 Français")
//     are navigation, and before it a line equal to opt.Title is the
//     repeated headline. Inside the body only rule 1 removes anything, so
//     subheadings and short sentences stay.
//  4. A paragraph equal to an earlier one (compared with white space
//     collapsed and quotes folded) is removed as repeated.
func Clean(src string, opt Options) Doc {
	source := normalizeSource(src)
	units := splitUnits(source)
	var removed []Removed

	// Photo credits at the end of captions become removed pieces of their
	// own; the caption keeps the rest.
	for i := range units {
		u := &units[i]
		if u.reason != "" {
			continue
		}
		at := -1
		if r, _ := utf8.DecodeLastRuneInString(u.text); strings.ContainsRune(")]）】", r) {
			at = creditAt(source[u.start:u.end])
		}
		switch {
		case at < 0:
		case strings.TrimFunc(source[u.start:u.start+at], trimmable) == "":
			u.reason = ReasonPhotoCredit
		default:
			cs, ce := trimSpan(source, u.start+at, u.end)
			removed = append(removed, Removed{Text: Collapse(source[cs:ce]), Reason: ReasonPhotoCredit, Start: cs, End: ce})
			u.start, u.end = trimSpan(source, u.start, u.start+at)
			u.text = Collapse(source[u.start:u.end])
		}
	}

	markRelatedBoxes(units, len(source))
	markEdges(units, matchKey(opt.Title))

	seen := map[string]bool{}
	var doc Doc
	doc.Source = source
	for _, u := range units {
		if u.reason == "" {
			key := FoldQuotes(u.text)
			if seen[key] {
				u.reason = ReasonRepeated
			}
			seen[key] = true
		}
		if u.reason == "" {
			doc.Paragraphs = append(doc.Paragraphs, Paragraph{Text: u.text, Start: u.start, End: u.end})
		} else {
			removed = append(removed, Removed{Text: u.text, Reason: u.reason, Start: u.start, End: u.end})
		}
	}
	sort.Slice(removed, func(i, j int) bool { return removed[i].Start < removed[j].Start })
	doc.Removed = removed
	return doc
}

// splitUnits cuts source into lines, classifies each line on its own
// (rule 1) and joins wrapped prose lines into one unit.
func splitUnits(source string) []unit {
	var units []unit
	newBlock := true
	joinable := false // the last unit is content that may continue
	for pos := 0; pos <= len(source); {
		eol := strings.IndexByte(source[pos:], '\n')
		if eol < 0 {
			eol = len(source)
		} else {
			eol += pos
		}
		start, end := trimSpan(source, pos, eol)
		pos = eol + 1
		if start == end {
			newBlock, joinable = true, false
			continue
		}
		text := Collapse(source[start:end])
		reason := lineReason(text)
		if joinable && reason == "" && !newBlock && startsLower(text) {
			last := &units[len(units)-1]
			last.end = end
			last.text = Collapse(source[last.start:end])
			joinable = !endsSentence(last.text)
			continue
		}
		units = append(units, unit{start: start, end: end, text: text, reason: reason, newBlock: newBlock})
		newBlock = false
		joinable = reason == "" && !endsSentence(text)
	}
	return units
}

// markRelatedBoxes applies rule 2: a related-articles heading in the
// second half of the text removes the headlines and teasers after it when
// they run to the end of the text.
func markRelatedBoxes(units []unit, size int) {
	for i, u := range units {
		if !isRelatedMarker(u.text) || u.start < size/2 {
			continue
		}
		j := i + 1
		for j < len(units) && (units[j].reason != "" || isTeaser(units[j].text)) {
			j++
		}
		if j < len(units) {
			continue
		}
		for k := i + 1; k < len(units); k++ {
			if units[k].reason == "" {
				units[k].reason = ReasonRelated
			}
		}
		return
	}
}

// isTeaser reports whether text could be a headline or teaser in a box of
// related articles: at most one sentence and at most 300 characters. A
// teaser is often cut off with an ellipsis.
func isTeaser(text string) bool {
	return utf8.RuneCountInString(text) <= 300 && sentenceEnds(text) <= 1
}

// sentenceEnds counts the sentence punctuation marks of text that are
// followed by white space or the end of the text.
func sentenceEnds(text string) int {
	n := 0
	prevEnd := false
	for _, r := range text {
		if prevEnd && isSpace(r) {
			n++
		}
		prevEnd = strings.ContainsRune(".!?…。！？؟۔", r)
	}
	if prevEnd {
		n++
	}
	return n
}

// markEdges applies rule 3 to the content before the first and after the
// last sentence of the body.
func markEdges(units []unit, title string) {
	first, last := len(units), -1
	for i, u := range units {
		if u.reason == "" && endsSentence(u.text) && words(u.text) >= 4 {
			first = min(first, i)
			last = i
		}
	}
	for i := range units {
		u := &units[i]
		if u.reason != "" || (i >= first && i <= last) {
			continue
		}
		switch {
		case i < first && title != "" && matchKey(u.text) == title:
			u.reason = ReasonHeadline
		case endsSentence(u.text):
		case words(u.text) <= 2, isBreadcrumb(u.text), isLanguageSwitch(u.text):
			u.reason = ReasonNavigation
		}
	}
}

// isBreadcrumb reports a trail of short items joined by separators:
// "Home / World / Middle East", "News > Politics", "Accueil » Monde".
func isBreadcrumb(text string) bool {
	parts := breadcrumbSep.Split(text, -1)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if n := words(p); n == 0 || n > 3 {
			return false
		}
	}
	return true
}

// isLanguageSwitch reports a row of links to the site's other language
// editions, which names at least two languages in their own script:
// "Global EditionASIA 中文双语Français", "English | Français | العربية".
func isLanguageSwitch(text string) bool {
	if words(text) > 8 {
		return false
	}
	n := 0
	for _, name := range [...]string{
		"English", "Français", "Español", "Deutsch", "Italiano", "Português",
		"Русский", "Українська", "العربية", "فارسی", "Türkçe", "עברית",
		"中文", "简体", "繁體", "日本語", "한국어",
	} {
		if strings.Contains(text, name) {
			n++
		}
	}
	return n >= 2
}

// trimmable reports the characters trimmed off the ends of a span.
func trimmable(r rune) bool { return isSpace(r) || isInvisible(r) }

// trimSpan narrows source[start:end] to exclude white space and invisible
// characters at either end.
func trimSpan(source string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(source[start:end])
		if !trimmable(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(source[start:end])
		if !trimmable(r) {
			break
		}
		end -= size
	}
	return start, end
}

// startsLower reports whether text begins with a lowercase letter.
func startsLower(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsLower(r)
}
