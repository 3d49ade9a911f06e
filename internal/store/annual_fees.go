package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// CaseFeesYuan returns the 信息处理费 an agency collected in year, in 元:
// the fees of its cases paid in that year. Part 六 of the annual report
// states it.
func (db *DB) CaseFeesYuan(ctx context.Context, agencyID int64, year int) (float64, error) {
	first, last := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
	var states []string
	// A fee is paid after the case was received and before it closed; only
	// a case with a fee notice has "yuan" in its state.
	err := db.read.SelectContext(ctx, &states, db.read.Rebind(`SELECT state FROM cases
		WHERE agency_id = ? AND received_on IS NOT NULL AND received_on <= ?
		AND (closed_on IS NULL OR closed_on >= ?) AND state LIKE ?`), agencyID, last, first, `%"yuan":%`)
	if err != nil {
		return 0, fmt.Errorf("store: fees of agency %d for %d: %w", agencyID, year, err)
	}
	total := 0
	for _, s := range states {
		var st caseState
		if err := json.Unmarshal([]byte(s), &st); err != nil {
			return 0, fmt.Errorf("store: fees of agency %d for %d: %w", agencyID, year, err)
		}
		if paid := st.Fee.PaidOn; !paid.IsZero() && paid.Year == year {
			total += st.Fee.Yuan
		}
	}
	return float64(total), nil
}
