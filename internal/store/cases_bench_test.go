package store_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/idnumber"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// caseBenchSize reads the synthetic size from GONGKAI_BENCH_AGENCIES and
// GONGKAI_BENCH_CASES (cases per agency); 100 × 1000 by default.
func caseBenchSize() (agencies, perAgency int) {
	agencies, perAgency = 100, 1000
	if n, err := strconv.Atoi(os.Getenv("GONGKAI_BENCH_AGENCIES")); err == nil && n > 0 {
		agencies = n
	}
	if n, err := strconv.Atoi(os.Getenv("GONGKAI_BENCH_CASES")); err == nil && n > 0 {
		perAgency = n
	}
	return agencies, perAgency
}

func syntheticDB(b *testing.B, d store.Dialect) (*store.DB, []int64) {
	b.Helper()
	db := storetest.Open(b, d)
	agencies, per := caseBenchSize()
	start := time.Now()
	ids, err := db.SyntheticCases(context.Background(), agencies, per, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: generated %d agencies × %d cases in %s", d, agencies, per, time.Since(start).Round(time.Millisecond))
	return db, ids
}

// BenchmarkCaseIntake measures taking one application (validation, insert,
// first timeline event, audit entry) on a database already holding the
// synthetic cases.
func BenchmarkCaseIntake(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(string(d), func(b *testing.B) {
			db, ids := syntheticDB(b, d)
			ctx := context.Background()
			today := calendar.NewDate(2026, 11, 27)
			a := cases.Applicant{Kind: cases.NaturalPerson, Name: "张三", IDType: cases.IDResident,
				IDNumber: idnumber.CompleteResident("14040219900101123"), Phone: "13800000000"}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				r := cases.Request{Description: fmt.Sprintf("合成申请 %d", i), Form: cases.FormPaper, Receive: cases.ReceivePost}
				c, ev, err := cases.NewCase(ids[i%len(ids)], cases.ChannelInPerson, a, r, today, today)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := db.CreateCase(ctx, c, ev, nil, auditlog.Change{Actor: "bench", Action: "case.create"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCaseCounts measures one agency's part 三 figures for 2025 among
// all the synthetic cases.
func BenchmarkCaseCounts(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(string(d), func(b *testing.B) {
			db, ids := syntheticDB(b, d)
			ctx := context.Background()
			b.ResetTimer()
			for b.Loop() {
				c, err := db.CaseCounts(ctx, ids[len(ids)/2], 2025, report.Format2021)
				if err != nil {
					b.Fatal(err)
				}
				if c.Received[report.ColTotal] == 0 {
					b.Fatal("no cases counted")
				}
			}
		})
	}
}
