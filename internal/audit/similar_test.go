package audit

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// similarFixtures reads the 雷同 fixtures: 甲局 copies its 2020 report into
// 2021 with new figures; 乙局's 2020 part 五 is 甲局's; 乙局's 2021 report
// is its own, with one stale-year sentence and one that compares with the
// year before.
func similarFixtures(t *testing.T) []*Result {
	var rs []*Result
	for _, name := range []string{"similar_jia_2020.txt", "similar_jia_2021.txt", "similar_yi_2020.txt", "similar_yi_2021.txt"} {
		rs = append(rs, mustRead(t, name, readFile(t, name)))
	}
	return rs
}

// textFindings lists a result's text.* findings as "rule part".
func textFindings(r *Result) []string {
	out := []string{}
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, "text.") {
			out = append(out, f.Rule+" "+f.Part)
		}
	}
	return out
}

func TestAuditSimilar(t *testing.T) {
	want := map[string][]string{
		"similar_jia_2020.txt": {},
		"similar_jia_2021.txt": {"text.similar 一", "text.similar 五"},
		"similar_yi_2020.txt":  {"text.similar 五"},
		"similar_yi_2021.txt":  {"text.stale_year 一"},
	}
	names := map[string]string{ // the file each text.similar finding names
		"similar_jia_2021.txt": "上一年度报告（similar_jia_2020.txt）",
		"similar_yi_2020.txt":  "同年度某市甲局的报告（similar_jia_2020.txt）",
	}
	rs := similarFixtures(t)
	Audit(rs)
	for _, r := range rs {
		if got := textFindings(r); !slices.Equal(got, want[r.File]) {
			t.Errorf("%s: text findings = %v, want %v", r.File, got, want[r.File])
		}
		for _, f := range r.Findings {
			if f.Rule != RuleSimilar {
				continue
			}
			if !strings.Contains(f.Message, names[r.File]) || !strings.Contains(f.Message, "如「") {
				t.Errorf("%s: message does not name the other report with a passage: %s", r.File, f.Message)
			}
			if f.Actual == nil || *f.Actual < SimilarThreshold || *f.Actual > 1 {
				t.Errorf("%s: share = %v", r.File, f.Actual)
			}
		}
	}
}

// TestAuditSimilarAfterJSON audits results that went through JSON, as the
// sandbox child hands them to its parent and a batch audit stores them: the
// findings are those of results audited in memory.
func TestAuditSimilarAfterJSON(t *testing.T) {
	direct := similarFixtures(t)
	var decoded []*Result
	for _, r := range similarFixtures(t) {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var d Result
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		decoded = append(decoded, &d)
	}
	Audit(direct)
	Audit(decoded)
	for i := range direct {
		got, want := findingsJSON(t, decoded[i]), findingsJSON(t, direct[i])
		if got != want {
			t.Errorf("%s after JSON:\n%s\nwant:\n%s", direct[i].File, got, want)
		}
	}
	if n := len(textFindings(decoded[1])); n != 2 {
		t.Errorf("copied report has %d text findings after JSON, want 2", n)
	}
}

func findingsJSON(t *testing.T, r *Result) string {
	b, err := json.Marshal(r.Findings)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestContainment(t *testing.T) {
	base := "一是政策解读形式较为单一，图解、视频等解读方式运用不多；二是基层政务公开标准化规范化建设推进不够平衡；三是工作人员业务能力有待提高。"
	tests := []struct {
		name    string
		a, b    string
		similar bool
	}{
		{"same text", base, base, true},
		{"spaces and punctuation", strings.ReplaceAll(strings.ReplaceAll(base, "，", " "), "；", ""), base, true},
		{"new figures", "全年主动公开信息 356 条，其中政策文件 51 条。" + base, "全年主动公开信息 312 条，其中政策文件 45 条。" + base, true},
		{"a copy with a little added", base + "下一步加强培训。", base, true},
		{"own words", base, "涉企政策的集中发布还不够及时，部分政策的适用对象和申报条件表述不够通俗，明年将建立通俗化审读机制并增设咨询窗口。", false},
		{"half copied", base[:len(base)/2] + "涉企政策的集中发布还不够及时，部分政策的适用对象和申报条件表述不够通俗，明年将建立审读机制。", base, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := shingle(tt.a), shingle(tt.b)
			if a == nil || b == nil {
				t.Fatal("text too short to compare")
			}
			if c := containment(a, b); (c >= SimilarThreshold) != tt.similar {
				t.Errorf("containment = %.2f, similar want %v", c, tt.similar)
			}
		})
	}
	if shingle("无。") != nil || shingle("信息公开工作仍有不足，下一步将加强培训。") != nil {
		t.Error("a line or two is compared")
	}
	a, b := shingle("引言不同的一段文字。"+base), shingle(base)
	if p := sharedPassage(a, b, 40); !strings.HasPrefix(p, "一是政策解读形式较为单一，") {
		t.Errorf("shared passage = %q", p)
	}
}

// BenchmarkAuditSimilar audits 200 reports of one year whose prose is all
// alike (every pair above the threshold, the worst case): the 雷同 check
// compares each with all before it.
func BenchmarkAuditSimilar(b *testing.B) {
	seed, err := ReadText("huaian.txt", readFile(b, "read_huaian_2024.txt"))
	if err != nil {
		b.Fatal(err)
	}
	rs := make([]*Result, 200)
	for b.Loop() {
		b.StopTimer()
		for i := range rs {
			rs[i] = &Result{File: fmt.Sprintf("%d.txt", i), Agency: fmt.Sprintf("机关%d", i), Year: 2024, Prose: seed.Prose}
		}
		b.StartTimer()
		Audit(rs)
	}
}

// FuzzSimilar checks the 雷同 comparison on any two texts: a share between 0
// and 1, a text fully contained in itself, and a passage that is a piece of
// the text compared.
func FuzzSimilar(f *testing.F) {
	f.Add("一是政策解读形式较为单一，图解、视频等解读方式运用不多；二是基层政务公开标准化规范化建设推进不够平衡。", "二是基层政务公开标准化规范化建设推进不够平衡；三是工作人员业务能力有待提高，2021年将加强培训。")
	f.Add("12.5万元，３件；\xff\xfe", "")
	f.Fuzz(func(t *testing.T, x, y string) {
		a, b := shingle(x), shingle(y)
		if a == nil || b == nil {
			return
		}
		if c := containment(a, b); c < 0 || c > 1 {
			t.Fatalf("containment = %v", c)
		}
		if c := containment(a, a); c != 1 {
			t.Fatalf("containment in itself = %v", c)
		}
		if p := strings.TrimSuffix(sharedPassage(a, b, 40), "…"); !strings.Contains(string(a.text), p) {
			t.Fatalf("passage %q is not in the text", p)
		}
	})
}
