package align

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"interlinear/internal/evaldata"
)

// synthetic story material: the seed story's passages and NTREX sentences,
// with entities resolved once.
var (
	synthOnce  sync.Once
	synthSeeds []Passage
	synthOther []Passage
)

func synthMaterial(tb testing.TB) ([]Passage, []Passage) {
	dir := evaldata.Dir(tb, "parallel")
	synthOnce.Do(func() {
		for _, d := range seedDocs(tb)[:4] {
			for _, p := range d.Passages {
				if len(strings.Fields(p.Text)) >= 6 {
					synthSeeds = append(synthSeeds, p)
				}
			}
		}
		rows := readTSV(tb, filepath.Join(dir, "ntrex_newstest2019_dev.tsv"))
		cols := map[int]string{2: "en", 3: "ar", 4: "ru", 5: "zh", 6: "fr"}
		for i, r := range rows[1:] {
			c := 2 + i%5
			synthOther = append(synthOther, passage(tb, "", r[c], cols[c]))
		}
	})
	return synthSeeds, synthOther
}

// syntheticStory builds n articles of 30 passages: 10 from the seed story
// and 20 other news sentences in five languages, shuffled, so that each
// fact of the story recurs across articles as it does in real coverage.
func syntheticStory(tb testing.TB, n int) []Document {
	seeds, other := synthMaterial(tb)
	rng := rand.New(rand.NewSource(int64(n)))
	docs := make([]Document, n)
	for i := range docs {
		d := Document{ID: fmt.Sprintf("a%03d", i), Lang: "en", Published: time.Date(2017, 12, 11, 0, 0, 0, 0, time.UTC)}
		var ps []Passage
		for k := 0; k < 10; k++ {
			ps = append(ps, seeds[rng.Intn(len(seeds))])
		}
		for k := 0; k < 20; k++ {
			ps = append(ps, other[rng.Intn(len(other))])
		}
		rng.Shuffle(len(ps), func(a, b int) { ps[a], ps[b] = ps[b], ps[a] })
		for k := range ps {
			ps[k].ID = fmt.Sprintf("p%d", k)
		}
		d.Passages = ps
		docs[i] = d
	}
	return docs
}

func BenchmarkAlign(b *testing.B) {
	a := fullAligner(b)
	for _, n := range []int{25, 50, 100, 200} {
		docs := syntheticStory(b, n)
		b.Run(fmt.Sprintf("articles=%d/passages=%d", n, 30*n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				a.Align(docs, a.DefaultThreshold())
			}
		})
	}
}

// TestAlignTime checks the cost target: a 100-article story (3,000
// passages) aligns in under 2 s on 2 cores. The machines this runs on are
// shared, so wall time is only logged; the check is on the process CPU
// time, which must stay under 3 s (2 s on 2 cores at 75% parallel
// efficiency).
func TestAlignTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	a := fullAligner(t)
	docs := syntheticStory(t, 100)
	a.Align(docs[:10], a.DefaultThreshold()) // warm up
	cpu0 := cpuTime(t)
	start := time.Now()
	res := a.Align(docs, a.DefaultThreshold())
	wall := time.Since(start)
	cpu := cpuTime(t) - cpu0
	t.Logf("100 articles, 3000 passages: wall %v, CPU %v, %d links, %d groups", wall, cpu, len(res.Links), len(res.Groups))
	if cpu > 3*time.Second {
		t.Errorf("Align used %v of CPU, want < 3s", cpu)
	}
}

// cpuTime is the user and system CPU time of the test process so far.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
