//go:build linux

package detect

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"interlinear/internal/evaldata"
)

// Memory budget of language identification in the server (which must stay
// under 500 MB resident in all): peak resident memory of a process that
// builds the default detector and runs the whole evaluation set.
const maxPeakRSSMiB = 100

// modeEnv names the configuration TestModeChild measures.
const modeEnv = "DETECT_MODE_CHILD"

// modeConfigs are the configurations TestModes compares, by name.
var modeConfigs = map[string][]Option{
	"low":           nil,
	"low, no rules": {func(o *options) { o.noOrthography = true }},
	"hybrid":        {func(o *options) { o.high[scriptCyrillic], o.high[scriptArabic] = true, true }},
	"high":          {WithAccuracy(HighAccuracy)},
}

// modeResult is what TestModeChild reports for one configuration.
type modeResult struct {
	NewSeconds      float64            `json:"new_seconds"`
	HeapInuseMiB    float64            `json:"heap_inuse_mib"`
	SysMiB          float64            `json:"sys_mib"`
	SentencesPerSec float64            `json:"sentences_per_sec"`
	Accuracy        map[string]float64 `json:"accuracy"`     // by kind, with the rules
	Wrong           map[string]float64 `json:"wrong"`        // by kind, with the rules
	Und             map[string]float64 `json:"und"`          // by kind, with the rules
	Ungated         map[string]float64 `json:"ungated"`      // by kind, lingua's best always taken
	PeakRSSMiB      float64            `json:"peak_rss_mib"` // VmHWM of the child
}

// TestModes builds the default detector in each configuration in a child
// process of its own (lingua keeps its models in process-wide caches, so
// one process cannot measure two) and reports memory, speed and accuracy.
// It fails if the default configuration exceeds the memory budget.
//
//	go test -run TestModes -v ./lang/detect/
func TestModes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every model set in a child process: about a minute")
	}
	if raceEnabled {
		t.Skip("the race detector inflates memory figures")
	}
	evaldata.Dir(t, "langid")
	results := map[string]modeResult{}
	names := []string{"low", "low, no rules", "hybrid", "high"}
	for _, name := range names {
		cmd := exec.Command(os.Args[0], "-test.run=^TestModeChild$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), modeEnv+"="+name)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s%s", name, err, out, stderr.Bytes())
		}
		var res modeResult
		found := false
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			if js, ok := strings.CutPrefix(sc.Text(), "mode-result: "); ok {
				if err := json.Unmarshal([]byte(js), &res); err != nil {
					t.Fatal(err)
				}
				found = true
			}
		}
		if !found {
			t.Fatalf("%s: no result in\n%s", name, out)
		}
		results[name] = res
	}

	t.Logf("%-14s %8s %9s %9s %9s %8s | %-28s | %-28s | %-28s | %s",
		"config", "New s", "heap MiB", "sys MiB", "peak MiB", "sent/s", "sentences acc/und/wrong %", "word pairs acc/und/wrong %", "single words acc/und/wrong %", "lingua's best: sent/pairs/words %")
	for _, name := range names {
		r := results[name]
		cell := func(k string) string {
			return fmt.Sprintf("%6.2f %6.2f %6.2f", 100*r.Accuracy[k], 100*r.Und[k], 100*r.Wrong[k])
		}
		t.Logf("%-14s %8.2f %9.1f %9.1f %9.1f %8.0f | %-28s | %-28s | %-28s | %.2f %.2f %.2f",
			name, r.NewSeconds, r.HeapInuseMiB, r.SysMiB, r.PeakRSSMiB, r.SentencesPerSec,
			cell("sentences"), cell("word-pairs"), cell("single-words"),
			100*r.Ungated["sentences"], 100*r.Ungated["word-pairs"], 100*r.Ungated["single-words"])
	}
	if got := results["low"].PeakRSSMiB; got <= 0 || got > maxPeakRSSMiB {
		t.Errorf("default configuration: got peak RSS %.0f MiB, want at most %d MiB", got, maxPeakRSSMiB)
	}
}

// peakRSSMiB returns the peak resident memory of this process (VmHWM).
// The rusage of the child is no good: Linux carries the parent's peak over
// an exec, and Go starts children with vfork, sharing the parent's memory.
func peakRSSMiB(t *testing.T) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kib float64
			if _, err := fmt.Sscanf(strings.TrimSpace(v), "%f kB", &kib); err != nil {
				t.Fatal(err)
			}
			return kib / (1 << 10)
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

// TestModeChild measures one configuration for TestModes; it does nothing
// unless TestModes runs it.
func TestModeChild(t *testing.T) {
	name := os.Getenv(modeEnv)
	if name == "" {
		t.Skip("run by TestModes")
	}
	opts, ok := modeConfigs[name]
	if !ok {
		t.Fatalf("unknown configuration %q", name)
	}
	samples := loadSamples(t)

	start := time.Now()
	d, err := New(DefaultLanguages(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	res := modeResult{NewSeconds: time.Since(start).Seconds()}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res.HeapInuseMiB = float64(ms.HeapInuse) / (1 << 20)
	res.SysMiB = float64(ms.Sys) / (1 << 20)

	// Tally as we go: holding every analysis would add to the peak.
	gated, ungated := newReport(), newReport()
	sentences := 0
	var sentenceTime time.Duration
	for _, s := range samples {
		start := time.Now()
		a := d.analyse(s.text)
		got := a.decide(defaultRules()).Language.Code
		if s.kind == "sentences" {
			sentences++
			sentenceTime += time.Since(start)
		}
		gated.add(s, got)
		ungated.add(s, a.decide(rules{majority: -1}).Language.Code)
	}
	res.SentencesPerSec = float64(sentences) / sentenceTime.Seconds()
	res.Accuracy, res.Und, res.Wrong, res.Ungated = map[string]float64{}, map[string]float64{}, map[string]float64{}, map[string]float64{}
	for _, k := range kinds {
		c := gated.kind(k)
		res.Accuracy[k], res.Und[k], res.Wrong[k] = c.accuracy(), c.undRate(), c.wrongRate()
		res.Ungated[k] = ungated.kind(k).accuracy()
	}
	res.PeakRSSMiB = peakRSSMiB(t)
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("mode-result: %s\n", b)
}
