package audit

import (
	"strings"
	"testing"
)

func TestStaleSentence(t *testing.T) {
	tests := []struct {
		sentence string
		stale    bool
	}{
		{"2020年，我局共收到政府信息公开申请5件", true},
		{"按照市政府部署，2020年，某局全面推进政务公开", true},
		{"在2020年，本局发布信息300条", true},
		{"2020年度我局主动公开信息120条", true},
		{"2020年，我局收到申请4件，较上年增加3件", false},
		{"2020年，我局收到申请4件，本年度比上年多2件", false},
		{"与去年相比，2020年，我局收到申请4件", false},
		{"2020年以来，我局持续推进标准化建设", false},
		{"2021年收到申请9件，2020年，收到7件", false},
		{"按照2020年12月印发的方案开展工作", false},
		{"针对2020年度报告中指出的问题进行整改", false},
		{"2019年，我局共收到申请2件", false},
	}
	for _, tt := range tests {
		if got := staleSentence(tt.sentence, "2020", "2021"); got != tt.stale {
			t.Errorf("staleSentence(%q) = %v, want %v", tt.sentence, got, tt.stale)
		}
	}
}

// TestReadStaleYear reads a 2021 report whose part 五 keeps a sentence of
// 2020's and whose part 一 compares with 2020: only part 五 is stale.
func TestReadStaleYear(t *testing.T) {
	r := mustRead(t, "stale.txt", "某局2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我局收到申请9件。2020年，我局收到申请7件，本年度较上年增加2件。\n"+
		"五、存在的主要问题及改进情况\n2020年，我局政务公开工作取得一定成效，但仍存在解读形式单一等问题。\n")
	var got []string
	for _, f := range r.Findings {
		if f.Rule == RuleStaleYear {
			got = append(got, f.Part+" "+f.Message)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "五 ") || !strings.Contains(got[0], "「2020年，我局政务公开工作取得一定成效") {
		t.Errorf("stale-year findings = %q", got)
	}
}
