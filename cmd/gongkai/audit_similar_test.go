package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestAuditCommandSimilar audits a folder of two agencies' reports for two
// years, each read by a sandbox child: the 雷同 check runs on the prose the
// children hand back as JSON, and --json carries that prose.
func TestAuditCommandSimilar(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, n := range []string{"similar_jia_2020.txt", "similar_jia_2021.txt", "similar_yi_2020.txt", "similar_yi_2021.txt"} {
		copyFile(t, filepath.Join(auditData, n), filepath.Join(dir, n))
	}
	code, stdout, stderr := runCmd(t, "audit", "--json", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []struct {
		File  string `json:"file"`
		Prose *struct {
			Overall  string `json:"overall"`
			Problems string `json:"problems"`
		} `json:"prose"`
		Findings []struct {
			Rule, Part, Message string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got) != 4 {
		t.Fatalf("results: %v (%d)\n%s", err, len(got), stdout)
	}
	want := map[string]string{
		"similar_jia_2020.txt": "",
		"similar_jia_2021.txt": "text.similar 一 similar_jia_2020.txt;text.similar 五 similar_jia_2020.txt;",
		"similar_yi_2020.txt":  "text.similar 五 similar_jia_2020.txt;",
		"similar_yi_2021.txt":  "text.stale_year 一 ;",
	}
	for _, r := range got {
		if r.Prose == nil || r.Prose.Overall == "" || r.Prose.Problems == "" {
			t.Errorf("%s: prose = %+v", r.File, r.Prose)
		}
		var b strings.Builder
		for _, f := range r.Findings {
			if !strings.HasPrefix(f.Rule, "text.") {
				continue
			}
			other := ""
			if f.Rule == "text.similar" && strings.Contains(f.Message, "similar_jia_2020.txt") {
				other = "similar_jia_2020.txt"
			}
			b.WriteString(f.Rule + " " + f.Part + " " + other + ";")
		}
		if base := filepath.Base(r.File); b.String() != want[base] {
			t.Errorf("%s: text findings %q, want %q", base, b.String(), want[base])
		}
	}
	_, text, _ := runCmd(t, "audit", dir)
	if !strings.Contains(text, "[警告] text.similar：第一部分正文有 100% 与上一年度报告") {
		t.Errorf("text output lacks the 雷同 warning:\n%s", text)
	}
}
