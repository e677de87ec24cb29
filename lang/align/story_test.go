package align

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// storyDoc reads a test article of testdata/stories (text + .json
// metadata).
func storyDoc(t *testing.T, name string) Document {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "stories", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	meta, err := os.ReadFile(filepath.Join("testdata", "stories", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		ID          string `json:"id"`
		Outlet      string `json:"outlet"`
		Language    string `json:"language"`
		PublishedAt string `json:"published_at"`
	}
	if err := json.Unmarshal(meta, &m); err != nil {
		t.Fatal(err)
	}
	pub, err := time.Parse(time.RFC3339, m.PublishedAt)
	if err != nil {
		t.Fatal(err)
	}
	return makeDoc(t, m.ID, m.Outlet, m.Language, pub, string(raw))
}

func TestStories(t *testing.T) {
	docs := seedDocs(t)
	march2016 := storyDoc(t, "withdrawal-2016-03-14")
	a := fullAligner(t)
	t.Run("pairs", func(t *testing.T) {
		tests := []struct {
			x, y Document
			want bool
		}{
			{docs[0], docs[1], true}, {docs[0], docs[2], true}, {docs[0], docs[3], true},
			{docs[1], docs[2], true}, {docs[1], docs[3], true}, {docs[2], docs[3], true},
			{docs[0], docs[4], false}, {docs[1], docs[4], false}, {docs[2], docs[4], false}, {docs[3], docs[4], false},
			{docs[0], march2016, false}, {docs[1], march2016, false}, {docs[2], march2016, false},
			{docs[3], march2016, false}, {docs[4], march2016, false},
		}
		for _, tc := range tests {
			t.Run(tc.x.ID+"-"+tc.y.ID, func(t *testing.T) {
				s := a.StorySimilarity(tc.x, tc.y)
				t.Logf("StorySimilarity(%s, %s) = %.3f", tc.x.ID, tc.y.ID, s)
				if s < 0 || s > 1 {
					t.Errorf("score %.3f outside [0, 1]", s)
				}
				if got := a.SameStory(tc.x, tc.y); got != tc.want {
					t.Errorf("SameStory(%s, %s): got %v, want %v (score %.3f)", tc.x.ID, tc.y.ID, got, tc.want, s)
				}
			})
		}
	})
	t.Run("assign", func(t *testing.T) {
		// Greedy incremental assignment, as the server does on ingest.
		var stories [][]Document
		want := map[string]int{"000": 0, "001": 0, "002": 0, "003": 0, "004": 1, march2016.ID: 2}
		for _, d := range append(append([]Document{}, docs...), march2016) {
			i, s := a.AssignStory(d, stories)
			if i < 0 {
				stories = append(stories, []Document{d})
				i = len(stories) - 1
			} else {
				stories[i] = append(stories[i], d)
			}
			t.Logf("%s → story %d (score %.3f)", d.ID, i, s)
			if i != want[d.ID] {
				t.Errorf("%s: got story %d, want %d", d.ID, i, want[d.ID])
			}
		}
	})
}

func TestDateCompat(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name string
		x, y Document
		want float64
	}{
		{"same day", Document{Published: day("2017-12-11")}, Document{Published: day("2017-12-12")}, 1},
		{"months apart", Document{Published: day("2016-03-14")}, Document{Published: day("2017-12-11")}, 0},
		{"unknown", Document{}, Document{Published: day("2017-12-11")}, 1},
		{"text date after publication", Document{Passages: []Passage{{Text: "Putin visited the base on 11 December 2017.", Lang: "en"}}}, Document{Published: day("2016-03-14")}, 0},
		// A date the caller read once stands for the text.
		{"known text date", Document{TextDate: day("2017-12-11"), TextDateKnown: true}, Document{Published: day("2016-03-14")}, 0},
		{"known absence of a date", Document{Passages: []Passage{{Text: "Putin visited the base on 11 December 2017.", Lang: "en"}}, TextDateKnown: true}, Document{Published: day("2016-03-14")}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if l, ok := LatestDate(tc.x); ok && !tc.x.TextDateKnown && !l.Equal(day("2017-12-11")) {
				t.Errorf("LatestDate = %v", l)
			}
			if got := dateCompat(tc.x, tc.y); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
