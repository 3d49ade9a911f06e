package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/litigation"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLitigation(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		bureau := mustAgency(t, db, "长治市行政审批服务管理局", "0142768-8", city.ID)
		recs := []litigation.Record{
			{AgencyID: bureau.ID, CaseID: 42, Kind: litigation.Review, Body: "长治市人民政府", Filed: date("2021-03-01"),
				Stage: "已审结", Result: litigation.Upheld, Decided: date("2021-05-10"), Documents: "行政复议决定书 长政复决字〔2021〕12号"},
			{AgencyID: bureau.ID, Kind: litigation.LitigationDirect, Body: "长治市潞州区人民法院", Filed: date("2021-11-01"),
				Stage: "一审", Result: litigation.Pending},
			{AgencyID: bureau.ID, Kind: litigation.LitigationAfterReview, Body: "长治市中级人民法院", Filed: date("2020-06-01"),
				Stage: "已审结", Result: litigation.Corrected, Decided: date("2020-09-01")},
		}
		for i := range recs {
			if err := db.CreateLitigation(ctx, &recs[i], sys); err != nil {
				t.Fatal(err)
			}
		}
		bad := litigation.Record{AgencyID: bureau.ID, Kind: "x"}
		if err := db.CreateLitigation(ctx, &bad, sys); !errors.Is(err, errs.ErrInvalid) {
			t.Fatalf("invalid record: err = %v, want ErrInvalid", err)
		}
		got, err := db.LitigationRecord(ctx, bureau.ID, recs[0].ID)
		if err != nil || got.CaseID != 42 || !got.Filed.Equal(recs[0].Filed) || !got.Decided.Equal(recs[0].Decided) || got.Documents != recs[0].Documents {
			t.Fatalf("LitigationRecord = %+v, %v", got, err)
		}
		if _, err := db.LitigationRecord(ctx, city.ID, recs[0].ID); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("another agency's record: err = %v, want ErrNotFound", err)
		}
		counts, err := db.LitigationCounts(ctx, bureau.ID, 2021)
		want := report.ReviewLitigation{
			Review:           report.ReviewRow{Upheld: 1, Total: 1},
			LitigationDirect: report.ReviewRow{Pending: 1, Total: 1},
		}
		if err != nil || counts != want {
			t.Fatalf("LitigationCounts(2021) = %+v, %v; want %+v", counts, err, want)
		}

		// The lawsuit is decided: it moves from pending to corrected.
		recs[1].Result, recs[1].Decided, recs[1].Stage = litigation.Corrected, date("2021-12-20"), "已审结"
		if err := db.UpdateLitigation(ctx, &recs[1], sys); err != nil {
			t.Fatal(err)
		}
		counts, _ = db.LitigationCounts(ctx, bureau.ID, 2021)
		if counts.LitigationDirect != (report.ReviewRow{Corrected: 1, Total: 1}) {
			t.Errorf("after the judgment: %+v", counts.LitigationDirect)
		}
		moved := recs[1]
		moved.AgencyID = city.ID
		if err := db.UpdateLitigation(ctx, &moved, sys); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("update through another agency: err = %v, want ErrNotFound", err)
		}
		all, err := db.LitigationList(ctx, bureau.ID, 0)
		if err != nil || len(all) != 3 || all[0].ID != recs[1].ID {
			t.Errorf("LitigationList(all) = %d records, %v", len(all), err)
		}
		entries, err := db.AuditEntries(ctx, store.AuditFilter{AgencyIDs: []int64{bureau.ID}})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range entries {
			if e.Object == fmt.Sprintf("litigation:%d", recs[1].ID) {
				n++
			}
		}
		if n != 2 {
			t.Errorf("audit entries for the lawsuit: %d, want 2 (create, update)", n)
		}
	})
}
