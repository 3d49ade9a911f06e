package store

import (
	"context"
	"fmt"
)

// CopyCaseForBench copies case id n times within its agency, spreading the
// copies over applicant kinds, receipt and closing days around the year
// boundary of 2020 and three outcomes, so that a benchmark of the annual
// report counts a realistic mix. Benchmarks only.
func (db *DB) CopyCaseForBench(ctx context.Context, id int64, n int) error {
	_, err := db.write.ExecContext(ctx, db.write.Rebind(`INSERT INTO cases (agency_id, query_no, secret_hash, channel,
		stage, applicant_kind, applicant_name, id_type, id_number, contact, phone, email, address, postal, description,
		doc_number, purpose, form, receive, submitted_at, received_on, closed_on, outcome, dup_key, state)
		WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
		SELECT c.agency_id, c.query_no || '-' || CAST(seq.i AS TEXT), c.secret_hash, c.channel,
			CASE seq.i % 4 WHEN 3 THEN c.stage ELSE 'closed' END,
			CASE seq.i % 3 WHEN 0 THEN 'natural_person' WHEN 1 THEN 'commercial' ELSE 'legal_service' END,
			c.applicant_name, c.id_type, c.id_number, c.contact, c.phone, c.email, c.address, c.postal, c.description,
			c.doc_number, c.purpose, c.form, c.receive, c.submitted_at,
			CASE seq.i % 4 WHEN 0 THEN '2019-12-20' WHEN 1 THEN '2020-03-02' WHEN 2 THEN '2020-07-15' ELSE '2020-12-28' END,
			CASE seq.i % 4 WHEN 0 THEN '2020-01-08' WHEN 1 THEN '2020-03-20' WHEN 2 THEN '2020-08-01' ELSE NULL END,
			CASE seq.i % 4 WHEN 3 THEN NULL ELSE
				CASE seq.i % 5 WHEN 0 THEN 'disclosed' WHEN 1 THEN 'partially_disclosed' ELSE 'unavailable.not_held' END END,
			c.dup_key, c.state
		FROM cases c, seq WHERE c.id = ?`), n, id)
	if err != nil {
		return fmt.Errorf("store: copy case %d: %w", id, err)
	}
	return nil
}
