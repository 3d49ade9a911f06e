package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/litigation"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/report/annual"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestAnnualReportAcrossYears builds the 2021 and 2022 reports (2021
// format) of one agency from real records: applications carried over the
// year boundary, reviews and lawsuits, a fee paid. Both balance by
// construction, the 2022 report passes the cross-year rules against 2021,
// and the 2022 JSON is a golden file.
func TestAnnualReportAcrossYears(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "cz", 0)
		a := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", city.ID)
		early := newCase(t, db, a.ID, cases.NaturalPerson, "2021-03-01")
		closeCase(t, db, early.ID, cases.Disclosed, "2021-03-20")
		cross := newCase(t, db, a.ID, cases.Commercial, "2021-12-27") // answered in 2022
		closeCase(t, db, cross.ID, cases.PartiallyDisclosed, "2022-01-14")
		newCase(t, db, a.ID, cases.NaturalPerson, "2022-12-29") // still open: carried into 2023
		fee := newCase(t, db, a.ID, cases.Research, "2022-04-06")
		step(t, db, fee.ID, "case.fee", func(c *cases.Case) (cases.Event, error) {
			f, _ := cases.ComputeFee(cases.FeeRequest{Method: cases.FeeByVolume, Units: 120})
			return c.IssueFee(f, caseDay("2022-04-08"), caseDay("2022-04-08"))
		})
		step(t, db, fee.ID, "case.fee_paid", func(c *cases.Case) (cases.Event, error) {
			return c.RecordPayment(caseDay("2022-04-12"), caseDay("2022-04-12"))
		})
		closeCase(t, db, fee.ID, cases.Disclosed, "2022-04-20")
		for _, rec := range []litigation.Record{
			{AgencyID: a.ID, Kind: litigation.Review, Body: "长治市人民政府", Filed: date("2021-12-15"), Stage: "已审结",
				Result: litigation.Upheld, Decided: date("2022-02-10")}, // pending at the end of 2021
			{AgencyID: a.ID, Kind: litigation.LitigationAfterReview, Body: "长治市中级人民法院", Filed: date("2022-03-01"),
				Stage: "已审结", Result: litigation.Corrected, Decided: date("2022-09-01")},
			{AgencyID: a.ID, Kind: litigation.LitigationDirect, Body: "长治市潞州区人民法院", Filed: date("2022-11-01"),
				Stage: "一审", Result: litigation.Pending},
		} {
			if err := db.CreateLitigation(ctx, &rec, sys); err != nil {
				t.Fatal(err)
			}
		}
		r21 := annual.New(a.ID, 2021, nil)
		r21.Entered.Figures["licensing"]["decisions"] = 13012
		if err := db.CreateAnnualReport(ctx, r21, sys); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateAnnualReport(ctx, annual.New(a.ID, 2022, r21), sys); err != nil {
			t.Fatal(err)
		}
		b := annual.NewBuilder(db)
		_, built21, err := b.Draft(ctx, a, 2021)
		if err != nil {
			t.Fatal(err)
		}
		_, built22, err := b.Draft(ctx, a, 2022)
		if err != nil {
			t.Fatal(err)
		}
		if len(built21.Findings)+len(built22.Findings) != 0 {
			t.Fatalf("findings: 2021 %v; 2022 %v", built21.Findings, built22.Findings)
		}
		r, prev := built22.Document.Report, built21.Document.Report
		if r.Applications["carried_in"] != prev.Applications["carried_out"] || r.Applications["carried_in"][report.ColTotal] != 1 {
			t.Errorf("carried in %v, carried out the year before %v", r.Applications["carried_in"], prev.Applications["carried_out"])
		}
		if prev.ReviewLitigation.Review.Pending != 1 || prev.InfoFeeYuan == nil || *prev.InfoFeeYuan != 0 {
			t.Errorf("2021: review %+v, fee %v", prev.ReviewLitigation.Review, prev.InfoFeeYuan)
		}
		var got bytes.Buffer
		enc := json.NewEncoder(&got)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		const golden = "testdata/annual_2022.json"
		if *update && db.Dialect() == store.SQLite {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("2022 report differs from %s (go test -run TestAnnualReportAcrossYears -update):\n%s", golden, got.String())
		}
	})
}
