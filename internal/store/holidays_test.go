package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

const schedule2028 = `{"year": 2028, "papers": ["https://example.gov.cn/2028"], "days": [
	{"name": "元旦", "date": "2028-01-01", "isOffDay": true},
	{"name": "春节", "date": "2028-01-26", "isOffDay": true},
	{"name": "春节", "date": "2028-01-29", "isOffDay": false}]}`

func TestHolidaySchedules(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		cal, err := db.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cal.HasSchedule(2028) {
			t.Fatal("2028 known before it was loaded")
		}
		s, err := calendar.ParseSchedule(strings.NewReader(schedule2028))
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SaveHolidaySchedule(ctx, s, sys); err != nil {
			t.Fatal(err)
		}
		s.Papers = []string{"https://example.gov.cn/2028-corrected"}
		if err := db.SaveHolidaySchedule(ctx, s, sys); err != nil {
			t.Fatalf("replace: %v", err)
		}
		stored, err := db.HolidaySchedules(ctx)
		if err != nil || len(stored) != 1 || stored[0].Papers[0] != "https://example.gov.cn/2028-corrected" || stored[0].LoadedBy != "system" {
			t.Fatalf("HolidaySchedules = %+v, %v", stored, err)
		}
		cal, err = db.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// 2028-01-29 is a Saturday made a working day by the loaded notice.
		if ok, w := cal.IsWorkingDay(calendar.NewDate(2028, 1, 29)); !ok || !w.Empty() {
			t.Fatalf("make-up Saturday: working %v, warnings %v", ok, w)
		}
		if ok, _ := cal.IsWorkingDay(calendar.NewDate(2028, 1, 26)); ok {
			t.Fatal("loaded holiday counted as a working day")
		}
		if err := db.SaveHolidaySchedule(ctx, calendar.Schedule{Year: 2029}, sys); err == nil {
			t.Fatalf("empty schedule saved: %v", err)
		}
	})
}

// TestSQLiteFileIsPrivate keeps the database and its backup, which hold
// applicants' personal data, readable by the server's user only.
func TestSQLiteFileIsPrivate(t *testing.T) {
	t.Parallel()
	db := storetest.Open(t, store.SQLite)
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(context.Background(), dest); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{db.Path, dest} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if mode := info.Mode().Perm(); mode != 0o600 {
			t.Errorf("%s: mode %o, want 600", path, mode)
		}
	}
}
