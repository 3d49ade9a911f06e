package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
)

// ImportItems stores existing items of one agency as they stand (drafts or
// already published, e.g. a previous system's catalog) in one transaction:
// each gets a 索引号 if it has none, its history starts with the import,
// public ones enter the search index, and one audit entry records the
// batch. Each item is validated first; the first invalid one stops the
// import with its position.
func (db *DB) ImportItems(ctx context.Context, agencyID int64, items []catalog.Item, c auditlog.Change) error {
	now := db.now()
	for i := range items {
		it := &items[i]
		it.AgencyID = agencyID
		if err := it.Validate(); err != nil {
			return fmt.Errorf("store: import item %d (%s): %w", i+1, it.Title, err)
		}
		if it.State == "" {
			it.State = catalog.Draft
		}
		if it.CreatedAt.IsZero() {
			it.CreatedAt = now
		}
		if it.UpdatedAt.IsZero() {
			it.UpdatedAt = it.CreatedAt
		}
	}
	err := db.tx(ctx, func(tx *sqlx.Tx) error {
		for i := range items {
			it := &items[i]
			if err := checkLinks(ctx, tx, it); err != nil {
				return fmt.Errorf("item %d: %w", i+1, err)
			}
			if it.IndexNo == "" {
				no, err := db.nextIndexNo(ctx, tx, agencyID, it.WrittenOn.Year)
				if err != nil {
					return err
				}
				it.IndexNo = no
			}
			if err := db.insertRow(ctx, tx, it); err != nil {
				return fmt.Errorf("item %d (%s): %w", i+1, it.Title, err)
			}
			if err := db.addEvent(ctx, tx, catalog.Event{ItemID: it.ID, Action: catalog.Create, To: it.State,
				ActorID: c.ActorID, Actor: c.Actor, Reason: "导入", At: it.CreatedAt}); err != nil {
				return err
			}
			// Imported text gets the same privacy and secrecy scan as a draft;
			// an item that would go straight to the portal must pass it.
			if err := db.rescan(ctx, tx, it); err != nil {
				return fmt.Errorf("item %d (%s): %w", i+1, it.Title, err)
			}
			if it.Public() { // a new item has no attachments yet
				var found int
				if err := tx.GetContext(ctx, &found, tx.Rebind(`SELECT COUNT(*) FROM catalog_findings WHERE item_id = ?`), it.ID); err != nil {
					return err
				}
				if found > 0 {
					return errs.Invalid("第 %d 条「%s」的保密审查发现 %d 处需处理的内容（身份证号、手机号、密级标志等），"+
						"不能以已发布状态导入；请去掉发布日期，以草稿导入后经审核发布", i+1, it.Title, found)
				}
				if err := db.writeIndex(ctx, tx, indexDoc{ID: it.ID, AgencyID: agencyID,
					ColumnID: it.ColumnID, Topic: it.Topic, Genre: it.Genre, Validity: string(it.Validity),
					PublishedAt: it.PublishedAt, Title: it.Title + " " + it.DocNo, Body: catalog.PlainText(it.Body)}); err != nil {
					return err
				}
			}
		}
		c.AgencyID, c.Object, c.After = agencyID, fmt.Sprintf("agency:%d:items", agencyID), map[string]int{"imported": len(items)}
		return db.appendAudit(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: import %d items: %w", len(items), err)
	}
	return nil
}
