package store_test

import (
	"context"
	"testing"

	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

func TestCaseFeesYuan(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := mustAgency(t, db, "长治市人民政府", "cz", 0)
		other := mustAgency(t, db, "长治市教育局", "jyj", a.ID)
		payOn := func(agencyID int64, received, notice, paid string, units int) {
			c := newCase(t, db, agencyID, cases.NaturalPerson, received)
			step(t, db, c.ID, "case.fee", func(c *cases.Case) (cases.Event, error) {
				f, _ := cases.ComputeFee(cases.FeeRequest{Method: cases.FeeByVolume, Units: units})
				return c.IssueFee(f, caseDay(notice), caseDay(notice))
			})
			if paid != "" {
				step(t, db, c.ID, "case.fee_paid", func(c *cases.Case) (cases.Event, error) {
					return c.RecordPayment(caseDay(paid), caseDay(paid))
				})
			}
		}
		payOn(a.ID, "2020-03-02", "2020-03-03", "2020-03-10", 120)     // paid in 2020
		payOn(a.ID, "2020-12-20", "2020-12-22", "2021-01-04", 120)     // paid in 2021
		payOn(a.ID, "2020-05-02", "2020-05-06", "", 120)               // never paid
		payOn(other.ID, "2020-03-02", "2020-03-03", "2020-03-05", 120) // another agency
		f, _ := cases.ComputeFee(cases.FeeRequest{Method: cases.FeeByVolume, Units: 120})
		for year, want := range map[int]float64{2019: 0, 2020: float64(f.Yuan), 2021: float64(f.Yuan)} {
			got, err := db.CaseFeesYuan(ctx, a.ID, year)
			if err != nil || got != want {
				t.Errorf("CaseFeesYuan(%d) = %v, %v; want %v", year, got, err, want)
			}
		}
		if f.Yuan == 0 {
			t.Fatal("the fee of 120 pages should not be 0")
		}
	})
}
