package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/errs"
)

type letterBody struct {
	Addressee  string   `json:"addressee"`
	Paragraphs []string `json:"paragraphs"`
}

type letterRow struct {
	ID       int64  `db:"id"`
	CaseID   int64  `db:"case_id"`
	AgencyID int64  `db:"agency_id"`
	Kind     string `db:"kind"`
	Number   string `db:"number"`
	IssuedOn string `db:"issued_on"`
	Title    string `db:"title"`
	Body     string `db:"body"`
}

func (r letterRow) letter() (cases.IssuedLetter, error) {
	var b letterBody
	if err := json.Unmarshal([]byte(r.Body), &b); err != nil {
		return cases.IssuedLetter{}, fmt.Errorf("letter %d: %w", r.ID, err)
	}
	on, err := calendar.ParseDate(r.IssuedOn)
	if err != nil {
		return cases.IssuedLetter{}, fmt.Errorf("letter %d: %w", r.ID, err)
	}
	return cases.IssuedLetter{ID: r.ID, CaseID: r.CaseID, AgencyID: r.AgencyID, Letter: cases.Letter{
		Kind: cases.LetterKind(r.Kind), Number: r.Number, Title: r.Title, Addressee: b.Addressee,
		Paragraphs: b.Paragraphs, IssuedOn: on}}, nil
}

const letterColumns = `id, case_id, agency_id, kind, number, issued_on, title, body`

// IssueLetter composes and stores a letter on a case of the given agency in
// one transaction: compose writes it from the locked case, the agency's
// 文号 sequence for the year of issue gives its number (prefix〔year〕n号),
// and the timeline and the audit log (without the letter's text) record it.
func (db *DB) IssueLetter(ctx context.Context, caseID, agencyID int64, prefix string,
	compose func(c *cases.Case) (cases.Letter, error), ch auditlog.Change) (*cases.IssuedLetter, error) {
	var out *cases.IssuedLetter
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		c, err := db.lockCase(ctx, tx, caseID)
		if err != nil {
			return err
		}
		if c.AgencyID != agencyID {
			return errs.NotFound("申请不存在")
		}
		l, err := compose(c)
		if err != nil {
			return err
		}
		var n int
		err = tx.GetContext(ctx, &n, tx.Rebind(`INSERT INTO letter_sequences (agency_id, year, last) VALUES (?, ?, 1)
			ON CONFLICT (agency_id, year) DO UPDATE SET last = letter_sequences.last + 1 RETURNING last`),
			agencyID, l.IssuedOn.Year)
		if err != nil {
			return fmt.Errorf("letter number: %w", err)
		}
		l.Number = cases.LetterNumber(prefix, l.IssuedOn.Year, n)
		body, err := json.Marshal(letterBody{Addressee: l.Addressee, Paragraphs: l.Paragraphs})
		if err != nil {
			return err
		}
		out = &cases.IssuedLetter{CaseID: c.ID, AgencyID: agencyID, Letter: l}
		err = tx.GetContext(ctx, &out.ID, tx.Rebind(`INSERT INTO case_letters
			(case_id, agency_id, kind, number, issued_on, title, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			c.ID, agencyID, l.Kind, l.Number, l.IssuedOn.String(), l.Title, string(body), db.now())
		if err != nil {
			return fmt.Errorf("insert letter: %w", translate(err))
		}
		ev := cases.Event{Kind: "letter", On: l.IssuedOn, Note: "出具《" + l.Title + "》" + l.Number}
		if err := db.appendCaseEvent(ctx, tx, c, ev, ch.Actor); err != nil {
			return err
		}
		ch.AgencyID, ch.Object = agencyID, fmt.Sprintf("case:%d", c.ID)
		ch.After = map[string]any{"letter": out.ID, "kind": l.Kind, "number": l.Number, "title": l.Title,
			"addressee": cases.MaskName(l.Addressee)}
		return db.appendAudit(ctx, tx, ch)
	})
	if err != nil {
		return nil, fmt.Errorf("store: letter on case %d: %w", caseID, err)
	}
	return out, nil
}

// CaseLetters returns the letters of a case, oldest first.
func (db *DB) CaseLetters(ctx context.Context, caseID int64) ([]cases.IssuedLetter, error) {
	var rows []letterRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT `+letterColumns+` FROM case_letters
		WHERE case_id = ? ORDER BY id`), caseID)
	if err != nil {
		return nil, fmt.Errorf("store: letters of case %d: %w", caseID, err)
	}
	out := make([]cases.IssuedLetter, 0, len(rows))
	for _, r := range rows {
		l, err := r.letter()
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out = append(out, l)
	}
	return out, nil
}

// CaseLetter returns one letter of a case.
func (db *DB) CaseLetter(ctx context.Context, caseID, id int64) (*cases.IssuedLetter, error) {
	var r letterRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT `+letterColumns+` FROM case_letters
		WHERE case_id = ? AND id = ?`), caseID, id)
	if err != nil {
		return nil, fmt.Errorf("store: letter %d: %w", id, notFound(err, "文书不存在"))
	}
	l, err := r.letter()
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return &l, nil
}

// LetterTemplate returns an agency's own text for a letter kind (or the 文号
// prefix, kind "prefix"), or "" when it uses the built-in one.
func (db *DB) LetterTemplate(ctx context.Context, agencyID int64, kind string) (string, error) {
	var body string
	err := db.read.GetContext(ctx, &body, db.read.Rebind(`SELECT body FROM letter_templates
		WHERE agency_id = ? AND kind = ?`), agencyID, kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: letter template %s of agency %d: %w", kind, agencyID, err)
	}
	return body, nil
}

// SaveLetterTemplate stores an agency's text for a letter kind; an empty
// text restores the built-in one. Before and after are audited.
func (db *DB) SaveLetterTemplate(ctx context.Context, agencyID int64, kind, text string, ch auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		var before string
		err := tx.GetContext(ctx, &before, tx.Rebind(`SELECT body FROM letter_templates WHERE agency_id = ? AND kind = ?`), agencyID, kind)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.ExecContext(ctx, tx.Rebind(`DELETE FROM letter_templates WHERE agency_id = ? AND kind = ?`), agencyID, kind); err != nil {
			return err
		}
		if text != "" {
			_, err = tx.ExecContext(ctx, tx.Rebind(`INSERT INTO letter_templates (agency_id, kind, body, updated_at)
				VALUES (?, ?, ?, ?)`), agencyID, kind, text, db.now())
			if err != nil {
				return translate(err)
			}
		}
		ch.AgencyID, ch.Object = agencyID, fmt.Sprintf("letter_template:%d:%s", agencyID, kind)
		ch.Before, ch.After = nilIfEmpty(before), nilIfEmpty(text)
		return db.appendAudit(ctx, tx, ch)
	})
	if err != nil {
		return fmt.Errorf("store: save letter template %s: %w", kind, err)
	}
	return nil
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
