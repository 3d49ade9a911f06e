package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
)

// AuditNames looks up what the numbers of a page of audit entries stand
// for: users' display and login names, items' titles, cases' 查询号 and
// agencies' names, one query per kind however long the page.
func (db *DB) AuditNames(ctx context.Context, w auditlog.Wanted) (auditlog.Names, error) {
	n := auditlog.Names{DisplayNames: map[int64]string{}, Usernames: map[int64]string{}, Items: map[int64]string{},
		Cases: map[int64]string{}, Agencies: map[int64]string{}}
	type named struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
		Alt  string `db:"alt"`
	}
	lookups := []struct {
		ids   []int64
		query string
		fill  func(named)
	}{
		{w.Users, `SELECT id, display_name AS name, username AS alt FROM users WHERE id IN (?)`,
			func(r named) { n.DisplayNames[r.ID], n.Usernames[r.ID] = r.Name, r.Alt }},
		{w.Items, `SELECT id, title AS name, '' AS alt FROM catalog_items WHERE id IN (?)`,
			func(r named) { n.Items[r.ID] = r.Name }},
		{w.Cases, `SELECT id, query_no AS name, '' AS alt FROM cases WHERE id IN (?)`,
			func(r named) { n.Cases[r.ID] = r.Name }},
		{w.Agencies, `SELECT id, name, '' AS alt FROM agencies WHERE id IN (?)`,
			func(r named) { n.Agencies[r.ID] = r.Name }},
	}
	for _, l := range lookups {
		if len(l.ids) == 0 {
			continue
		}
		q, args, err := sqlx.In(l.query, l.ids)
		if err != nil {
			return n, fmt.Errorf("store: audit names: %w", err)
		}
		var rows []named
		if err := db.read.SelectContext(ctx, &rows, db.read.Rebind(q), args...); err != nil {
			return n, fmt.Errorf("store: audit names: %w", err)
		}
		for _, r := range rows {
			l.fill(r)
		}
	}
	return n, nil
}
