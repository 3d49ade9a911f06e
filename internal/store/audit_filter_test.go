package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// TestAuditFilter records entries by two people on three days and selects
// them by person, action, object and date, on both engines, then looks up
// the names the entries refer to.
func TestAuditFilter(t *testing.T) {
	t.Parallel()
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		db.Now = func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) }
		city := mustAgency(t, db, "长治市人民政府", "0142700-1", 0)
		ag := "agency:" + strconv.FormatInt(city.ID, 10)
		zhang := &auth.User{Username: "zhangsan", DisplayName: "张三", PasswordHash: "h"}
		if err := db.CreateUser(ctx, zhang, sys); err != nil {
			t.Fatal(err)
		}
		day := func(d, h int) time.Time { return time.Date(2026, 12, d, h, 0, 0, 0, time.UTC) }
		records := []struct {
			at     time.Time
			actor  int64
			action auditlog.Action
			object string
		}{
			{day(1, 9), zhang.ID, "item.attach", "item:12"},
			{day(1, 10), zhang.ID, "item.attach", "item:123"},
			{day(2, 9), 0, "report.publish", "annual_report:1:2020"},
			{day(3, 9), zhang.ID, "catalog.scan_words", ag + ":scan_words"},
			{day(3, 10), zhang.ID, "agency.update", ag},
			{day(3, 11), 0, "item.detach", "item_%:1"},
		}
		var first int64
		for i, r := range records {
			db.Now = func() time.Time { return r.at }
			if err := db.Record(ctx, auditlog.Change{ActorID: r.actor, Actor: "x", AgencyID: city.ID, Action: r.action, Object: r.object}); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				es, err := db.AuditEntries(ctx, store.AuditFilter{Limit: 1})
				if err != nil {
					t.Fatal(err)
				}
				first = es[0].Seq
			}
		}
		tests := []struct {
			name string
			f    store.AuditFilter
			want []int64 // indexes into records, newest first
		}{
			{"all of the agency since", store.AuditFilter{AgencyIDs: []int64{city.ID}, From: day(1, 0)}, []int64{5, 4, 3, 2, 1, 0}},
			{"by person", store.AuditFilter{ActorID: zhang.ID}, []int64{4, 3, 1, 0}},
			{"by action", store.AuditFilter{Action: "item.attach"}, []int64{1, 0}},
			{"object exactly, not item:123", store.AuditFilter{Object: "item:12"}, []int64{0}},
			{"object and those under it", store.AuditFilter{Object: ag, From: day(1, 0)}, []int64{4, 3}},
			{"object kind", store.AuditFilter{Object: "item:"}, []int64{1, 0}},
			{"wildcards are literal", store.AuditFilter{Object: "item_%:"}, []int64{5}},
			{"from a day", store.AuditFilter{From: day(2, 0), AgencyIDs: []int64{city.ID}}, []int64{5, 4, 3, 2}},
			{"before a day", store.AuditFilter{From: day(1, 0), To: day(2, 0), AgencyIDs: []int64{city.ID}}, []int64{1, 0}},
			{"one day", store.AuditFilter{From: day(3, 0), To: day(4, 0)}, []int64{5, 4, 3}},
			{"combined and paged", store.AuditFilter{ActorID: zhang.ID, Object: "item:", BeforeSeq: first + 1}, []int64{0}},
			{"no match", store.AuditFilter{Action: "user.login", ActorID: zhang.ID}, nil},
		}
		for _, tt := range tests {
			es, err := db.AuditEntries(ctx, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			var got []int64
			for _, e := range es {
				got = append(got, e.Seq-first)
			}
			if len(got) != len(tt.want) {
				t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
				continue
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
					break
				}
			}
		}

		// The names a page of entries refers to, one query per kind; numbers
		// that name nothing are left out.
		n, err := db.AuditNames(ctx, auditlog.Wanted{Users: []int64{zhang.ID, 999}, Agencies: []int64{city.ID}, Items: []int64{5}})
		if err != nil {
			t.Fatal(err)
		}
		if n.DisplayNames[zhang.ID] != "张三" || n.Usernames[zhang.ID] != "zhangsan" || n.Agencies[city.ID] != "长治市人民政府" ||
			len(n.DisplayNames) != 1 || len(n.Items) != 0 {
			t.Fatalf("AuditNames = %+v", n)
		}
		e := auditlog.Entry{ActorID: zhang.ID, Actor: "zhangsan", Action: "agency.update", Object: "agency:" + strconv.FormatInt(city.ID, 10),
			At: time.Date(2026, 12, 4, 2, 21, 0, 0, time.UTC)}
		if got, want := n.Sentence(e), "张三 于 2026-12-04 10:21 修改长治市人民政府信息"; got != want {
			t.Fatalf("Sentence = %q, want %q", got, want)
		}
	})
}
