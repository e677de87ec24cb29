package names

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Entity is one gazetteer entry: a person, place, organisation or other
// named thing with its spellings in several languages.
type Entity struct {
	ID        string
	Type      string // person, place, organization or other
	Canonical string
	Spellings []Spelling
}

// Spelling is one way of writing an entity's name.
type Spelling struct {
	Text   string
	Lang   string // column of the gazetteer it came from ("en", "ar", ...)
	Script Script
}

// Entity types accepted in a gazetteer.
const (
	TypePerson       = "person"
	TypePlace        = "place"
	TypeOrganization = "organization"
	TypeOther        = "other"
)

// ErrGazetteer is wrapped by every error ParseGazetteer returns.
var ErrGazetteer = errors.New("names: invalid gazetteer")

// Gazetteer is a parsed list of entities, in file order. It is read-only
// once parsed.
type Gazetteer struct {
	entities []Entity
	byID     map[string]int
}

// ParseGazetteer reads a gazetteer in TSV: UTF-8, lines starting with "#"
// and blank lines ignored, a header line "id type canonical" followed by
// one column per language ("en ar ru zh fr" in the project's file), then
// one entity per line. A cell may hold several spellings separated by
// "|". The type is one of person, place, organization, other. The
// canonical name is a spelling too. Errors name the line, and wrap
// [ErrGazetteer].
func ParseGazetteer(r io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{byID: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var header []string
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("%w: line %d: not valid UTF-8", ErrGazetteer, line)
		}
		cols := strings.Split(text, "\t")
		if header == nil {
			if len(cols) < 3 || cols[0] != "id" || cols[1] != "type" || cols[2] != "canonical" {
				return nil, fmt.Errorf("%w: line %d: header must start with id, type, canonical; got %q", ErrGazetteer, line, text)
			}
			for i, c := range cols[3:] {
				if strings.TrimSpace(c) == "" {
					return nil, fmt.Errorf("%w: line %d: empty language name in column %d", ErrGazetteer, line, i+4)
				}
			}
			header = cols
			continue
		}
		if len(cols) > len(header) {
			return nil, fmt.Errorf("%w: line %d: %d columns, header has %d", ErrGazetteer, line, len(cols), len(header))
		}
		e := Entity{ID: strings.TrimSpace(cols[0])}
		if len(cols) > 1 {
			e.Type = strings.TrimSpace(cols[1])
		}
		if len(cols) > 2 {
			e.Canonical = strings.TrimSpace(cols[2])
		}
		switch {
		case e.ID == "":
			return nil, fmt.Errorf("%w: line %d: empty id", ErrGazetteer, line)
		case e.Canonical == "":
			return nil, fmt.Errorf("%w: line %d: entity %q has no canonical name", ErrGazetteer, line, e.ID)
		}
		switch e.Type {
		case TypePerson, TypePlace, TypeOrganization, TypeOther:
		default:
			return nil, fmt.Errorf("%w: line %d: entity %q has type %q, want person, place, organization or other", ErrGazetteer, line, e.ID, e.Type)
		}
		if _, dup := g.byID[e.ID]; dup {
			return nil, fmt.Errorf("%w: line %d: duplicate id %q", ErrGazetteer, line, e.ID)
		}
		seen := map[string]bool{}
		add := func(text, lang string) {
			text = strings.Join(strings.Fields(text), " ")
			if text == "" || seen[lang+"\x00"+text] {
				return
			}
			seen[lang+"\x00"+text] = true
			e.Spellings = append(e.Spellings, Spelling{Text: text, Lang: lang, Script: ScriptOf(text)})
		}
		for i := 3; i < len(cols); i++ {
			for _, s := range strings.Split(cols[i], "|") {
				add(s, strings.TrimSpace(header[i]))
			}
		}
		found := false
		for _, s := range e.Spellings {
			found = found || s.Text == e.Canonical
		}
		if !found {
			add(e.Canonical, "")
		}
		g.byID[e.ID] = len(g.entities)
		g.entities = append(g.entities, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %v", ErrGazetteer, line+1, err)
	}
	if header == nil {
		return nil, fmt.Errorf("%w: no header line", ErrGazetteer)
	}
	return g, nil
}

// Len returns the number of entities.
func (g *Gazetteer) Len() int {
	if g == nil {
		return 0
	}
	return len(g.entities)
}

// Entities returns a copy of the entities in file order.
func (g *Gazetteer) Entities() []Entity {
	if g == nil {
		return nil
	}
	out := make([]Entity, len(g.entities))
	for i, e := range g.entities {
		out[i] = e
		out[i].Spellings = append([]Spelling(nil), e.Spellings...)
	}
	return out
}

// Entity returns the entity with the given id.
func (g *Gazetteer) Entity(id string) (Entity, bool) {
	if g == nil {
		return Entity{}, false
	}
	i, ok := g.byID[id]
	if !ok {
		return Entity{}, false
	}
	e := g.entities[i]
	e.Spellings = append([]Spelling(nil), e.Spellings...)
	return e, true
}
