package report

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// seedInputs are the records behind the seed report, as its sources would
// give them: two applications disclosed, the figures staff entered, nothing
// from the catalog and no reviews or lawsuits.
func seedInputs() Inputs {
	two := [7]int{2, 0, 0, 0, 0, 0, 2}
	return Inputs{
		Agency:       "长治市行政审批服务管理局",
		Year:         2020,
		Applications: map[string][7]int{"received": two, "disclosed": two, "total": two},
		Entered: map[string]map[string]float64{
			"licensing":      {"prev_items": 161, "change": 14, "decisions": 12209},
			"other_services": {"prev_items": 111, "change": -3, "decisions": 1301},
			"fees":           {"prev_items": 3, "change": -1, "decisions": 99}, // fees have no decisions column
			"procurement":    {"projects": 12, "amount_wan": 44.2},
			"rules":          {"made": 5}, // rules come from the catalog, not from staff
		},
		EnteredNotes: map[string]string{"licensing": "市政务服务平台年度统计"},
	}
}

func TestBuildSeed(t *testing.T) {
	r, src := Build(seedInputs())
	var got bytes.Buffer
	enc := json.NewEncoder(&got)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/seed2020.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("built seed report differs from the worked example:\n%s", got.String())
	}
	if fs := Check(r); len(fs) != 0 {
		t.Errorf("seed report fails its checks: %v", fs)
	}
	tests := []struct {
		key  string
		want Source
	}{
		{"二.licensing.decisions", Source{Origin: OriginEntered, Note: "市政务服务平台年度统计"}},
		{"二.rules.made", Source{Origin: OriginCatalog}},
		{"三.received", Source{Origin: OriginCases}},
		{"四.review", Source{Origin: OriginLitigation}},
	}
	for _, tt := range tests {
		if got := src[tt.key]; got != tt.want {
			t.Errorf("source of %s = %+v, want %+v", tt.key, got, tt.want)
		}
	}
	if _, ok := src["六.info_fee_yuan"]; ok {
		t.Errorf("no fee given, yet the fee has a source")
	}
}

func TestBuildFormatOfYear(t *testing.T) {
	in := seedInputs()
	in.Year = 2021
	in.Entered["licensing"] = map[string]float64{"decisions": 300}
	fee := 0.0
	in.InfoFeeYuan = &fee
	r, src := Build(in)
	if r.Format != Format2021 || r.Proactive["licensing"]["decisions"] != 300 || r.Proactive["other_services"] != nil {
		t.Fatalf("2021 report: format %s, proactive %v", r.Format, r.Proactive)
	}
	if r.InfoFeeYuan == nil || *r.InfoFeeYuan != 0 || src["六.info_fee_yuan"].Origin != OriginCases {
		t.Errorf("stated fee of 0 lost: %v", r.InfoFeeYuan)
	}
	fee = 12 // the report keeps its own copy
	if *r.InfoFeeYuan != 0 {
		t.Errorf("report shares the input's fee")
	}
}

func TestSum(t *testing.T) {
	a, _ := Build(seedInputs())
	b, _ := Build(seedInputs())
	b.ReviewLitigation.Review = ReviewRow{Upheld: 1, Pending: 2, Total: 3}
	fee := 5.0
	b.InfoFeeYuan = &fee
	other := New("x", 2021, Format2021) // another format: skipped
	other.Applications["received"] = [7]int{9, 0, 0, 0, 0, 0, 9}
	sum := Sum("长治市人民政府", 2020, []*Report{a, b, other, nil})
	if got := sum.Applications["received"]; got != [7]int{4, 0, 0, 0, 0, 0, 4} {
		t.Errorf("received = %v", got)
	}
	if got := sum.Proactive["procurement"]["amount_wan"]; got < 88.39 || got > 88.41 {
		t.Errorf("procurement amount = %v", got)
	}
	if sum.ReviewLitigation.Review != (ReviewRow{Upheld: 1, Pending: 2, Total: 3}) {
		t.Errorf("review = %+v", sum.ReviewLitigation.Review)
	}
	if sum.InfoFeeYuan == nil || *sum.InfoFeeYuan != 5 {
		t.Errorf("fee = %v", sum.InfoFeeYuan)
	}
	if sum.Agency != "长治市人民政府" || len(Check(sum)) != 0 {
		t.Errorf("sum %s fails its checks: %v", sum.Agency, Check(sum))
	}
}
