package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
)

// auditLockKey is the PostgreSQL advisory lock that serialises appends to
// the chain across app nodes.
const auditLockKey = 7_461_000_001

// appendAudit adds the entry for change c to the chain, inside tx, so the
// change and its record commit or fail together.
func (db *DB) appendAudit(ctx context.Context, tx *sqlx.Tx, c auditlog.Change) error {
	if db.dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, auditLockKey); err != nil {
			return fmt.Errorf("audit lock: %w", err)
		}
	}
	var last struct {
		Seq  int64  `db:"seq"`
		Hash string `db:"hash"`
	}
	err := tx.GetContext(ctx, &last, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		last.Hash = auditlog.GenesisHash
	case err != nil:
		return fmt.Errorf("audit tail: %w", err)
	}
	if c.Client == "" {
		c.Client = auditlog.ClientFrom(ctx)
	}
	e, err := auditlog.NewEntry(c, last.Seq+1, db.now(), last.Hash)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, tx.Rebind(`INSERT INTO audit_log
		(seq, at, actor_id, actor, agency_id, action, object, before, after, prev_hash, hash, client)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		e.Seq, e.At, e.ActorID, e.Actor, e.AgencyID, e.Action, e.Object, e.Before, e.After, e.PrevHash, e.Hash, e.Client)
	if err != nil {
		return fmt.Errorf("audit append: %w", err)
	}
	return nil
}

// Record appends a change that touches no other table, such as a login.
func (db *DB) Record(ctx context.Context, c auditlog.Change) error {
	err := db.tx(ctx, func(tx *sqlx.Tx) error { return db.appendAudit(ctx, tx, c) })
	if err != nil {
		return fmt.Errorf("store: record %s: %w", c.Action, err)
	}
	return nil
}

type auditRow struct {
	Seq      int64   `db:"seq"`
	At       sqlTime `db:"at"`
	ActorID  int64   `db:"actor_id"`
	Actor    string  `db:"actor"`
	AgencyID int64   `db:"agency_id"`
	Action   string  `db:"action"`
	Object   string  `db:"object"`
	Before   string  `db:"before"`
	After    string  `db:"after"`
	PrevHash string  `db:"prev_hash"`
	Hash     string  `db:"hash"`
	Client   string  `db:"client"`
}

func (r auditRow) entry() auditlog.Entry {
	return auditlog.Entry{Seq: r.Seq, At: r.At.Time.UTC(), ActorID: r.ActorID, Actor: r.Actor, AgencyID: r.AgencyID,
		Action: auditlog.Action(r.Action), Object: r.Object, Before: r.Before, After: r.After, PrevHash: r.PrevHash, Hash: r.Hash,
		Client: r.Client}
}

const auditColumns = `seq, at, actor_id, actor, agency_id, action, object, before, after, prev_hash, hash, client`

// AuditFilter selects entries of the audit log, newest first. Every
// condition set narrows the selection; the zero value selects all.
type AuditFilter struct {
	// AgencyIDs limits the entries to these agencies; nil means all.
	AgencyIDs []int64
	// ActorID keeps the changes made by this user; 0 for anyone.
	ActorID int64
	// Action keeps the entries of this action; "" for any.
	Action auditlog.Action
	// Object keeps the entries about this object and the objects under it:
	// "item:12" matches item:12 (not item:123), "agency:2" also matches
	// agency:2:scan_words, and text ending in a colon, such as "case:",
	// every object that begins with it.
	Object string
	// From and To keep the entries made at or after From and before To;
	// zero for no bound.
	From, To time.Time
	// BeforeSeq pages backwards: only entries with a smaller seq; 0 for the newest.
	BeforeSeq int64
	Limit     int
}

// likePrefix is a LIKE pattern, with ESCAPE '\', for the values that begin with p.
func likePrefix(p string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(p) + "%"
}

// where is the filter's WHERE clause, with ? placeholders, and its arguments.
func (f AuditFilter) where() (string, []any, error) {
	q, args := ` WHERE 1=1`, []any{}
	if f.AgencyIDs != nil {
		in, inArgs, err := sqlx.In(` AND agency_id IN (?)`, f.AgencyIDs)
		if err != nil {
			return "", nil, fmt.Errorf("store: audit filter: %w", err)
		}
		q += in
		args = append(args, inArgs...)
	}
	if f.ActorID != 0 {
		q += ` AND actor_id = ?`
		args = append(args, f.ActorID)
	}
	if f.Action != "" {
		q += ` AND action = ?`
		args = append(args, string(f.Action))
	}
	switch {
	case strings.HasSuffix(f.Object, ":"):
		q += ` AND object LIKE ? ESCAPE '\'`
		args = append(args, likePrefix(f.Object))
	case f.Object != "":
		q += ` AND (object = ? OR object LIKE ? ESCAPE '\')`
		args = append(args, f.Object, likePrefix(f.Object+":"))
	}
	if !f.From.IsZero() {
		q += ` AND at >= ?`
		args = append(args, f.From.UTC())
	}
	if !f.To.IsZero() {
		q += ` AND at < ?`
		args = append(args, f.To.UTC())
	}
	if f.BeforeSeq > 0 {
		q += ` AND seq < ?`
		args = append(args, f.BeforeSeq)
	}
	return q, args, nil
}

// AuditEntries lists entries of the log, newest first.
func (db *DB) AuditEntries(ctx context.Context, f AuditFilter) ([]auditlog.Entry, error) {
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 100
	}
	if f.AgencyIDs != nil && len(f.AgencyIDs) == 0 {
		return nil, nil
	}
	where, args, err := f.where()
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + auditColumns + ` FROM audit_log` + where + ` ORDER BY seq DESC LIMIT ?`
	args = append(args, f.Limit)
	var rows []auditRow
	if err := db.read.SelectContext(ctx, &rows, db.read.Rebind(q), args...); err != nil {
		return nil, fmt.Errorf("store: audit entries: %w", err)
	}
	out := make([]auditlog.Entry, len(rows))
	for i, r := range rows {
		out[i] = r.entry()
	}
	return out, nil
}

// WalkAudit calls fn for every entry of the log in sequence order, reading
// in batches so a long log does not sit in memory.
func (db *DB) WalkAudit(ctx context.Context, fn func(auditlog.Entry) error) error {
	var after int64
	for {
		var rows []auditRow
		err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT `+auditColumns+
			` FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1000`), after)
		if err != nil {
			return fmt.Errorf("store: walk audit: %w", err)
		}
		for _, r := range rows {
			if err := fn(r.entry()); err != nil {
				return err
			}
			after = r.Seq
		}
		if len(rows) < 1000 {
			return nil
		}
	}
}
