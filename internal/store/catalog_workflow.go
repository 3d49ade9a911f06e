package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
)

type eventRow struct {
	ItemID  int64   `db:"item_id"`
	Action  string  `db:"action"`
	From    string  `db:"from_state"`
	To      string  `db:"to_state"`
	ActorID int64   `db:"actor_id"`
	Actor   string  `db:"actor"`
	Reason  string  `db:"reason"`
	At      sqlTime `db:"at"`
}

func (db *DB) addEvent(ctx context.Context, tx *sqlx.Tx, e catalog.Event) error {
	_, err := tx.ExecContext(ctx, tx.Rebind(`INSERT INTO catalog_events
		(item_id, action, from_state, to_state, actor_id, actor, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
		e.ItemID, e.Action, e.From, e.To, e.ActorID, e.Actor, e.Reason, e.At)
	if err != nil {
		return fmt.Errorf("item event: %w", err)
	}
	return nil
}

// ItemEvents returns an item's history, oldest first.
func (db *DB) ItemEvents(ctx context.Context, itemID int64) ([]catalog.Event, error) {
	var rows []eventRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT item_id, action, from_state, to_state,
		actor_id, actor, reason, at FROM catalog_events WHERE item_id = ? ORDER BY id`), itemID)
	if err != nil {
		return nil, fmt.Errorf("store: events of item %d: %w", itemID, err)
	}
	out := make([]catalog.Event, len(rows))
	for i, r := range rows {
		out[i] = catalog.Event{ItemID: r.ItemID, Action: catalog.Action(r.Action), From: catalog.State(r.From),
			To: catalog.State(r.To), ActorID: r.ActorID, Actor: r.Actor, Reason: r.Reason, At: r.At.Time}
	}
	return out, nil
}

// TransitionItem takes one step of the review workflow on an item of the
// agency: it checks the rules (catalog.Item.Apply, with the scan findings
// counted for an approval; a submission rescans first), saves the new
// state, records the event and the audit entry, and adds the item to the
// search index on publication or removes it on withdrawal — all in one
// transaction.
func (db *DB) TransitionItem(ctx context.Context, agencyID, itemID int64, step catalog.Step, c auditlog.Change) (*catalog.Item, error) {
	var it *catalog.Item
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if it, err = db.itemTx(ctx, tx, itemID); err != nil {
			return err
		}
		if it.AgencyID != agencyID {
			return errs.NotFound("信息不存在")
		}
		return db.applyStep(ctx, tx, it, step, c)
	})
	if err != nil {
		return nil, fmt.Errorf("store: %s item %d: %w", step.Action, itemID, err)
	}
	return it, nil
}

func (db *DB) applyStep(ctx context.Context, tx *sqlx.Tx, it *catalog.Item, step catalog.Step, c auditlog.Change) error {
	before := *it
	if step.Action == catalog.Submit {
		if err := db.rescan(ctx, tx, it); err != nil {
			return err
		}
	}
	if step.Action == catalog.Approve {
		// An attachment whose text could not be read, or is still being
		// read, was not scanned: it blocks approval like a finding, until
		// the reviewer, having read it, overrides with a written reason.
		var n struct {
			Blocking int `db:"blocking"`
			Reading  int `db:"reading"`
		}
		if err := tx.GetContext(ctx, &n, tx.Rebind(`SELECT
			(SELECT count(*) FROM catalog_findings WHERE item_id = ?) +
			(SELECT count(*) FROM catalog_attachments WHERE item_id = ? AND (text_error <> '' OR text_state = 'pending')) AS blocking,
			(SELECT count(*) FROM catalog_attachments WHERE item_id = ? AND text_state = 'pending') AS reading`), it.ID, it.ID, it.ID); err != nil {
			return err
		}
		step.Blocking, step.Reading = n.Blocking, n.Reading
	}
	ev, err := it.Apply(step, db.now())
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE catalog_items SET state = ?, published_at = ?, scheduled_at = ?,
		validity = ?, invalid_on = ?, reviewer_id = ?, override = ?, updated_at = ? WHERE id = ?`),
		it.State, nullTime(it.PublishedAt), nullTime(it.ScheduledAt), it.Validity, it.InvalidOn.String(),
		it.ReviewerID, it.Override, it.UpdatedAt, it.ID)
	if err != nil {
		return err
	}
	if err := db.addEvent(ctx, tx, ev); err != nil {
		return err
	}
	switch {
	case it.Public() && (!before.Public() || it.Validity != before.Validity):
		err = db.indexItem(ctx, tx, it.ID)
	case !it.Public() && before.Public():
		err = db.unindexItem(ctx, tx, it.ID)
	}
	if err != nil {
		return err
	}
	if c.Action == "" {
		c.Action = auditlog.ItemStep(string(step.Action))
	}
	c.AgencyID, c.Object = it.AgencyID, fmt.Sprintf("item:%d", it.ID)
	c.Before, c.After = itemStateOf(&before, ""), itemStateOf(it, ev.Reason)
	return db.appendAudit(ctx, tx, c)
}

// PublishDue publishes every reviewed item whose scheduled time has come,
// as the system, and returns how many it published. serve calls it every
// minute.
func (db *DB) PublishDue(ctx context.Context, now time.Time) (int, error) {
	var ids []int64
	err := db.read.SelectContext(ctx, &ids, db.read.Rebind(`SELECT id FROM catalog_items
		WHERE state = 'reviewed' AND scheduled_at IS NOT NULL AND scheduled_at <= ? ORDER BY scheduled_at, id`), now.UTC())
	if err != nil {
		return 0, fmt.Errorf("store: due items: %w", err)
	}
	n := 0
	for _, id := range ids {
		err := db.tx(ctx, func(tx *sqlx.Tx) error {
			it, err := db.itemTx(ctx, tx, id)
			if err != nil || !it.Due(now) {
				return err
			}
			n++
			return db.applyStep(ctx, tx, it, catalog.Step{Action: catalog.Publish, By: catalog.Actor{Name: "system"}},
				auditlog.Change{Actor: "system", Action: "item.publish_scheduled"})
		})
		if err != nil {
			return n, fmt.Errorf("store: publish scheduled item %d: %w", id, err)
		}
	}
	return n, nil
}
