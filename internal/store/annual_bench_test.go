package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/idnumber"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/report/annual"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// BenchmarkAnnualReportCases composes one agency's 2020 report (part 三
// counted from its cases, the fee, the catalog and part 四) with many cases.
func BenchmarkAnnualReportCases(b *testing.B) {
	for _, d := range storetest.Dialects {
		for _, n := range []int{1000, 10000, 100000} {
			b.Run(fmt.Sprintf("%s/cases=%d", d, n), func(b *testing.B) {
				ctx := context.Background()
				db := storetest.Open(b, d)
				a := &agency.Agency{Name: "长治市行政审批服务管理局", Code: "0142768-8", Kind: agency.Department}
				if err := db.CreateAgency(ctx, a, sys); err != nil {
					b.Fatal(err)
				}
				c, ev, err := cases.NewCase(a.ID, cases.ChannelInPerson, benchApplicant(), cases.Request{Description: "批复文件",
					Form: cases.FormPaper, Receive: cases.ReceivePost}, caseDay("2020-03-02"), caseDay("2020-03-02"))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := db.CreateCase(ctx, c, ev, nil, sys); err != nil {
					b.Fatal(err)
				}
				if err := db.CopyCaseForBench(ctx, c.ID, n-1); err != nil {
					b.Fatal(err)
				}
				builder := annual.NewBuilder(db)
				b.ResetTimer()
				for b.Loop() {
					_, built, err := builder.Draft(ctx, a, 2020)
					if err != nil {
						b.Fatal(err)
					}
					if got := built.Document.Report.Applications["received"][report.ColTotal] + built.Document.Report.Applications["carried_in"][report.ColTotal]; got != n {
						b.Fatalf("counted %d cases, want %d", got, n)
					}
					if fs := built.Errors(); len(fs) > 0 {
						b.Fatalf("report of %d cases fails its checks: %v", n, fs)
					}
				}
			})
		}
	}
}

// BenchmarkCombinedReport composes the combined 2021 report of a
// government with 500 departments, each with a report record.
func BenchmarkCombinedReport(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(string(d)+"/departments=500", func(b *testing.B) {
			ctx := context.Background()
			db := storetest.Open(b, d)
			gov := &agency.Agency{Name: "某市人民政府", Code: "gov-1", Kind: agency.Government}
			if err := db.CreateAgency(ctx, gov, sys); err != nil {
				b.Fatal(err)
			}
			deps := make([]agency.Agency, 500)
			for i := range deps {
				deps[i] = agency.Agency{Name: fmt.Sprintf("某市第%d局", i+1), Code: fmt.Sprintf("dep-%d", i+1), Kind: agency.Department, ParentID: gov.ID}
				if err := db.CreateAgency(ctx, &deps[i], sys); err != nil {
					b.Fatal(err)
				}
				rec := annual.New(deps[i].ID, 2021, nil)
				rec.Entered.Figures["licensing"]["decisions"] = float64(i)
				if err := db.CreateAnnualReport(ctx, rec, sys); err != nil {
					b.Fatal(err)
				}
			}
			builder := annual.NewBuilder(db)
			b.ResetTimer()
			for b.Loop() {
				built, err := builder.Combined(ctx, gov, deps, 2021)
				if err != nil {
					b.Fatal(err)
				}
				if got := built.Document.Report.Proactive["licensing"]["decisions"]; got != 499*500/2 {
					b.Fatalf("combined licensing decisions = %v", got)
				}
			}
		})
	}
}

func benchApplicant() cases.Applicant {
	return cases.Applicant{Kind: cases.NaturalPerson, Name: "张三", IDType: cases.IDResident,
		IDNumber: idnumber.CompleteResident("14040219900101123"), Phone: "13812345678"}
}
