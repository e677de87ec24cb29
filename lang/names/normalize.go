package names

import (
	"slices"
	"strings"
)

// Replacement is one rewrite Normalize made: the span Start:End of the
// input text held From and now holds To.
type Replacement struct {
	Start, End int
	From, To   string
	EntityID   string
}

// Normalize rewrites the mentions of known entities to the house spelling
// that preferred returns for their entity ("Hmeymim" → "Hmeimim"), and
// returns the new text with the replacements made, their spans referring
// to the input text.
//
// A partial name stays partial: with the house spelling "Sergei Shoigu",
// "Shoygu" becomes "Shoigu", not the full name.
//
// A mention is left alone when it has no entity, preferred has no
// spelling for it, it already reads so, its span does not hold its
// Surface, it overlaps an earlier mention, or the house spelling is in
// another script than the mention (Normalize does not translate). A
// Cyrillic mention whose surface differs from the house spelling only by
// a case ending (Путина against Путин) is left alone too, so grammar is
// kept.
func Normalize(text string, mentions []Mention, preferred func(entityID string) (string, bool)) (string, []Replacement) {
	ms := slices.Clone(mentions)
	slices.SortStableFunc(ms, func(a, b Mention) int { return a.Start - b.Start })
	var b strings.Builder
	var reps []Replacement
	pos := 0
	for _, mn := range ms {
		if mn.EntityID == "" || mn.Start < pos || mn.Start < 0 || mn.End > len(text) || mn.Start >= mn.End ||
			text[mn.Start:mn.End] != mn.Surface || preferred == nil {
			continue
		}
		to, ok := preferred(mn.EntityID)
		if !ok || to == "" || to == mn.Surface {
			continue
		}
		sf, st := ScriptOf(mn.Surface), ScriptOf(to)
		if sf != st {
			continue
		}
		to = partialHouse(mn.Surface, to)
		if to == mn.Surface {
			continue
		}
		if sf == Cyrillic && inflectionOf(mn.Surface, to) {
			continue
		}
		b.WriteString(text[pos:mn.Start])
		b.WriteString(to)
		reps = append(reps, Replacement{Start: mn.Start, End: mn.End, From: mn.Surface, To: to, EntityID: mn.EntityID})
		pos = mn.End
	}
	if len(reps) == 0 {
		return text, nil
	}
	b.WriteString(text[pos:])
	return b.String(), reps
}

// partialHouse keeps a partial mention partial: "Putin" against the house
// spelling "Vladimir Putin" stays Putin, "Shoygu" against "Sergei Shoigu"
// becomes Shoigu. It returns the words of to that answer the mention, or
// to itself when the mention is not a partial name.
func partialHouse(surface, to string) string {
	sw, tw := strings.Fields(surface), strings.Fields(to)
	if len(sw) >= len(tw) {
		return to
	}
	suffix := strings.Join(tw[len(tw)-len(sw):], " ")
	if Key(suffix) == Key(surface) || Same(surface, suffix) {
		return suffix
	}
	return to
}

// inflectionOf reports whether surface is an inflected form of base.
func inflectionOf(surface, base string) bool {
	s, t := strings.ToLower(surface), strings.ToLower(base)
	for _, st := range cyrStems(s) {
		if st == t || slices.Contains(cyrStems(t), st) {
			return true
		}
	}
	return false
}
