package clean_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"interlinear/internal/evaldata"
	"interlinear/lang/clean"
)

// TestRetentionOnGoldBodies runs Clean over the gold article bodies of the
// article-extraction benchmark (50 real news pages, mostly English, with
// the page around them already taken out by hand) and measures how much of
// the text it removes for a reason other than repetition (the bodies
// repeat some paragraphs, e.g. the questions of an interview series).
// Some of that is still right by Clean's rules (the gold keeps "© 2019
// Associated Press. All Rights Reserved." and "Staff Reports"), so the
// figure is an upper bound on false removals; it must stay small.
func TestRetentionOnGoldBodies(t *testing.T) {
	dir := evaldata.Dir(t, "extraction")
	f, err := os.Open(filepath.Join(dir, "ground_truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 4<<20), 4<<20)
	var total, lost, docs, sentencesLost int
	byReason := map[string]int{}
	for sc.Scan() {
		var rec struct {
			ID          string `json:"id"`
			ArticleBody string `json:"articleBody"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		d := clean.Clean(rec.ArticleBody, clean.Options{})
		docs++
		total += utf8.RuneCountInString(clean.Collapse(rec.ArticleBody))
		for _, r := range d.Removed {
			n := utf8.RuneCountInString(r.Text)
			byReason[r.Reason] += n
			if r.Reason == clean.ReasonRepeated {
				continue
			}
			if testing.Verbose() {
				t.Logf("%.8s removed (%s) %q", rec.ID, r.Reason, r.Text)
			}
			lost += n
			if n > 80 {
				sentencesLost++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	ratio := float64(lost) / float64(total)
	t.Logf("%d gold bodies, %d characters: %.4f removed other than as repeats (%d), %d of those pieces longer than 80 characters; removed by reason: %v",
		docs, total, ratio, lost, sentencesLost, byReason)
	if ratio > 0.01 || sentencesLost > 2 {
		t.Errorf("removed %.4f of the gold body text (%d pieces over 80 characters), want at most 0.01 (and 2)", ratio, sentencesLost)
	}
}
