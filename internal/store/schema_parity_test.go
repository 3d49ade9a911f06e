package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// The schemas of the two engines are written by hand, one migrations
// folder each (internal/store/migrations/sqlite and …/postgres), so they can
// drift apart without any query failing on the engine a developer runs.
// TestSchemaParity migrates an empty database of each engine and compares
// what the catalogs say: the same tables, the same columns with compatible
// types and nullability, the same primary keys, the same indexes (by their
// key columns, not their names), the same unique constraints and the same
// foreign keys.
//
// The folders' numbering has diverged: SQLite has 00001–00008, PostgreSQL
// 00001–00009. 00001–00007 are the same steps on both. 00008 is a search
// index step of each engine's own (SQLite: the FTS5 title index; PostgreSQL:
// Han characters as tokens and STORAGE MAIN for the tsvectors) and 00009,
// PostgreSQL's search layout 3 (grams), has no SQLite counterpart. Goose
// keeps one version table per database and is told to apply numbers out of
// order (store.DB.Migrate), so gaps are harmless. To keep them from
// growing, a new migration takes the next number free in both folders:
// one that changes both schemas has the same number in each
// (00013_audit_client.sql), one for a single engine leaves that number
// unused in the other (00014_case_instants.sql, PostgreSQL only, the fix
// for the four case timestamps this test found declared without a time
// zone). Branches that add migrations at once must agree on numbers
// before merging: two files of one number in a folder stop goose.

// engineSearchTables are the full-text search tables, deliberately
// different on each engine and left out of the comparison:
// SQLite's FTS5 virtual tables (and the shadow tables FTS5 keeps for each:
// _config, _data, _docsize, _idx, _content) beside the catalog_search map
// from FTS rowid to item; PostgreSQL's catalog_search, which holds the
// tsvectors themselves and their GIN indexes. Both keep search_index (the
// layout version), which is compared.
var engineSearchTables = map[store.Dialect][]string{
	store.SQLite:   {"catalog_fts", "catalog_fts_title", "catalog_search"},
	store.Postgres: {"catalog_search"},
}

// typeClass maps a column's declared type on either engine to the class
// the two must agree on.
func typeClass(d store.Dialect, declared string) string {
	t := strings.ToLower(strings.TrimSpace(declared))
	if i := strings.IndexByte(t, '('); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	classes := map[store.Dialect]map[string]string{
		// SQLite keeps the declared type as written (its affinity
		// rules accept anything); the migrations use these.
		store.SQLite: {
			"integer": "integer", "int": "integer", "bigint": "integer",
			"text": "text", "varchar": "text",
			"blob": "bytes",
			"real": "real", "double": "real",
			"boolean": "boolean",
			// The driver stores and reads time.Time in UTC for declared
			// TIMESTAMP columns: an instant, as timestamptz is.
			"timestamp": "instant", "datetime": "instant",
			"date": "date",
		},
		store.Postgres: {
			"integer": "integer", "bigint": "integer", "smallint": "integer",
			"text": "text", "character varying": "text",
			"bytea":            "bytes",
			"double precision": "real", "real": "real",
			"boolean":                  "boolean",
			"timestamp with time zone": "instant",
			// Without a time zone PostgreSQL keeps a wall-clock reading,
			// which pgx writes from the time's own location: not the same
			// thing as SQLite's UTC instant.
			"timestamp without time zone": "wall clock",
			"date":                        "date",
		},
	}
	if c, ok := classes[d][t]; ok {
		return c
	}
	return "unmapped " + t
}

// column is what is compared of a column.
type column struct {
	Class   string
	NotNull bool
}

// table is what is compared of a table: its columns, its primary key's
// columns in order, and its indexes and foreign keys written as strings
// independent of names ("unique (a, b)", "(a) → t(id) on delete cascade").
type table struct {
	Columns map[string]column
	PK      []string
	Indexes []string
	FKs     []string
}

type schema map[string]*table

func (s schema) table(name string) *table {
	if s[name] == nil {
		s[name] = &table{Columns: map[string]column{}}
	}
	return s[name]
}

func TestSchemaParity(t *testing.T) {
	ctx := context.Background()
	schemas := map[store.Dialect]schema{}
	for _, d := range storetest.Dialects {
		db := storetest.Open(t, d)
		var (
			s   schema
			err error
		)
		if d == store.SQLite {
			s, err = sqliteSchema(ctx, db)
		} else {
			s, err = postgresSchema(ctx, db)
		}
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		for _, name := range engineSearchTables[d] {
			if s[name] == nil {
				t.Errorf("%s: search table %s named in engineSearchTables is gone: update the list", d, name)
			}
			delete(s, name)
		}
		delete(s, "goose_db_version") // the migration tool's own
		for _, tb := range s {
			for name, c := range tb.Columns {
				if slices.Contains(tb.PK, name) {
					c.NotNull = true // implied on PostgreSQL, not reported by SQLite for INTEGER PRIMARY KEY
					tb.Columns[name] = c
				}
			}
			slices.Sort(tb.Indexes)
			slices.Sort(tb.FKs)
		}
		schemas[d] = s
	}
	lite, pg := schemas[store.SQLite], schemas[store.Postgres]
	if len(lite) < 20 {
		t.Fatalf("SQLite schema read as %d tables: the catalog queries are wrong", len(lite))
	}
	for name := range lite {
		if pg[name] == nil {
			t.Errorf("table %s: only on SQLite", name)
		}
	}
	for name, p := range pg {
		l := lite[name]
		if l == nil {
			t.Errorf("table %s: only on PostgreSQL", name)
			continue
		}
		for col, lc := range l.Columns {
			pc, ok := p.Columns[col]
			switch {
			case !ok:
				t.Errorf("%s.%s: only on SQLite", name, col)
			case lc != pc:
				t.Errorf("%s.%s: SQLite %+v, PostgreSQL %+v", name, col, lc, pc)
			}
		}
		for col := range p.Columns {
			if _, ok := l.Columns[col]; !ok {
				t.Errorf("%s.%s: only on PostgreSQL", name, col)
			}
		}
		if !slices.Equal(l.PK, p.PK) {
			t.Errorf("%s: primary key SQLite %v, PostgreSQL %v", name, l.PK, p.PK)
		}
		if !slices.Equal(l.Indexes, p.Indexes) {
			t.Errorf("%s: indexes\n  SQLite     %q\n  PostgreSQL %q", name, l.Indexes, p.Indexes)
		}
		if !slices.Equal(l.FKs, p.FKs) {
			t.Errorf("%s: foreign keys\n  SQLite     %q\n  PostgreSQL %q", name, l.FKs, p.FKs)
		}
	}
}

// indexString writes an index independent of its name.
func indexString(unique bool, cols []string, partial bool) string {
	s := "(" + strings.Join(cols, ", ") + ")"
	if unique {
		s = "unique " + s
	}
	if partial {
		s += " where …"
	}
	return s
}

func fkString(cols []string, ref string, refCols []string, onDelete string) string {
	return fmt.Sprintf("(%s) → %s(%s) on delete %s", strings.Join(cols, ", "), ref,
		strings.Join(refCols, ", "), strings.ToLower(onDelete))
}

func sqliteSchema(ctx context.Context, db *store.DB) (schema, error) {
	s := schema{}
	var cols []struct {
		Table   string `db:"tbl"`
		Name    string `db:"name"`
		Type    string `db:"type"`
		NotNull bool   `db:"notnull"`
		PK      int    `db:"pk"`
	}
	err := db.QueryRows(ctx, `SELECT m.name AS tbl, p.name, p.type, p."notnull", p.pk
		FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
		ORDER BY m.name, p.pk, p.cid`, &cols)
	if err != nil {
		return nil, fmt.Errorf("columns: %w", err)
	}
	for _, c := range cols {
		if isFTSShadow(c.Table) {
			continue
		}
		tb := s.table(c.Table)
		tb.Columns[c.Name] = column{Class: typeClass(store.SQLite, c.Type), NotNull: c.NotNull}
		if c.PK > 0 {
			tb.PK = append(tb.PK, c.Name)
		}
	}
	var idx []struct {
		Table   string `db:"tbl"`
		Name    string `db:"name"`
		Unique  bool   `db:"unique"`
		Origin  string `db:"origin"`
		Partial bool   `db:"partial"`
		Column  string `db:"col"`
	}
	err = db.QueryRows(ctx, `SELECT m.name AS tbl, il.name, il."unique", il.origin, il.partial, coalesce(ii.name, '(expression)') AS col
		FROM sqlite_master m, pragma_index_list(m.name) il, pragma_index_xinfo(il.name) ii
		WHERE m.type = 'table' AND ii.key = 1
		ORDER BY m.name, il.name, ii.seqno`, &idx)
	if err != nil {
		return nil, fmt.Errorf("indexes: %w", err)
	}
	type key struct{ table, name string }
	var order []key
	byIndex := map[key][]string{}
	meta := map[key]struct{ unique, partial, pk bool }{}
	for _, i := range idx {
		k := key{i.Table, i.Name}
		if _, ok := byIndex[k]; !ok {
			order = append(order, k)
		}
		byIndex[k] = append(byIndex[k], i.Column)
		meta[k] = struct{ unique, partial, pk bool }{i.Unique, i.Partial, i.Origin == "pk"}
	}
	for _, k := range order {
		if meta[k].pk || isFTSShadow(k.table) {
			continue // compared as the primary key
		}
		tb := s.table(k.table)
		tb.Indexes = append(tb.Indexes, indexString(meta[k].unique, byIndex[k], meta[k].partial))
	}
	var fks []struct {
		Table    string `db:"tbl"`
		ID       int    `db:"id"`
		Ref      string `db:"ref"`
		From     string `db:"from_col"`
		To       string `db:"to_col"`
		OnDelete string `db:"on_delete"`
	}
	err = db.QueryRows(ctx, `SELECT m.name AS tbl, f.id, f."table" AS ref, f."from" AS from_col, coalesce(f."to", '') AS to_col, f.on_delete
		FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table'
		ORDER BY m.name, f.id, f.seq`, &fks)
	if err != nil {
		return nil, fmt.Errorf("foreign keys: %w", err)
	}
	type fkKey struct {
		table string
		id    int
	}
	var fkOrder []fkKey
	from, to := map[fkKey][]string{}, map[fkKey][]string{}
	ref, onDelete := map[fkKey]string{}, map[fkKey]string{}
	for _, f := range fks {
		k := fkKey{f.Table, f.ID}
		if _, ok := from[k]; !ok {
			fkOrder = append(fkOrder, k)
		}
		from[k], to[k] = append(from[k], f.From), append(to[k], f.To)
		ref[k], onDelete[k] = f.Ref, f.OnDelete
	}
	for _, k := range fkOrder {
		refCols := to[k]
		if slices.Contains(refCols, "") { // REFERENCES t without columns: t's primary key
			refCols = s.table(ref[k]).PK
		}
		tb := s.table(k.table)
		tb.FKs = append(tb.FKs, fkString(from[k], ref[k], refCols, onDelete[k]))
	}
	return s, nil
}

// isFTSShadow reports whether a table is one FTS5 keeps for a virtual
// table of engineSearchTables.
func isFTSShadow(name string) bool {
	for _, fts := range engineSearchTables[store.SQLite] {
		for _, suffix := range []string{"_config", "_data", "_docsize", "_idx", "_content"} {
			if name == fts+suffix {
				return true
			}
		}
	}
	return false
}

func postgresSchema(ctx context.Context, db *store.DB) (schema, error) {
	s := schema{}
	var cols []struct {
		Table    string `db:"table_name"`
		Name     string `db:"column_name"`
		Type     string `db:"data_type"`
		Nullable string `db:"is_nullable"`
	}
	err := db.QueryRows(ctx, `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable
		FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
		ORDER BY c.table_name, c.ordinal_position`, &cols)
	if err != nil {
		return nil, fmt.Errorf("columns: %w", err)
	}
	for _, c := range cols {
		s.table(c.Table).Columns[c.Name] = column{Class: typeClass(store.Postgres, c.Type), NotNull: c.Nullable == "NO"}
	}
	var idx []struct {
		Table   string `db:"tbl"`
		Unique  bool   `db:"indisunique"`
		Primary bool   `db:"indisprimary"`
		Partial bool   `db:"partial"`
		Columns string `db:"cols"`
	}
	err = db.QueryRows(ctx, `SELECT t.relname AS tbl, i.indisunique, i.indisprimary, i.indpred IS NOT NULL AS partial,
			(SELECT string_agg(coalesce(a.attname, '(expression)'), ', ' ORDER BY k.ord)
			 FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
			 LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
			 WHERE k.ord <= i.indnkeyatts) AS cols
		FROM pg_index i
		JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema()
		ORDER BY t.relname`, &idx)
	if err != nil {
		return nil, fmt.Errorf("indexes: %w", err)
	}
	for _, i := range idx {
		cols := strings.Split(i.Columns, ", ")
		tb := s.table(i.Table)
		if i.Primary {
			tb.PK = cols
			continue
		}
		tb.Indexes = append(tb.Indexes, indexString(i.Unique, cols, i.Partial))
	}
	var fks []struct {
		Table    string `db:"tbl"`
		Ref      string `db:"ref"`
		From     string `db:"from_cols"`
		To       string `db:"to_cols"`
		OnDelete string `db:"confdeltype"`
	}
	err = db.QueryRows(ctx, `SELECT t.relname AS tbl, r.relname AS ref,
			(SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
			 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS from_cols,
			(SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
			 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS to_cols,
			c.confdeltype::text AS confdeltype
		FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.conrelid
		JOIN pg_class r ON r.oid = c.confrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE c.contype = 'f' AND n.nspname = current_schema()`, &fks)
	if err != nil {
		return nil, fmt.Errorf("foreign keys: %w", err)
	}
	actions := map[string]string{"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}
	for _, f := range fks {
		tb := s.table(f.Table)
		tb.FKs = append(tb.FKs, fkString(strings.Split(f.From, ", "), f.Ref, strings.Split(f.To, ", "), actions[f.OnDelete]))
	}
	return s, nil
}
