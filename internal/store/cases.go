package store

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/errs"
)

// caseState is the JSON of the workflow details kept in cases.state.
type caseState struct {
	CorrectionNoticeOn  calendar.Date    `json:"correction_notice_on"`
	CorrectionDue       calendar.Date    `json:"correction_due"`
	CorrectedReceived   calendar.Date    `json:"corrected_received"`
	CorrectionItems     []string         `json:"correction_items,omitempty"`
	CorrectionDays      int              `json:"correction_days,omitempty"`
	CorrectionDelivered calendar.Date    `json:"correction_delivered"`
	OriginalRequest     string           `json:"original_request,omitempty"`
	CorrectionSubmitted calendar.Date    `json:"correction_submitted"`
	CorrectionText      string           `json:"correction_text,omitempty"`
	Extension           cases.Extension  `json:"extension"`
	Pauses              []caseStatePause `json:"pauses,omitempty"`
	Fee                 cases.FeeNotice  `json:"fee"`
	Closing             cases.Closing    `json:"closing"`
	Delivered           cases.Delivery   `json:"delivered"`
}

type caseStatePause struct {
	Kind  cases.PauseKind `json:"kind"`
	Start calendar.Date   `json:"start"`
	End   calendar.Date   `json:"end"`
	Whom  string          `json:"whom,omitempty"`
}

type caseRow struct {
	ID            int64   `db:"id"`
	AgencyID      int64   `db:"agency_id"`
	QueryNo       string  `db:"query_no"`
	SecretHash    string  `db:"secret_hash"`
	Channel       string  `db:"channel"`
	Stage         string  `db:"stage"`
	ApplicantKind string  `db:"applicant_kind"`
	ApplicantName string  `db:"applicant_name"`
	IDType        string  `db:"id_type"`
	IDNumber      string  `db:"id_number"`
	Contact       string  `db:"contact"`
	Phone         string  `db:"phone"`
	Email         string  `db:"email"`
	Address       string  `db:"address"`
	Postal        string  `db:"postal"`
	Description   string  `db:"description"`
	DocNumber     string  `db:"doc_number"`
	Purpose       string  `db:"purpose"`
	Form          string  `db:"form"`
	Receive       string  `db:"receive"`
	SubmittedAt   sqlTime `db:"submitted_at"`
	ReceivedOn    *string `db:"received_on"`
	ClosedOn      *string `db:"closed_on"`
	Outcome       *string `db:"outcome"`
	DupKey        string  `db:"dup_key"`
	State         string  `db:"state"`
}

const caseColumns = `id, agency_id, query_no, secret_hash, channel, stage, applicant_kind, applicant_name,
	id_type, id_number, contact, phone, email, address, postal, description, doc_number, purpose, form, receive,
	submitted_at, received_on, closed_on, outcome, dup_key, state`

func dateOrNil(d calendar.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func (r caseRow) toCase() (*cases.Case, error) {
	var st caseState
	if err := json.Unmarshal([]byte(r.State), &st); err != nil {
		return nil, fmt.Errorf("case %d state: %w", r.ID, err)
	}
	c := &cases.Case{
		ID: r.ID, AgencyID: r.AgencyID, QueryNo: r.QueryNo, SecretHash: r.SecretHash,
		Channel: cases.Channel(r.Channel), Stage: cases.Stage(r.Stage),
		Applicant: cases.Applicant{Kind: cases.ApplicantKind(r.ApplicantKind), Name: r.ApplicantName,
			IDType: cases.IDType(r.IDType), IDNumber: r.IDNumber, Contact: r.Contact, Phone: r.Phone,
			Email: r.Email, Address: r.Address, Postal: r.Postal},
		Request: cases.Request{Description: r.Description, DocNumber: r.DocNumber, Purpose: r.Purpose,
			Form: cases.Form(r.Form), Receive: cases.Receive(r.Receive)},
		SubmittedAt: r.SubmittedAt.Time, DuplicateKey: r.DupKey,
		CorrectionNoticeOn: st.CorrectionNoticeOn, CorrectionDue: st.CorrectionDue,
		CorrectedReceived: st.CorrectedReceived, Extension: st.Extension, Fee: st.Fee,
		Closing: st.Closing, Delivered: st.Delivered, CorrectionItems: st.CorrectionItems,
		CorrectionDays: st.CorrectionDays, CorrectionDelivered: st.CorrectionDelivered, OriginalRequest: st.OriginalRequest,
		CorrectionSubmitted: st.CorrectionSubmitted, CorrectionText: st.CorrectionText,
	}
	if r.ReceivedOn != nil {
		d, err := calendar.ParseDate(*r.ReceivedOn)
		if err != nil {
			return nil, fmt.Errorf("case %d received_on: %w", r.ID, err)
		}
		c.Received = d
	}
	for _, p := range st.Pauses {
		c.Pauses = append(c.Pauses, cases.Pause{Kind: p.Kind, Start: p.Start, End: p.End, Whom: p.Whom})
	}
	return c, nil
}

// caseArgs returns the column values of c in caseColumns order, without id.
func caseArgs(c *cases.Case) ([]any, error) {
	st := caseState{
		CorrectionNoticeOn: c.CorrectionNoticeOn, CorrectionDue: c.CorrectionDue,
		CorrectedReceived: c.CorrectedReceived, Extension: c.Extension, Fee: c.Fee,
		Closing: c.Closing, Delivered: c.Delivered, CorrectionItems: c.CorrectionItems,
		CorrectionDays: c.CorrectionDays, CorrectionDelivered: c.CorrectionDelivered, OriginalRequest: c.OriginalRequest,
		CorrectionSubmitted: c.CorrectionSubmitted, CorrectionText: c.CorrectionText,
	}
	for _, p := range c.Pauses {
		st.Pauses = append(st.Pauses, caseStatePause{Kind: p.Kind, Start: p.Start, End: p.End, Whom: p.Whom})
	}
	state, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	var outcome *string
	if c.Stage == cases.StageClosed {
		o := string(c.Closing.Outcome)
		outcome = &o
	}
	a, r := c.Applicant, c.Request
	return []any{c.AgencyID, c.QueryNo, c.SecretHash, c.Channel, c.Stage, a.Kind, a.Name,
		a.IDType, a.IDNumber, a.Contact, a.Phone, a.Email, a.Address, a.Postal, r.Description, r.DocNumber,
		r.Purpose, r.Form, r.Receive, c.SubmittedAt, dateOrNil(c.Received), dateOrNil(closedOn(c)), outcome,
		c.DuplicateKey, string(state)}, nil
}

func closedOn(c *cases.Case) calendar.Date {
	if c.Stage != cases.StageClosed {
		return calendar.Date{}
	}
	return c.Closing.On
}

type attachmentRow struct {
	ID      int64  `db:"id"`
	Name    string `db:"name"`
	MIME    string `db:"mime"`
	Size    int64  `db:"size"`
	BlobKey string `db:"blob_key"`
	Data    []byte `db:"data"`
	// Correction marks a file sent with a correction on the status page.
	Correction bool `db:"correction"`
}

func (r attachmentRow) attachment() cases.Attachment {
	return cases.Attachment{ID: r.ID, Name: r.Name, MIME: r.MIME, Size: r.Size, BlobKey: r.BlobKey, Data: r.Data, Correction: r.Correction}
}

// CreateCase stores a new application with its first timeline event and
// attachments, and records it (masked) in the audit log. It sets c.ID,
// c.QueryNo, c.SecretHash and, unless given (imports, demo data),
// c.SubmittedAt, and returns the status look-up secret, which is stored
// only as a hash.
func (db *DB) CreateCase(ctx context.Context, c *cases.Case, ev cases.Event, files []cases.Attachment, ch auditlog.Change) (secret string, err error) {
	secret, err = cases.NewSecret()
	if err != nil {
		return "", err
	}
	c.SecretHash = cases.HashSecret(secret)
	if c.SubmittedAt.IsZero() {
		c.SubmittedAt = db.now()
	} else {
		c.SubmittedAt = c.SubmittedAt.UTC().Truncate(time.Microsecond)
	}
	for attempt := 0; ; attempt++ {
		if c.QueryNo, err = cases.NewQueryNo(c.SubmittedAt.Year()); err != nil {
			return "", err
		}
		err = db.tx(ctx, func(tx *sqlx.Tx) error { return db.insertCase(ctx, tx, c, ev, files, ch) })
		if err == nil || !errors.Is(err, errUnique) || attempt == 3 {
			break
		}
	}
	if err != nil {
		return "", fmt.Errorf("store: create case: %w", err)
	}
	return secret, nil
}

func (db *DB) insertCase(ctx context.Context, tx *sqlx.Tx, c *cases.Case, ev cases.Event, files []cases.Attachment, ch auditlog.Change) error {
	args, err := caseArgs(c)
	if err != nil {
		return err
	}
	cols := strings.TrimPrefix(caseColumns, "id, ")
	q := `INSERT INTO cases (` + cols + `) VALUES (` + strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ") + `) RETURNING id`
	if err := tx.GetContext(ctx, &c.ID, tx.Rebind(q), args...); err != nil {
		err = translate(err)
		if errors.Is(err, errForeignKey) {
			return errs.NotFound("机关不存在")
		}
		return err
	}
	if err := insertAttachments(ctx, tx, c.ID, files); err != nil {
		return err
	}
	if err := db.appendCaseEvent(ctx, tx, c, ev, ch.Actor); err != nil {
		return err
	}
	ch.AgencyID, ch.Object, ch.After = c.AgencyID, fmt.Sprintf("case:%d", c.ID), c.Masked()
	return db.appendAudit(ctx, tx, ch)
}

// insertAttachments records files, already in the blob store, on a case.
func insertAttachments(ctx context.Context, tx *sqlx.Tx, caseID int64, files []cases.Attachment) error {
	for _, f := range files {
		if f.BlobKey == "" {
			return fmt.Errorf("attachment %q: not in the blob store", f.Name)
		}
		_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO case_attachments (case_id, name, mime, size, blob_key, data, correction)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), caseID, f.Name, f.MIME, f.Size, f.BlobKey, []byte{}, f.Correction)
		if err != nil {
			return fmt.Errorf("attachment %q: %w", f.Name, err)
		}
	}
	return nil
}

func (db *DB) appendCaseEvent(ctx context.Context, tx *sqlx.Tx, c *cases.Case, ev cases.Event, actor string) error {
	on := ""
	if !ev.On.IsZero() {
		on = ev.On.String()
	}
	_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO case_events (case_id, agency_id, at, on_day, actor, kind, note)
		VALUES (?, ?, ?, ?, ?, ?, ?)`), c.ID, c.AgencyID, db.now(), on, actor, ev.Kind, ev.Note)
	if err != nil {
		return fmt.Errorf("case event %s: %w", ev.Kind, err)
	}
	return nil
}

// Case returns the case with the given id, unmasked: callers mask it for
// anyone but the agency's case officers.
func (db *DB) Case(ctx context.Context, id int64) (*cases.Case, error) {
	var r caseRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT `+caseColumns+` FROM cases WHERE id = ?`), id)
	if err != nil {
		return nil, fmt.Errorf("store: case %d: %w", id, notFound(err, "申请不存在"))
	}
	return r.toCase()
}

// CaseByQuery returns the case with the given public query number when the
// secret matches; a wrong number or secret are the same not-found error.
func (db *DB) CaseByQuery(ctx context.Context, queryNo, secret string) (*cases.Case, error) {
	var r caseRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT `+caseColumns+` FROM cases WHERE query_no = ?`),
		strings.ToUpper(strings.TrimSpace(queryNo)))
	if err == nil && subtle.ConstantTimeCompare([]byte(r.SecretHash), []byte(cases.HashSecret(secret))) != 1 {
		err = errs.NotFound("查询号或查询码不正确")
	}
	if err != nil {
		return nil, fmt.Errorf("store: case by query number: %w", notFound(err, "查询号或查询码不正确"))
	}
	return r.toCase()
}

// CaseStep applies one workflow step to a case in a transaction: it loads
// the case (locked), lets step change it and name the event, saves it, and
// appends the event to the timeline, the masked before/after to the audit
// log and, for a step that concerns the applicant, their e-mail
// notification to the outbox. It returns the case as saved.
func (db *DB) CaseStep(ctx context.Context, id int64, step func(c *cases.Case) (cases.Event, error), ch auditlog.Change) (*cases.Case, error) {
	return db.CaseStepWithFiles(ctx, id, step, nil, ch)
}

// CaseStepWithFiles is CaseStep for a step that brings files, already in
// the blob store (a correction sent online): they are recorded on the case,
// marked Correction as given, in the step's transaction.
func (db *DB) CaseStepWithFiles(ctx context.Context, id int64, step func(c *cases.Case) (cases.Event, error), files []cases.Attachment, ch auditlog.Change) (*cases.Case, error) {
	var after *cases.Case
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		c, err := db.lockCase(ctx, tx, id)
		if err != nil {
			return err
		}
		before := c.Masked()
		ev, err := step(c)
		if err != nil {
			return err
		}
		if err := db.saveCase(ctx, tx, c); err != nil {
			return err
		}
		if err := insertAttachments(ctx, tx, c.ID, files); err != nil {
			return err
		}
		if err := db.appendCaseEvent(ctx, tx, c, ev, ch.Actor); err != nil {
			return err
		}
		if err := db.queueNotice(ctx, tx, c, ev); err != nil {
			return err
		}
		ch.AgencyID, ch.Object, ch.Before, ch.After = c.AgencyID, fmt.Sprintf("case:%d", c.ID), before, c.Masked()
		after = c
		return db.appendAudit(ctx, tx, ch)
	})
	if err != nil {
		return nil, fmt.Errorf("store: case %d %s: %w", id, ch.Action, err)
	}
	return after, nil
}

func (db *DB) lockCase(ctx context.Context, tx *sqlx.Tx, id int64) (*cases.Case, error) {
	q := `SELECT ` + caseColumns + ` FROM cases WHERE id = ?`
	if db.dialect == Postgres {
		q += ` FOR UPDATE`
	}
	var r caseRow
	if err := tx.GetContext(ctx, &r, tx.Rebind(q), id); err != nil {
		return nil, notFound(err, "申请不存在")
	}
	return r.toCase()
}

func (db *DB) saveCase(ctx context.Context, tx *sqlx.Tx, c *cases.Case) error {
	args, err := caseArgs(c)
	if err != nil {
		return err
	}
	cols := strings.Split(strings.TrimPrefix(caseColumns, "id, "), ",")
	sets := make([]string, len(cols))
	for i, col := range cols {
		sets[i] = strings.TrimSpace(col) + " = ?"
	}
	_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE cases SET `+strings.Join(sets, ", ")+` WHERE id = ?`), append(args, c.ID)...)
	if err != nil {
		err = translate(err)
		if errors.Is(err, errForeignKey) {
			return errs.Invalid("机关不存在")
		}
		return fmt.Errorf("save case: %w", err)
	}
	return nil
}
