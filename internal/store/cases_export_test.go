package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
)

// SyntheticCases fills the database with agencies × perAgency generated
// cases for benchmarks, in multi-row INSERTs without timeline or audit
// entries (what CreateCase adds is measured separately). Receipt dates
// spread over 2024–2026; about 85% are closed 3–60 days later with an
// outcome drawn from every row. It returns the agency ids.
func (db *DB) SyntheticCases(ctx context.Context, agencies, perAgency int, seed uint64) ([]int64, error) {
	rnd := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	outcomes := cases.Outcomes()
	kinds := cases.ApplicantKinds()
	var ids []int64
	start := calendar.NewDate(2024, 1, 1)
	const batch = 400
	for a := 0; a < agencies; a++ {
		var id int64
		err := db.write.GetContext(ctx, &id, db.write.Rebind(`INSERT INTO agencies (name, code, kind, created_at)
			VALUES (?, ?, 'department', ?) RETURNING id`), fmt.Sprintf("合成机关%04d", a), fmt.Sprintf("syn-%04d", a), db.now())
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
		for from := 0; from < perAgency; from += batch {
			n := min(batch, perAgency-from)
			var sb strings.Builder
			sb.WriteString(`INSERT INTO cases (agency_id, query_no, secret_hash, channel, stage, applicant_kind, applicant_name,
				id_type, id_number, description, form, receive, submitted_at, received_on, closed_on, outcome, dup_key) VALUES `)
			args := make([]any, 0, n*17)
			for i := 0; i < n; i++ {
				if i > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString("(?, ?, '', 'in_person', ?, ?, '合成', 'passport', ?, '合成申请', 'paper', 'post', ?, ?, ?, ?, ?)")
				kind := cases.NaturalPerson
				if rnd.IntN(5) == 0 {
					kind = kinds[1+rnd.IntN(len(kinds)-1)]
				}
				rec := start.AddDays(rnd.IntN(3 * 365))
				stage, closed, outcome := string(cases.StageInProgress), any(nil), any(nil)
				if rnd.IntN(100) < 85 {
					stage = string(cases.StageClosed)
					closed = rec.AddDays(3 + rnd.IntN(58)).String()
					outcome = string(outcomes[rnd.IntN(len(outcomes))].Outcome)
				}
				k := from + i
				args = append(args, id, fmt.Sprintf("SYN%d-%d", id, k), stage, string(kind), fmt.Sprintf("E%08d", rnd.IntN(1e8)),
					rec.Time(), rec.String(), closed, outcome, fmt.Sprintf("%016x", rnd.Uint64()))
			}
			err := db.tx(ctx, func(tx *sqlx.Tx) error {
				_, err := tx.ExecContext(ctx, tx.Rebind(sb.String()), args...)
				return err
			})
			if err != nil {
				return nil, fmt.Errorf("synthetic cases: %w", err)
			}
		}
	}
	return ids, nil
}
