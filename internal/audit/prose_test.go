package audit

import (
	"strings"
	"testing"
)

// TestReadProseCapped checks that parts 一 and 五 are kept without their
// headings and cut to ProseMaxRunes.
func TestReadProseCapped(t *testing.T) {
	long := strings.Repeat("我局坚持以公开为常态、不公开为例外，", ProseMaxRunes/10)
	r := mustRead(t, "long.txt", "某局2021年政府信息公开工作年度报告\n一、总体情况\n"+long+"\n五、存在的主要问题及改进情况\n无。\n")
	if r.Prose == nil || len([]rune(r.Prose.Overall)) != ProseMaxRunes || r.Prose.Problems != "无。" {
		t.Fatalf("prose = %+v", r.Prose)
	}
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, "text.") {
			t.Errorf("finding %+v", f)
		}
	}
}
