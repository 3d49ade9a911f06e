package store_test

import (
	"context"
	"testing"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

func TestLetterSettings(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		city := mustAgency(t, db, "长治市人民政府", "cz", 0)
		got, err := db.LetterSettings(ctx, city.ID)
		if err != nil || got != (agency.LetterSettings{}) {
			t.Fatalf("unconfirmed settings %+v, %v", got, err)
		}
		ch := auditlog.Change{Actor: "admin", Action: "agency.letter_settings"}
		for _, want := range []agency.LetterSettings{
			{ReviewBody: "山西省人民政府", Court: "长治市中级人民法院"},
			{ReviewBody: "山西省人民政府", Court: "长治市中级人民法院", Payment: "非税收入缴款码随通知书送达"},
		} {
			if err := db.SaveLetterSettings(ctx, city.ID, want, ch); err != nil {
				t.Fatal(err)
			}
			if got, err := db.LetterSettings(ctx, city.ID); err != nil || got != want {
				t.Errorf("settings %+v, %v; want %+v", got, err, want)
			}
		}
	})
}
