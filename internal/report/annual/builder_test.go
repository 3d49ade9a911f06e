package annual

import (
	"context"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
)

// memRecords holds report records and published versions in memory.
type memRecords struct {
	recs     map[[2]int64]*Record
	versions map[[2]int64][]Version
}

func (m memRecords) AnnualReport(_ context.Context, agencyID int64, year int) (*Record, error) {
	if r, ok := m.recs[[2]int64{agencyID, int64(year)}]; ok {
		return r, nil
	}
	return nil, errs.NotFound("no report")
}

func (m memRecords) AnnualReportVersions(_ context.Context, agencyID int64, year int) ([]Version, error) {
	return m.versions[[2]int64{agencyID, int64(year)}], nil
}

func TestBuilderOfficialAndCombined(t *testing.T) {
	ctx := context.Background()
	gov := &agency.Agency{ID: 1, Name: "某市人民政府", Kind: agency.Government}
	deps := []agency.Agency{{ID: 2, Name: "甲局", Kind: agency.Department}, {ID: 3, Name: "乙局", Kind: agency.Department}}
	draft := New(2, 2021, nil)
	draft.Entered.Figures["licensing"]["decisions"] = 40
	frozen := report.New("乙局", 2021, report.Format2021)
	frozen.Proactive["licensing"]["decisions"] = 2
	frozen.ReviewLitigation.Review = report.ReviewRow{Upheld: 1, Total: 1}
	later := New(3, 2021, nil) // changed after publication: the public sees the frozen version
	later.Entered.Figures["licensing"]["decisions"] = 999
	m := memRecords{
		recs:     map[[2]int64]*Record{{2, 2021}: draft, {3, 2021}: later},
		versions: map[[2]int64][]Version{{3, 2021}: {{Version: 1, Snapshot: Snapshot{Document: report.Document{Report: frozen}}}}},
	}
	b := &Builder{Records: m}
	built, published, err := b.Official(ctx, &deps[1], 2021)
	if err != nil || !published || built.Document.Report.Proactive["licensing"]["decisions"] != 2 || built.Document.Version != 1 {
		t.Fatalf("Official = %v, published %v, %v", built, published, err)
	}
	rec, _, err := b.Draft(ctx, &agency.Agency{ID: 9, Name: "丙局"}, 2021)
	if err != nil || rec.ID != 0 || rec.Year != 2021 {
		t.Fatalf("Draft of an agency without a record: %+v, %v", rec, err)
	}
	sum, err := b.Combined(ctx, gov, deps, 2021)
	if err != nil {
		t.Fatal(err)
	}
	r := sum.Document.Report
	if r.Proactive["licensing"]["decisions"] != 42 || r.ReviewLitigation.Review.Total != 1 || len(sum.Findings) != 0 {
		t.Errorf("combined: licensing %v, review %+v, findings %v", r.Proactive["licensing"], r.ReviewLitigation.Review, sum.Findings)
	}
	if !strings.Contains(r.Agency, "某市人民政府") || !strings.Contains(strings.Join(sum.Document.Preamble, ""), "2个部门") {
		t.Errorf("combined report names %q, preamble %v", r.Agency, sum.Document.Preamble)
	}
}
