package segment_test

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"interlinear/internal/evaldata"
	"interlinear/lang/segment"
)

var showMisses = flag.Bool("misses", false, "log every boundary TestSentencesNTREX misses or adds")

// ntrexColumns are the NTREX-128 newstest2019 columns measured, with the
// separator that joins two sentences in running text of that language and
// the least boundary precision and recall the segmenter must reach.
var ntrexColumns = []struct {
	lang, column, sep string
	minP, minR        float64
}{
	{"en", "eng", " ", 0.99, 0.99},
	{"ar", "arb", " ", 0.98, 0.98},
	{"ru", "rus", " ", 0.92, 0.98},
	{"zh", "zho_CN", "", 0.92, 0.96},
	{"fr", "fra", " ", 0.92, 0.97},
}

// TestSentencesNTREX rebuilds running text from the sentence-per-line news
// documents of NTREX (32 documents translated into each language), splits
// it again, and measures how many sentence boundaries come back.
//
// The gold boundaries are the line ends of each document from its second
// line on (the first is the headline) whose line ends in sentence
// punctuation, possibly followed by closing quotes or brackets; a line end
// without punctuation cannot be found from the text alone. Precision
// counts every break the segmenter makes; some lines hold more than one
// sentence, so a perfect segmenter scores a little under 1.
func TestSentencesNTREX(t *testing.T) {
	dir := evaldata.Dir(t, "parallel")
	docs := readNTREX(t, filepath.Join(dir, "ntrex_newstest2019_dev.tsv"))
	for _, col := range ntrexColumns {
		t.Run(col.lang, func(t *testing.T) {
			var gold, found, made int
			for _, lines := range docs[col.column] {
				if len(lines) < 2 {
					continue
				}
				lines = lines[1:]
				var b strings.Builder
				want := map[int]bool{}
				for i, l := range lines {
					if i > 0 {
						b.WriteString(col.sep)
					}
					b.WriteString(l)
					if i < len(lines)-1 && endsSentence(l) {
						want[b.Len()] = true
					}
				}
				gold += len(want)
				got := segment.Sentences(b.String())
				gotEnds := map[int]bool{}
				for _, s := range got[:len(got)-1] {
					made++
					gotEnds[s.End] = true
					if want[s.End] {
						found++
					} else if *showMisses {
						t.Logf("EXTRA %q | %q", tail(b.String()[:s.End], 60), head(b.String()[s.End:], 40))
					}
				}
				if *showMisses {
					for w := range want {
						if !gotEnds[w] {
							t.Logf("MISS %q | %q", tail(b.String()[:w], 60), head(b.String()[w:], 40))
						}
					}
				}
			}
			p, r := float64(found)/float64(made), float64(found)/float64(gold)
			t.Logf("%s: boundary precision %.3f (%d/%d), recall %.3f (%d/%d)", col.lang, p, found, made, r, found, gold)
			if p < col.minP || r < col.minR {
				t.Errorf("%s: got precision %.3f recall %.3f, want at least %.2f and %.2f", col.lang, p, r, col.minP, col.minR)
			}
		})
	}
}

// endsSentence reports whether line ends in sentence punctuation, possibly
// followed by closing quotes and brackets.
func endsSentence(line string) bool {
	line = strings.TrimRightFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.In(r, unicode.Pe, unicode.Pf) || strings.ContainsRune("\"'»", r)
	})
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?。！？؟۔…", r)
}

// readNTREX returns, per column name, the documents of the file as lists
// of lines in order.
func readNTREX(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var header []string
	docs := map[string][][]string{}
	lastDoc := ""
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if header == nil {
			header = fields
			continue
		}
		if len(fields) != len(header) {
			t.Fatalf("%s: got %d fields, want %d", filepath.Base(path), len(fields), len(header))
		}
		newDoc := fields[1] != lastDoc
		lastDoc = fields[1]
		for i := 2; i < len(fields); i++ {
			col := header[i]
			if newDoc {
				docs[col] = append(docs[col], nil)
			}
			d := docs[col]
			d[len(d)-1] = append(d[len(d)-1], strings.TrimSpace(fields[i]))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

func tail(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}
func head(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
