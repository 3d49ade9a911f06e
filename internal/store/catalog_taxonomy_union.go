package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/gongkai/gongkai/internal/catalog"
)

// TaxonomyUnions returns the 主题分类 and 体裁分类 a search across every
// agency offers: for each kind, catalog.UnionTaxonomy of every agency's
// taxonomy (the entries it stored, or the defaults when it never changed
// them), agencies in id order. With no agency at all they are the defaults.
func (db *DB) TaxonomyUnions(ctx context.Context) (themes, genres catalog.Taxonomy, err error) {
	// Each stored code once per kind, from the first agency that has it:
	// the union keeps no other, so the database sends only those.
	var rows []struct {
		Kind     string `db:"kind"`
		AgencyID int64  `db:"agency_id"`
		Code     string `db:"code"`
		Label    string `db:"label"`
	}
	err = db.read.SelectContext(ctx, &rows, `SELECT e.kind, e.agency_id, e.code, e.label
		FROM catalog_taxonomy_entries e
		JOIN (SELECT kind, code, min(agency_id) AS first FROM catalog_taxonomy_entries GROUP BY kind, code) f
			ON f.first = e.agency_id AND f.kind = e.kind AND f.code = e.code
		ORDER BY e.kind, e.agency_id, e.position, e.code`)
	if err != nil {
		return themes, genres, fmt.Errorf("store: taxonomies of every agency: %w", err)
	}
	// The first agency of each kind still on the defaults takes its place
	// among the others.
	var onDefaults struct {
		Theme sql.NullInt64 `db:"theme"`
		Genre sql.NullInt64 `db:"genre"`
	}
	const first = `(SELECT min(a.id) FROM agencies a WHERE NOT EXISTS
		(SELECT 1 FROM catalog_taxonomy_entries e WHERE e.agency_id = a.id AND e.kind = ?))`
	err = db.read.GetContext(ctx, &onDefaults, db.read.Rebind(`SELECT `+first+` AS theme, `+first+` AS genre`),
		string(catalog.ThemeKind), string(catalog.GenreKind))
	if err != nil {
		return themes, genres, fmt.Errorf("store: agencies on the default taxonomies: %w", err)
	}
	union := func(kind catalog.TaxonomyKind, onDefaults sql.NullInt64) catalog.Taxonomy {
		var all []catalog.Taxonomy
		var ids []int64
		for _, r := range rows {
			if r.Kind != string(kind) {
				continue
			}
			if len(ids) == 0 || ids[len(ids)-1] != r.AgencyID {
				all, ids = append(all, catalog.Taxonomy{Kind: kind}), append(ids, r.AgencyID)
			}
			t := &all[len(all)-1]
			t.Entries = append(t.Entries, catalog.TaxonomyEntry{Code: r.Code, Label: r.Label})
		}
		if onDefaults.Valid || len(all) == 0 {
			at, _ := slices.BinarySearch(ids, onDefaults.Int64)
			all = slices.Insert(all, at, catalog.DefaultTaxonomy(kind))
		}
		return catalog.UnionTaxonomy(kind, all)
	}
	return union(catalog.ThemeKind, onDefaults.Theme), union(catalog.GenreKind, onDefaults.Genre), nil
}
