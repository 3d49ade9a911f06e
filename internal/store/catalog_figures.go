package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
)

// publicStates are the states of an item that has reached the portal.
const publicStates = `('published', 'repealed', 'expired')`

// CatalogFigures returns what the annual report takes from the catalog for
// an agency and a year: the year's 主动公开 items per column and per
// channel, and the part 二 counts of 规章 and 规范性文件 (see
// catalog.Figures for which field feeds which cell of each report format).
// "Published in the year" means a 发布日期 in that calendar year, China time.
func (db *DB) CatalogFigures(ctx context.Context, agencyID int64, year int) (catalog.Figures, error) {
	f := catalog.Figures{AgencyID: agencyID, Year: year}
	from := calendar.NewDate(year, 1, 1).Time().UTC()
	to := calendar.NewDate(year+1, 1, 1).Time().UTC()
	fail := func(what string, err error) (catalog.Figures, error) {
		return catalog.Figures{}, fmt.Errorf("store: catalog figures of agency %d, %d: %s: %w", agencyID, year, what, err)
	}
	cols, err := db.Columns(ctx, agencyID)
	if err != nil {
		return fail("columns", err)
	}
	var perColumn []struct {
		ColumnID *int64 `db:"column_id"`
		N        int    `db:"n"`
	}
	err = db.read.SelectContext(ctx, &perColumn, db.read.Rebind(`SELECT column_id, count(*) AS n FROM catalog_items
		WHERE agency_id = ? AND attribute = 'proactive' AND channel = 'website' AND state IN `+publicStates+`
		AND published_at >= ? AND published_at < ? GROUP BY column_id`), agencyID, from, to)
	if err != nil {
		return fail("per column", err)
	}
	counts := map[int64]int{}
	for _, r := range perColumn {
		id := int64(0)
		if r.ColumnID != nil {
			id = *r.ColumnID
		}
		counts[id] += r.N
		f.Website += r.N
	}
	for _, c := range cols {
		f.ByColumn = append(f.ByColumn, catalog.ColumnCount{ColumnID: c.ID, Column: catalog.ColumnPath(cols, c.ID), Count: counts[c.ID]})
	}
	if counts[0] > 0 {
		f.ByColumn = append(f.ByColumn, catalog.ColumnCount{Column: "", Count: counts[0]})
	}
	var perChannel []struct {
		Channel  string `db:"channel"`
		N        int    `db:"n"`
		Original int    `db:"original_n"`
	}
	err = db.read.SelectContext(ctx, &perChannel, db.read.Rebind(`SELECT channel, count(*) AS n,
		sum(CASE WHEN original THEN 1 ELSE 0 END) AS original_n FROM catalog_items
		WHERE agency_id = ? AND attribute = 'proactive' AND state IN `+publicStates+`
		AND published_at >= ? AND published_at < ? GROUP BY channel ORDER BY channel`), agencyID, from, to)
	if err != nil {
		return fail("per channel", err)
	}
	for _, ch := range []catalog.Channel{catalog.Website, catalog.WeChat, catalog.Other} {
		cc := catalog.ChannelCount{Channel: ch}
		for _, r := range perChannel {
			if r.Channel == string(ch) {
				cc.Count, cc.Original = r.N, r.Original
			}
		}
		f.Channels = append(f.Channels, cc)
	}
	if f.Rules, err = db.documentFigures(ctx, agencyID, year, catalog.GenreRule); err != nil {
		return fail("rules", err)
	}
	if f.NormativeDocuments, err = db.documentFigures(ctx, agencyID, year, catalog.GenreNormative); err != nil {
		return fail("normative documents", err)
	}
	return f, nil
}

// documentFigures counts one genre for part 二. Dates of validity are
// compared as YYYY-MM-DD text; publication times as instants.
func (db *DB) documentFigures(ctx context.Context, agencyID int64, year int, genre string) (catalog.DocumentFigures, error) {
	y := strconv.Itoa(year)
	end := calendar.NewDate(year+1, 1, 1).Time().UTC()
	start := calendar.NewDate(year, 1, 1).Time().UTC()
	var d struct {
		Made      int `db:"made"`
		Published int `db:"published"`
		Repealed  int `db:"repealed"`
		Total     int `db:"total"`
		InForce   int `db:"in_force"`
	}
	err := db.read.GetContext(ctx, &d, db.read.Rebind(`SELECT
		COALESCE(sum(CASE WHEN written_on >= ? AND written_on <= ? THEN 1 ELSE 0 END), 0) AS made,
		COALESCE(sum(CASE WHEN published_at >= ? THEN 1 ELSE 0 END), 0) AS published,
		COALESCE(sum(CASE WHEN invalid_on >= ? AND invalid_on <= ? THEN 1 ELSE 0 END), 0) AS repealed,
		count(*) AS total,
		COALESCE(sum(CASE WHEN validity = 'valid' OR invalid_on > ? THEN 1 ELSE 0 END), 0) AS in_force
		FROM catalog_items WHERE agency_id = ? AND genre = ? AND attribute = 'proactive'
		AND state IN `+publicStates+` AND published_at < ?`),
		y+"-01-01", y+"-12-31", start, y+"-01-01", y+"-12-31", y+"-12-31", agencyID, genre, end)
	if err != nil {
		return catalog.DocumentFigures{}, err
	}
	return catalog.DocumentFigures(d), nil
}
