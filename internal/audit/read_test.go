package audit

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/report"
)

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustRead(t testing.TB, name, text string) *Result {
	t.Helper()
	r, err := ReadText(name, text)
	if err != nil {
		t.Fatalf("ReadText(%s): %v", name, err)
	}
	return r
}

// assertSameJSON compares two values by their JSON, the contract of
// `gongkai audit --json`.
func assertSameJSON(t *testing.T, got, want any) {
	t.Helper()
	g, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if string(g) == string(w) {
		return
	}
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	if len(gl) != len(wl) {
		t.Errorf("JSON differs\n got: %s\nwant: %s", g, w)
		return
	}
	// Same shape: name the lines that differ, so that a figure read into
	// the wrong cell shows at once.
	for i := range gl {
		if gl[i] != wl[i] {
			t.Errorf("JSON line %d: got %s, want %s", i+1, strings.TrimSpace(gl[i]), strings.TrimSpace(wl[i]))
		}
	}
}

// seedReport is the worked example of docs/report-model.md, written by hand.
func seedReport() *report.Report {
	r := report.New("长治市行政审批服务管理局", 2020, report.Format2019)
	r.Proactive["licensing"] = map[string]float64{"prev_items": 161, "change": 14, "decisions": 12209}
	r.Proactive["other_services"] = map[string]float64{"prev_items": 111, "change": -3, "decisions": 1301}
	r.Proactive["fees"] = map[string]float64{"prev_items": 3, "change": -1}
	r.Proactive["procurement"] = map[string]float64{"projects": 12, "amount_wan": 44.2}
	for _, k := range []string{"received", "disclosed", "total"} {
		r.Applications[k] = [7]int{2, 0, 0, 0, 0, 0, 2}
	}
	return r
}

func TestReadSeedIsWorkedExample(t *testing.T) {
	got := mustRead(t, "seed.txt", readFile(t, "read_seed_changzhi_2020.txt"))
	want := &Result{
		File:      "seed.txt",
		Agency:    "长治市行政审批服务管理局",
		Year:      2020,
		Format:    "2019",
		Published: "2020-12-31",
		Report:    seedReport(),
		Findings:  []report.Finding{},
		Unread:    []Unread{},
		Prose:     got.Prose, // parts 一 and 五 are the golden files' to check
	}
	assertSameJSON(t, got, want)
}

// huaianReport is the 2024 report of 淮安市人民政府 as read by hand from the
// PDF's text.
func huaianReport() *report.Report {
	r := report.New("淮安市人民政府", 2024, report.Format2021)
	r.Proactive["rules"] = map[string]float64{"issued": 1, "repealed": 0, "in_force": 11}
	r.Proactive["normative_documents"] = map[string]float64{"issued": 8, "repealed": 26, "in_force": 66}
	r.Proactive["licensing"] = map[string]float64{"decisions": 447228}
	r.Proactive["penalty"] = map[string]float64{"decisions": 3985758}
	r.Proactive["enforcement"] = map[string]float64{"decisions": 88283}
	r.Proactive["fees"] = map[string]float64{"amount_wan": 96171.6}
	a := r.Applications
	a["received"] = [7]int{3001, 53, 0, 0, 61, 4, 3119}
	a["carried_in"] = [7]int{34, 0, 0, 0, 0, 0, 34}
	a["disclosed"] = [7]int{1288, 21, 0, 0, 50, 3, 1362}
	a["partially_disclosed"] = [7]int{447, 7, 0, 0, 0, 0, 454}
	a["withheld.state_secret"] = [7]int{2, 0, 0, 0, 0, 0, 2}
	a["withheld.prohibited_by_law"] = [7]int{30, 1, 0, 0, 0, 0, 31}
	a["withheld.three_safeties"] = [7]int{5, 0, 0, 0, 0, 0, 5}
	a["withheld.third_party"] = [7]int{6, 0, 0, 0, 0, 0, 6}
	a["withheld.internal_affairs"] = [7]int{7, 1, 0, 0, 0, 0, 8}
	a["withheld.process_info"] = [7]int{12, 0, 0, 0, 0, 0, 12}
	a["withheld.enforcement_file"] = [7]int{9, 0, 0, 0, 0, 0, 9}
	a["withheld.inquiry_matter"] = [7]int{105, 0, 0, 0, 0, 0, 105}
	a["unavailable.not_held"] = [7]int{746, 12, 0, 0, 10, 1, 769}
	a["unavailable.needs_creation"] = [7]int{11, 0, 0, 0, 0, 0, 11}
	a["unavailable.unclear_after_correction"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	a["not_processed.petition"] = [7]int{56, 6, 0, 0, 0, 0, 62}
	a["not_processed.duplicate"] = [7]int{25, 0, 0, 0, 0, 0, 25}
	a["not_processed.confirmation"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	a["other.no_correction"] = [7]int{67, 3, 0, 0, 1, 0, 71}
	a["other.fee_unpaid"] = [7]int{6, 0, 0, 0, 0, 0, 6}
	a["other.other"] = [7]int{108, 2, 0, 0, 0, 0, 110}
	a["total"] = [7]int{2932, 53, 0, 0, 61, 4, 3050}
	a["carried_out"] = [7]int{103, 0, 0, 0, 0, 0, 103}
	r.ReviewLitigation = report.ReviewLitigation{
		Review:                report.ReviewRow{Upheld: 72, Corrected: 64, Other: 178, Pending: 37, Total: 351},
		LitigationDirect:      report.ReviewRow{Upheld: 13, Corrected: 4, Other: 8, Pending: 1, Total: 26},
		LitigationAfterReview: report.ReviewRow{Upheld: 12, Corrected: 1, Other: 1, Pending: 6, Total: 20},
	}
	fee := 3940.0
	r.InfoFeeYuan = &fee
	return r
}

func TestReadHuaian2024(t *testing.T) {
	got := mustRead(t, "淮安市人民政府_2024.txt", readFile(t, "read_huaian_2024.txt"))
	want := &Result{
		File:     "淮安市人民政府_2024.txt",
		Agency:   "淮安市人民政府",
		Year:     2024,
		Format:   "2021",
		Report:   huaianReport(),
		Findings: []report.Finding{},
		Unread:   []Unread{},
		Prose:    got.Prose, // parts 一 and 五 are the golden files' to check
	}
	assertSameJSON(t, got, want)
}

// TestReadOutOfOrderSaysSo reads the same PDF extracted in reading order
// (pdftotext without -layout), where some labels come after their rows'
// figures. Parts 二 and 三 read exactly by the order of their figures, which
// every row total of 三 confirms; part 四's figures interleave with its
// header in an order the reader cannot tell, and it must say so, not guess.
func TestReadOutOfOrderSaysSo(t *testing.T) {
	got := mustRead(t, "raw.txt", readFile(t, "read_huaian_2024_raw.txt"))
	if len(got.Findings) != 1 || got.Findings[0].Rule != RuleUnreadable || got.Findings[0].Part != "四" {
		t.Errorf("findings = %+v, want one read.unreadable in 四", got.Findings)
	}
	want := huaianReport()
	assertSameJSON(t, got.Report.Proactive, want.Proactive)
	assertSameJSON(t, got.Report.Applications, want.Applications)
	assertSameJSON(t, got.Report.ReviewLitigation, report.ReviewLitigation{})
}

// TestReadOutOfOrderRefused breaks one row total of the text without layout:
// reading its figures in order is then no longer the one reading, and the
// reader must refuse part 三 and name the row, not place figures anyway.
func TestReadOutOfOrderRefused(t *testing.T) {
	text := replace("一、本年新收政府信息公开申请数量\n\n3001", "一、本年新收政府信息公开申请数量\n\n3002")(t, readFile(t, "read_huaian_2024_raw.txt"))
	got := mustRead(t, "raw.txt", text)
	found := false
	for _, f := range got.Findings {
		if f.Part == "三" && f.Row == "" && f.Rule == RuleUnreadable {
			found = strings.Contains(f.Message, "一、本年新收政府信息公开申请数量") && strings.Contains(f.Message, "总计")
		}
	}
	if !found {
		t.Errorf("no finding refusing part 三 by the broken row: %+v", got.Findings)
	}
}

func TestReadQuirks(t *testing.T) {
	got := mustRead(t, "quirks.txt", readFile(t, "read_quirks_2020.txt"))
	want := report.New("某县市场监督管理局", 2020, report.Format2019)
	want.Proactive["normative_documents"] = map[string]float64{"made": 2, "published": 2, "total": 15}
	want.Proactive["licensing"] = map[string]float64{"prev_items": 40, "change": 2, "decisions": 312}
	want.Proactive["other_services"] = map[string]float64{"prev_items": 8, "change": -1, "decisions": 20}
	want.Proactive["penalty"] = map[string]float64{"prev_items": 12, "change": 0, "decisions": 96}
	want.Proactive["fees"] = map[string]float64{"prev_items": 2, "change": 0}
	want.Proactive["procurement"] = map[string]float64{"projects": 3, "amount_wan": 12.5}
	a := want.Applications
	a["received"] = [7]int{4, 1, 0, 0, 0, 0, 5}
	a["carried_in"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	a["disclosed"] = [7]int{2, 1, 0, 0, 0, 0, 3}
	a["partially_disclosed"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	a["unavailable.not_held"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	a["total"] = [7]int{4, 1, 0, 0, 0, 0, 5}
	a["carried_out"] = [7]int{1, 0, 0, 0, 0, 0, 1}
	want.ReviewLitigation.Review = report.ReviewRow{Upheld: 1, Total: 1}
	want.ReviewLitigation.LitigationDirect = report.ReviewRow{Pending: 1, Total: 1}
	zero := 0.0
	want.InfoFeeYuan = &zero
	assertSameJSON(t, got, &Result{
		File: "quirks.txt", Agency: "某县市场监督管理局", Year: 2020, Format: "2019",
		Published: "2021-01-20", Report: want, Findings: []report.Finding{}, Unread: []Unread{},
		Prose: got.Prose, // parts 一 and 五 are the golden files' to check
	})
}

func TestReadNoText(t *testing.T) {
	for _, text := range []string{"", " \n\t\n", "- 1 -\n"} {
		if _, err := ReadText("scan.pdf", text); !errors.Is(err, ErrNoText) {
			t.Errorf("ReadText(%q) error = %v, want ErrNoText", text, err)
		}
	}
}
