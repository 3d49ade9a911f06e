package store

import (
	"context"
	"fmt"
)

// CaseFeesYuan returns the 信息处理费 an agency collected in year, in 元:
// the fees of its cases paid in that year. Part 六 of the annual report
// states it.
func (db *DB) CaseFeesYuan(ctx context.Context, agencyID int64, year int) (float64, error) {
	first, last := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
	var rows []caseRow
	// A fee is paid after the case was received and before it closed.
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT `+caseColumns+` FROM cases
		WHERE agency_id = ? AND received_on IS NOT NULL AND received_on <= ?
		AND (closed_on IS NULL OR closed_on >= ?)`), agencyID, last, first)
	if err != nil {
		return 0, fmt.Errorf("store: fees of agency %d for %d: %w", agencyID, year, err)
	}
	total := 0
	for _, r := range rows {
		c, err := r.toCase()
		if err != nil {
			return 0, fmt.Errorf("store: fees of agency %d for %d: %w", agencyID, year, err)
		}
		if paid := c.Fee.PaidOn; !paid.IsZero() && paid.Year == year {
			total += c.Fee.Yuan
		}
	}
	return float64(total), nil
}
