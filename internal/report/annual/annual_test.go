package annual

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
)

func TestNewPrefillsFromLastYear(t *testing.T) {
	prev := New(1, 2019, nil)
	prev.Entered.Figures["licensing"] = map[string]float64{"prev_items": 150, "change": 11, "decisions": 9000}
	prev.Entered.Figures["fees"] = map[string]float64{"prev_items": 4, "change": -1}
	prev.Entered.Notes["licensing"] = "政务服务平台统计"
	cur := New(1, 2020, prev)
	if got := cur.Entered.Figures["licensing"]; got["prev_items"] != 161 || got["change"] != 0 || got["decisions"] != 0 {
		t.Errorf("licensing prefilled as %v, want prev_items 161 and the rest 0", got)
	}
	if got := cur.Entered.Figures["fees"]["prev_items"]; got != 3 {
		t.Errorf("fees prev_items = %v, want 3", got)
	}
	if cur.Entered.Notes["licensing"] != "政务服务平台统计" {
		t.Errorf("note not carried: %q", cur.Entered.Notes["licensing"])
	}
	if _, ok := cur.Entered.Figures["rules"]; ok {
		t.Errorf("rules are the catalog's, not entered")
	}
	next := New(1, 2021, cur) // into the 2021 format: only the notes carry
	if next.Format != report.Format2021 || next.Entered.Figures["licensing"]["decisions"] != 0 || next.Entered.Figures["other_services"] != nil {
		t.Errorf("2021 record: %s %v", next.Format, next.Entered.Figures)
	}
	if gap := New(1, 2022, prev); gap.Entered.Notes["licensing"] != "" {
		t.Errorf("a record two years back prefilled: %v", gap.Entered.Notes)
	}
}

func TestSetFigure(t *testing.T) {
	tests := []struct {
		row, col, in string
		want         float64
		ok           bool
	}{
		{"licensing", "decisions", "12,209", 12209, true},
		{"licensing", "change", "-3", -3, true},
		{"licensing", "change", "＋14", 14, true},
		{"licensing", "decisions", "", 0, true},
		{"procurement", "amount_wan", "44.2", 44.2, true},
		{"licensing", "decisions", "1.5", 0, false},
		{"licensing", "decisions", "-1", 0, false},
		{"licensing", "decisions", "十二", 0, false},
		{"licensing", "decisions", "NaN", 0, false},
		{"licensing", "decisions", "1e13", 0, false},
		{"rules", "made", "1", 0, false},
		{"licensing", "amount_wan", "1", 0, false},
	}
	for _, tt := range tests {
		r := New(1, 2020, nil)
		err := r.SetFigure(tt.row, tt.col, tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("SetFigure(%s, %s, %q) = %v, want ok=%v", tt.row, tt.col, tt.in, err, tt.ok)
			continue
		}
		if err != nil && !errors.Is(err, errs.ErrInvalid) {
			t.Errorf("SetFigure(%q): %v is not invalid", tt.in, err)
		}
		if tt.ok && r.Entered.Figures[tt.row][tt.col] != tt.want {
			t.Errorf("SetFigure(%q) stored %v, want %v", tt.in, r.Entered.Figures[tt.row][tt.col], tt.want)
		}
	}
}

// fixture is a source of case, catalog and litigation figures held in
// memory, standing in for the store in tests.
type fixture struct {
	cases   map[int]CaseFigures
	catalog map[int]CatalogFigures
	rl      map[int]report.ReviewLitigation
}

func (f fixture) CaseFigures(_ context.Context, _ int64, year int, _ report.Format) (CaseFigures, error) {
	return f.cases[year], nil
}

func (f fixture) CatalogFigures(_ context.Context, _ int64, year int, _ report.Format) (CatalogFigures, error) {
	return f.catalog[year], nil
}

func (f fixture) LitigationCounts(_ context.Context, _ int64, year int) (report.ReviewLitigation, error) {
	return f.rl[year], nil
}

func TestComposeSignOffAndPublish(t *testing.T) {
	ctx := context.Background()
	two := [7]int{2, 0, 0, 0, 0, 0, 2}
	fx := fixture{
		cases: map[int]CaseFigures{2020: {Applications: map[string][7]int{"received": two, "disclosed": two, "total": two}}},
		catalog: map[int]CatalogFigures{2020: {Columns: []Count{{"工作动态", 402}, {"公开规定", 96}, {"行政权力", 0}},
			Posts: []Count{{"1月", 98}, {"2月", 85}}, Original: 100}},
	}
	src := Sources{Cases: fx, Catalog: fx, Litigation: fx}
	rec := New(7, 2020, nil)
	rec.Entered.Figures["licensing"] = map[string]float64{"prev_items": 161, "change": 14, "decisions": 12209}
	b, err := Compose(ctx, src, "长治市行政审批服务管理局", rec, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Findings) != 0 || len(b.Missing) != 0 {
		t.Fatalf("findings %v, missing %v", b.Findings, b.Missing)
	}
	if got := b.Document.Report.Applications["received"]; got != two {
		t.Errorf("received = %v", got)
	}
	if charts := b.Document.Charts(); len(charts) != 2 || len(charts[0].Points) != 2 || charts[0].Points[0].Value != 402 {
		t.Errorf("charts = %+v", charts)
	}
	overview, err := DraftOverview(ctx, src, b, 7)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(overview[0], "行政权力") {
		t.Errorf("an empty column is listed: %q", overview[0])
	}
	for i, want := range []string{"主动公开政府信息498条", "新收政府信息公开申请2件", "", "原创100条，原创率54%", "未发生"} {
		if !strings.Contains(overview[i], want) {
			t.Errorf("overview %s = %q, want it to contain %q", OverviewHeads[i], overview[i], want)
		}
	}
	if err := CheckSignOff(rec, b); err != nil {
		t.Fatalf("clean draft refused: %v", err)
	}
	if err := CheckPublish(rec, 0, ""); !errors.Is(err, errs.ErrConflict) {
		t.Errorf("publishing a draft: %v, want conflict", err)
	}
	rec.Status = SignedOff
	if err := CheckPublish(rec, 0, ""); err != nil {
		t.Errorf("first publication refused: %v", err)
	}
	if err := CheckPublish(rec, 1, " "); !errors.Is(err, errs.ErrInvalid) {
		t.Errorf("correction without a note: %v, want invalid", err)
	}

	// Cases that do not balance stop the sign-off.
	broken := fx
	broken.cases = map[int]CaseFigures{2020: {Applications: map[string][7]int{"received": two, "total": two}}}
	rec.Status = Draft
	b, err = Compose(ctx, Sources{Cases: broken, Litigation: fx}, "x", rec, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckSignOff(rec, b); !errors.Is(err, errs.ErrConflict) || !strings.Contains(errs.Message(err), "（一）至（六）") {
		t.Errorf("unbalanced report signed off: %v", err)
	}
	if len(b.Missing) != 1 {
		t.Errorf("missing catalog not reported: %v", b.Missing)
	}
}

// TestComposeAcrossYears builds 2021 and 2022 reports in the 2021 format
// from records: cases carried over the year boundary and reviews and
// lawsuits counted per year. They balance by construction, and the
// cross-year rules hold.
func TestComposeAcrossYears(t *testing.T) {
	ctx := context.Background()
	fee := 0.0
	fx := fixture{
		cases: map[int]CaseFigures{
			2021: {FeeYuan: &fee, Applications: map[string][7]int{
				"received": {3, 1, 0, 0, 0, 0, 4}, "disclosed": {2, 0, 0, 0, 0, 0, 2}, "other.no_correction": {0, 1, 0, 0, 0, 0, 1},
				"total": {2, 1, 0, 0, 0, 0, 3}, "carried_out": {1, 0, 0, 0, 0, 0, 1}}},
			2022: {Applications: map[string][7]int{
				"received": {1, 0, 0, 0, 0, 0, 1}, "carried_in": {1, 0, 0, 0, 0, 0, 1}, "disclosed": {2, 0, 0, 0, 0, 0, 2},
				"total": {2, 0, 0, 0, 0, 0, 2}}},
		},
		catalog: map[int]CatalogFigures{
			2021: {Proactive: map[string]map[string]float64{"normative_documents": {"issued": 3, "repealed": 1, "in_force": 12}}},
			2022: {Proactive: map[string]map[string]float64{"normative_documents": {"issued": 2, "repealed": 0, "in_force": 14}}},
		},
		rl: map[int]report.ReviewLitigation{
			2021: {Review: report.ReviewRow{Upheld: 1, Pending: 1, Total: 2}},
			2022: {LitigationAfterReview: report.ReviewRow{Corrected: 1, Total: 1}},
		},
	}
	src := Sources{Cases: fx, Catalog: fx, Litigation: fx}
	r21 := New(1, 2021, nil)
	b21, err := Compose(ctx, src, "某局", r21, nil)
	if err != nil {
		t.Fatal(err)
	}
	b22, err := Compose(ctx, src, "某局", New(1, 2022, r21), b21.Document.Report)
	if err != nil {
		t.Fatal(err)
	}
	if len(b21.Findings)+len(b22.Findings) != 0 {
		t.Fatalf("findings: %v %v", b21.Findings, b22.Findings)
	}
	if r := b21.Document.Report; r.InfoFeeYuan == nil || *r.InfoFeeYuan != 0 || r.ReviewLitigation.Review.Total != 2 {
		t.Errorf("2021: fee %v, review %+v", r.InfoFeeYuan, r.ReviewLitigation.Review)
	}
	if last := b21.Document.Other[0].Paragraphs; last[len(last)-1] != "本年度无收取信息处理费情况。" {
		t.Errorf("part 六 does not state the fee: %v", last)
	}
	// A carried-in figure that disagrees with last year's is an error.
	fx.cases[2022].Applications["carried_in"] = [7]int{0, 0, 0, 0, 0, 0, 0}
	b22, _ = Compose(ctx, src, "某局", New(1, 2022, r21), b21.Document.Report)
	if rules := ruleIDs(b22.Findings); !strings.Contains(rules, report.RuleCarry) {
		t.Errorf("carry mismatch not found: %s", rules)
	}
}

func ruleIDs(fs []report.Finding) string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	return strings.Join(ids, ",")
}

func TestDueFor(t *testing.T) {
	dept := &agency.Agency{Kind: agency.Department}
	gov := &agency.Agency{Kind: agency.Government}
	at := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	tests := []struct {
		name         string
		a            *agency.Agency
		published    string
		now          string
		late, remind bool
		daysLeft     int
	}{
		{"department, early", dept, "", "2021-11-01", false, false, 91},
		{"department, reminded", dept, "", "2022-01-10", false, true, 21},
		{"department, on the day", dept, "", "2022-01-31", false, true, 0},
		{"department, late", dept, "", "2022-02-01", true, false, -1},
		{"department, published in time", dept, "2022-01-29", "2022-03-01", false, false, -29},
		{"department, published late", dept, "2022-02-03", "2022-03-01", true, false, -29},
		{"government, still in time", gov, "", "2022-02-10", false, false, 49},
	}
	for _, tt := range tests {
		var pub time.Time
		if tt.published != "" {
			pub = at(tt.published)
		}
		d := DueFor(tt.a, 2021, pub, at(tt.now).Add(10*time.Hour))
		if d.Late != tt.late || d.Remind != tt.remind || d.DaysLeft != tt.daysLeft {
			t.Errorf("%s: %+v, want late=%v remind=%v daysLeft=%d", tt.name, d, tt.late, tt.remind, tt.daysLeft)
		}
		if (d.Message(2021) != "") != (tt.late || tt.remind) {
			t.Errorf("%s: message %q", tt.name, d.Message(2021))
		}
	}
}
