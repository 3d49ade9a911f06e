package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestAuditLogFilters makes changes as the bureau's admin and reads them
// back on the log page as sentences, narrowed by person, action, object
// and date, page after page, and in the CSV export under the same filter.
func TestAuditLogFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	ctx := context.Background()
	admin := e.login("spj-admin")
	bureau := itoa(e.ids[demo.Bureau])
	res, _ := admin.post("/office/a/"+bureau+"/users", url.Values{"username": {"zhaoliu"}, "display_name": {"赵六"},
		"password": {"a long enough pass"}, "role": {"case_officer"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create user: %d", res.StatusCode)
	}
	me, err := e.db.UserByUsername(ctx, "spj-admin")
	if err != nil {
		t.Fatal(err)
	}
	zhao, err := e.db.UserByUsername(ctx, "zhaoliu")
	if err != nil {
		t.Fatal(err)
	}
	seededEntries, err := e.db.AuditEntries(ctx, store.AuditFilter{AgencyIDs: []int64{e.ids[demo.Bureau]}, Action: "demo.seed", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for range 51 {
		if err := e.db.Record(ctx, auditlog.Change{Actor: "demo", AgencyID: e.ids[demo.Bureau], Action: "demo.seed"}); err != nil {
			t.Fatal(err)
		}
	}
	china := time.FixedZone("CST", 8*3600)
	today := e.now.In(china).Format("2006-01-02")
	tomorrow := e.now.In(china).AddDate(0, 0, 1).Format("2006-01-02")
	created := me.DisplayName + " 于 " + e.now.In(china).Format("2006-01-02 15:04") + " 创建用户 zhaoliu"
	granted := "为用户 zhaoliu 授予角色"
	base := "/office/a/" + bureau + "/audit"
	tests := []struct {
		name, query string
		want, not   []string
	}{
		{"a sentence per entry", "", []string{"写入演示数据", "更早的记录"}, nil},
		{"by action", "action=user.create", []string{created, `<option value="user.create" selected>创建用户</option>`}, []string{granted, "更早的记录"}},
		{"by person", "actor=" + itoa(me.ID), []string{created, granted}, []string{"演示数据 于"}},
		{"by someone else", "actor=" + itoa(zhao.ID), []string{"暂无记录"}, []string{created}},
		{"by object", "object=user:" + itoa(zhao.ID), []string{created, granted, "用户名", "<ins>zhaoliu</ins>"}, []string{"演示数据 于"}},
		{"by day", "action=user.create&from=" + today + "&to=" + today, []string{created}, nil},
		{"after the day", "from=" + tomorrow, []string{"暂无记录"}, []string{created}},
		{"paging keeps the filter", "action=demo.seed", []string{"?action=demo.seed&amp;before="}, []string{created}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := admin.get(base + "?" + tt.query)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", tt.query, res.StatusCode)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(body, n) {
					t.Errorf("page shows %q", n)
				}
			}
		})
	}

	_, first := admin.get(base + "?action=demo.seed")
	i := strings.Index(first, `href="`+base+`?action=demo.seed&amp;before=`)
	if i < 0 {
		t.Fatal("no link to the next page")
	}
	next := first[i+len(`href="`):]
	next = strings.ReplaceAll(next[:strings.Index(next, `"`)], "&amp;", "&")
	_, second := admin.get(next)
	if n, want := strings.Count(second, "演示数据 于"), len(seededEntries)+51-50; n != want || strings.Contains(second, "更早的记录") {
		t.Errorf("second page shows %d entries, want %d", n, want)
	}

	res, csv := admin.get(base + ".csv?action=user.create")
	if res.StatusCode != http.StatusOK || !strings.Contains(csv, "说明") || !strings.Contains(csv, created) ||
		strings.Contains(csv, "role.grant") || strings.Contains(csv, "demo.seed") {
		t.Errorf("filtered CSV: %d %.400s", res.StatusCode, csv)
	}

	if res, _ := admin.get(base + "?from=2026-13-40"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad date: %d, want 400", res.StatusCode)
	}
	if res, _ := e.login("spj-editor").get(base + "?action=user.create"); res.StatusCode != http.StatusForbidden {
		t.Errorf("an editor opens the log: %d, want 403", res.StatusCode)
	}
}
