package store

import (
	"context"
	"fmt"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/report"
)

// CaseCounts returns an agency's application figures for part 三 of its
// annual report for year, in format f: received by day of receipt,
// carried in, one row per outcome (Outcome.ReportRow of f) and carried
// out. They balance per column by construction (cases.Counts.Add).
func (db *DB) CaseCounts(ctx context.Context, agencyID int64, year int, f report.Format) (cases.Counts, error) {
	first, last := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
	rows, err := db.read.QueryxContext(ctx, db.read.Rebind(`SELECT applicant_kind, received_on, closed_on, outcome
		FROM cases WHERE agency_id = ? AND received_on IS NOT NULL AND received_on <= ?
		AND (closed_on IS NULL OR closed_on >= ?)`), agencyID, last, first)
	if err != nil {
		return cases.Counts{}, fmt.Errorf("store: case counts of agency %d for %d: %w", agencyID, year, err)
	}
	defer rows.Close()
	counts := cases.NewCounts(year, f)
	for rows.Next() {
		var kind, received string
		var closed, outcome *string
		if err := rows.Scan(&kind, &received, &closed, &outcome); err != nil {
			return cases.Counts{}, fmt.Errorf("store: case counts: %w", err)
		}
		k := cases.CountedCase{Kind: cases.ApplicantKind(kind)}
		if k.Received, err = calendar.ParseDate(received); err != nil {
			return cases.Counts{}, fmt.Errorf("store: case counts: %w", err)
		}
		if closed != nil && outcome != nil {
			if k.Closed, err = calendar.ParseDate(*closed); err != nil {
				return cases.Counts{}, fmt.Errorf("store: case counts: %w", err)
			}
			k.Outcome = cases.Outcome(*outcome)
		}
		counts.Add(k)
	}
	if err := rows.Err(); err != nil {
		return cases.Counts{}, fmt.Errorf("store: case counts: %w", err)
	}
	return counts, nil
}
