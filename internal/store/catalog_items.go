package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
)

type itemRow struct {
	ID              int64         `db:"id"`
	AgencyID        int64         `db:"agency_id"`
	ColumnID        sql.NullInt64 `db:"column_id"`
	IndexNo         string        `db:"index_no"`
	Publisher       string        `db:"publisher"`
	Title           string        `db:"title"`
	DocNo           string        `db:"doc_no"`
	Body            string        `db:"body"`
	BodyText        string        `db:"body_text"`
	WrittenOn       string        `db:"written_on"`
	PublishedAt     sqlTime       `db:"published_at"`
	ScheduledAt     sqlTime       `db:"scheduled_at"`
	Topic           string        `db:"topic"`
	Genre           string        `db:"genre"`
	Validity        string        `db:"validity"`
	ValidFrom       string        `db:"valid_from"`
	InvalidOn       string        `db:"invalid_on"`
	Article20       int           `db:"article20"`
	Channel         string        `db:"channel"`
	Original        bool          `db:"original"`
	Attribute       string        `db:"attribute"`
	AttributeReason string        `db:"attribute_reason"`
	LegalBasis      string        `db:"legal_basis"`
	InterpretsID    sql.NullInt64 `db:"interprets_id"`
	State           string        `db:"state"`
	AuthorID        int64         `db:"author_id"`
	ReviewerID      int64         `db:"reviewer_id"`
	Override        string        `db:"override"`
	CreatedAt       sqlTime       `db:"created_at"`
	UpdatedAt       sqlTime       `db:"updated_at"`
}

const itemColumns = `id, agency_id, column_id, index_no, publisher, title, doc_no, body, body_text, written_on,
	published_at, scheduled_at, topic, genre, validity, valid_from, invalid_on, article20, channel, original,
	attribute, attribute_reason, legal_basis, interprets_id, state, author_id, reviewer_id, override, created_at, updated_at`

func parseDay(s string) calendar.Date {
	d, _ := calendar.ParseDate(s)
	return d
}

func (r itemRow) item() catalog.Item {
	return catalog.Item{ID: r.ID, AgencyID: r.AgencyID, ColumnID: r.ColumnID.Int64, IndexNo: r.IndexNo,
		Publisher: r.Publisher, Title: r.Title, DocNo: r.DocNo, Body: r.Body, WrittenOn: parseDay(r.WrittenOn),
		PublishedAt: r.PublishedAt.Time, ScheduledAt: r.ScheduledAt.Time, Topic: r.Topic, Genre: r.Genre,
		Validity: catalog.Validity(r.Validity), ValidFrom: parseDay(r.ValidFrom), InvalidOn: parseDay(r.InvalidOn),
		Article20: r.Article20, Channel: catalog.Channel(r.Channel), Original: r.Original,
		Attribute: catalog.Attribute(r.Attribute), AttributeReason: r.AttributeReason, LegalBasis: r.LegalBasis,
		InterpretsID: r.InterpretsID.Int64, State: catalog.State(r.State), AuthorID: r.AuthorID,
		ReviewerID: r.ReviewerID, Override: r.Override, CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time}
}

// itemState is what the audit log keeps of an item: its metadata and
// state, not the body.
type itemState struct {
	IndexNo   string `json:"index_no"`
	Title     string `json:"title"`
	DocNo     string `json:"doc_no,omitempty"`
	State     string `json:"state"`
	Attribute string `json:"attribute"`
	Validity  string `json:"validity"`
	Reason    string `json:"reason,omitempty"`
}

func itemStateOf(it *catalog.Item, reason string) itemState {
	return itemState{IndexNo: it.IndexNo, Title: it.Title, DocNo: it.DocNo, State: string(it.State),
		Attribute: string(it.Attribute), Validity: string(it.Validity), Reason: reason}
}

// nextIndexNo hands out the next 索引号 of the agency for the year.
func (db *DB) nextIndexNo(ctx context.Context, tx *sqlx.Tx, agencyID int64, year int) (string, error) {
	var code string
	if err := tx.GetContext(ctx, &code, tx.Rebind(`SELECT code FROM agencies WHERE id = ?`), agencyID); err != nil {
		return "", notFound(err, "机关不存在")
	}
	var serial int
	err := tx.GetContext(ctx, &serial, tx.Rebind(`INSERT INTO catalog_serials (agency_id, year, last) VALUES (?, ?, 1)
		ON CONFLICT (agency_id, year) DO UPDATE SET last = catalog_serials.last + 1 RETURNING last`), agencyID, year)
	if err != nil {
		return "", fmt.Errorf("serial: %w", err)
	}
	return catalog.IndexNo(code, year, serial)
}

// checkLinks checks that the item's column and interpreted policy belong to
// its agency.
func checkLinks(ctx context.Context, tx *sqlx.Tx, it *catalog.Item) error {
	if it.ColumnID != 0 {
		var n int
		if err := tx.GetContext(ctx, &n, tx.Rebind(`SELECT count(*) FROM catalog_columns WHERE id = ? AND agency_id = ?`), it.ColumnID, it.AgencyID); err != nil {
			return err
		}
		if n == 0 {
			return errs.Invalid("栏目不存在")
		}
	}
	if it.InterpretsID != 0 {
		var n int
		if err := tx.GetContext(ctx, &n, tx.Rebind(`SELECT count(*) FROM catalog_items WHERE id = ? AND agency_id = ?`), it.InterpretsID, it.AgencyID); err != nil {
			return err
		}
		if n == 0 {
			return errs.Invalid("所解读的政策文件不存在")
		}
	}
	return nil
}

// CreateItem stores a new draft with a fresh 索引号, scans it and records
// the change; it sets it.ID, it.IndexNo and it.State.
func (db *DB) CreateItem(ctx context.Context, it *catalog.Item, c auditlog.Change) error {
	if err := it.Validate(); err != nil {
		return err
	}
	now := db.now()
	it.State, it.CreatedAt, it.UpdatedAt = catalog.Draft, now, now
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		return db.insertItem(ctx, tx, it, c)
	})
	if err != nil {
		return fmt.Errorf("store: create item %q: %w", it.Title, err)
	}
	return nil
}

// insertItem stores it as it stands (any state) inside tx.
func (db *DB) insertItem(ctx context.Context, tx *sqlx.Tx, it *catalog.Item, c auditlog.Change) error {
	if err := checkLinks(ctx, tx, it); err != nil {
		return err
	}
	if it.IndexNo == "" {
		no, err := db.nextIndexNo(ctx, tx, it.AgencyID, it.WrittenOn.Year)
		if err != nil {
			return err
		}
		it.IndexNo = no
	}
	if err := db.insertRow(ctx, tx, it); err != nil {
		return err
	}
	if err := db.addEvent(ctx, tx, catalog.Event{ItemID: it.ID, Action: catalog.Create, To: it.State,
		ActorID: c.ActorID, Actor: c.Actor, At: it.CreatedAt}); err != nil {
		return err
	}
	if err := db.rescan(ctx, tx, it); err != nil {
		return err
	}
	if it.Public() {
		if err := db.indexItem(ctx, tx, it.ID); err != nil {
			return err
		}
	}
	c.AgencyID, c.Object, c.After = it.AgencyID, fmt.Sprintf("item:%d", it.ID), itemStateOf(it, "")
	return db.appendAudit(ctx, tx, c)
}

// UpdateItem saves an editor's changes to a draft and rescans it.
func (db *DB) UpdateItem(ctx context.Context, it *catalog.Item, c auditlog.Change) error {
	if err := it.Validate(); err != nil {
		return err
	}
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		before, err := db.itemTx(ctx, tx, it.ID)
		if err != nil {
			return err
		}
		if before.AgencyID != it.AgencyID {
			return errs.NotFound("信息不存在")
		}
		if !before.State.Editable() {
			return errs.Conflict("「%s」状态的信息不能修改，请先退回", before.State.Label())
		}
		if err := checkLinks(ctx, tx, it); err != nil {
			return err
		}
		it.IndexNo, it.State, it.AuthorID, it.CreatedAt, it.UpdatedAt = before.IndexNo, before.State, before.AuthorID, before.CreatedAt, db.now()
		_, err = tx.ExecContext(ctx, tx.Rebind(`UPDATE catalog_items SET column_id = ?, publisher = ?, title = ?,
			doc_no = ?, body = ?, body_text = ?, written_on = ?, topic = ?, genre = ?, validity = ?, valid_from = ?,
			invalid_on = ?, article20 = ?, channel = ?, original = ?, attribute = ?, attribute_reason = ?,
			legal_basis = ?, interprets_id = ?, updated_at = ? WHERE id = ?`),
			nullID(it.ColumnID), it.Publisher, it.Title, it.DocNo, it.Body, catalog.PlainText(it.Body), it.WrittenOn.String(),
			it.Topic, it.Genre, it.Validity, it.ValidFrom.String(), it.InvalidOn.String(), it.Article20, it.Channel,
			it.Original, it.Attribute, it.AttributeReason, it.LegalBasis, nullID(it.InterpretsID), it.UpdatedAt, it.ID)
		if err != nil {
			return err
		}
		if err := db.addEvent(ctx, tx, catalog.Event{ItemID: it.ID, Action: catalog.Edit, From: it.State, To: it.State,
			ActorID: c.ActorID, Actor: c.Actor, At: it.UpdatedAt}); err != nil {
			return err
		}
		if err := db.rescan(ctx, tx, it); err != nil {
			return err
		}
		c.AgencyID, c.Object, c.Before, c.After = it.AgencyID, fmt.Sprintf("item:%d", it.ID), itemStateOf(before, ""), itemStateOf(it, "")
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: update item %d: %w", it.ID, err)
	}
	return nil
}

// Item returns the item with the given id.
func (db *DB) Item(ctx context.Context, id int64) (*catalog.Item, error) {
	var r itemRow
	err := db.read.GetContext(ctx, &r, db.read.Rebind(`SELECT `+itemColumns+` FROM catalog_items WHERE id = ?`), id)
	if err != nil {
		return nil, fmt.Errorf("store: item %d: %w", id, notFound(err, "信息不存在"))
	}
	it := r.item()
	return &it, nil
}

func (db *DB) itemTx(ctx context.Context, tx *sqlx.Tx, id int64) (*catalog.Item, error) {
	var r itemRow
	if err := tx.GetContext(ctx, &r, tx.Rebind(`SELECT `+itemColumns+` FROM catalog_items WHERE id = ?`), id); err != nil {
		return nil, notFound(err, "信息不存在")
	}
	it := r.item()
	return &it, nil
}

// ItemFilter selects items for the back office.
type ItemFilter struct {
	AgencyID int64
	State    catalog.State // "" for every state
	ColumnID int64
	Limit    int // default 50
	Offset   int
}

// Items lists an agency's items, most recently changed first.
func (db *DB) Items(ctx context.Context, f ItemFilter) ([]catalog.Item, error) {
	q := `SELECT ` + itemColumns + ` FROM catalog_items WHERE agency_id = ?`
	args := []any{f.AgencyID}
	if f.State != "" {
		q += ` AND state = ?`
		args = append(args, f.State)
	}
	if f.ColumnID != 0 {
		q += ` AND column_id = ?`
		args = append(args, f.ColumnID)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	q += ` ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`
	args = append(args, f.Limit, f.Offset)
	var rows []itemRow
	if err := db.read.SelectContext(ctx, &rows, db.read.Rebind(q), args...); err != nil {
		return nil, fmt.Errorf("store: items of agency %d: %w", f.AgencyID, err)
	}
	out := make([]catalog.Item, len(rows))
	for i, r := range rows {
		out[i] = r.item()
	}
	return out, nil
}

// Interpretations returns the public items that interpret item id.
func (db *DB) Interpretations(ctx context.Context, id int64) ([]catalog.Item, error) {
	var rows []itemRow
	err := db.read.SelectContext(ctx, &rows, db.read.Rebind(`SELECT `+itemColumns+` FROM catalog_items
		WHERE interprets_id = ? AND attribute = 'proactive' AND state IN ('published', 'repealed', 'expired') ORDER BY id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: interpretations of %d: %w", id, err)
	}
	out := make([]catalog.Item, len(rows))
	for i, r := range rows {
		out[i] = r.item()
	}
	return out, nil
}

// insertRow inserts the row of it and sets it.ID.
func (db *DB) insertRow(ctx context.Context, tx *sqlx.Tx, it *catalog.Item) error {
	err := tx.GetContext(ctx, &it.ID, tx.Rebind(`INSERT INTO catalog_items (agency_id, column_id, index_no,
		publisher, title, doc_no, body, body_text, written_on, published_at, scheduled_at, topic, genre, validity,
		valid_from, invalid_on, article20, channel, original, attribute, attribute_reason, legal_basis,
		interprets_id, state, author_id, reviewer_id, override, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		it.AgencyID, nullID(it.ColumnID), it.IndexNo, it.Publisher, it.Title, it.DocNo, it.Body, catalog.PlainText(it.Body),
		it.WrittenOn.String(), nullTime(it.PublishedAt), nullTime(it.ScheduledAt), it.Topic, it.Genre, it.Validity,
		it.ValidFrom.String(), it.InvalidOn.String(), it.Article20, it.Channel, it.Original, it.Attribute,
		it.AttributeReason, it.LegalBasis, nullID(it.InterpretsID), it.State, it.AuthorID, it.ReviewerID, it.Override,
		it.CreatedAt, it.UpdatedAt)
	if err != nil {
		if errors.Is(translate(err), errUnique) {
			return errs.Conflict("索引号 %s 已存在", it.IndexNo)
		}
		return err
	}
	return nil
}
