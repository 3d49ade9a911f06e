package demo_test

import (
	"context"
	"testing"

	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/store"
)

// TestDemoCases checks the demo applications: the bureau's 2020 figures
// are those of the seed report (two from natural persons, both disclosed),
// 2026 has open and closed cases for the bureau and a sibling, and every
// year balances.
func TestDemoCases(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		bureau := bureauOf(t, db)
		c2020, err := db.CaseCounts(ctx, bureau.ID, 2020, report.Format2019)
		if err != nil {
			t.Fatal(err)
		}
		two := [7]int{2, 0, 0, 0, 0, 0, 2}
		if c2020.Received != two || c2020.CarriedIn != ([7]int{}) || c2020.CarriedOut != ([7]int{}) ||
			len(c2020.Outcomes) != 1 || c2020.Outcomes["disclosed"] != two {
			t.Errorf("bureau 2020: %+v", c2020)
		}
		if first, err := db.Case(ctx, 1); err != nil || first.AgencyID != bureau.ID {
			t.Errorf("case 1 is not the bureau's: %v", err)
		}
		sibling, err := db.AgencyByNameOrCode(ctx, "长治市教育局")
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range []int64{bureau.ID, sibling.ID} {
			c, err := db.CaseCounts(ctx, a, 2026, report.Format2021)
			if err != nil {
				t.Fatal(err)
			}
			if c.Received[report.ColTotal] < 3 || c.CarriedOut[report.ColTotal] < 2 || c.Total()[report.ColTotal] < 1 {
				t.Errorf("agency %d 2026: too few cases %+v", a, c)
			}
			r := report.New("x", 2026, report.Format2021)
			c.Fill(r)
			if f := report.Check(r); len(f) > 0 {
				t.Errorf("agency %d 2026 does not balance: %+v", a, f)
			}
		}
		open, err := db.Cases(ctx, store.CaseFilter{AgencyIDs: []int64{bureau.ID}, Open: true})
		if err != nil {
			t.Fatal(err)
		}
		stages := map[cases.Stage]bool{}
		for _, c := range open {
			stages[c.Stage] = true
		}
		for _, s := range []cases.Stage{cases.StageAwaiting, cases.StageInProgress, cases.StageCorrection, cases.StageConsultation, cases.StageFee} {
			if !stages[s] {
				t.Errorf("no open demo case at stage %s", s)
			}
		}
	})
}
