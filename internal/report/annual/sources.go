package annual

import (
	"context"

	"github.com/gongkai/gongkai/internal/report"
)

// CaseFigures are what the disclosure cases give a report.
type CaseFigures struct {
	// Applications are part 三's rows, counted by date of receipt, with the
	// applications carried in and out.
	Applications map[string][7]int
	// FeeYuan is the 信息处理费 collected in the year, in 元; nil when unknown.
	FeeYuan *float64
}

// Count is one labelled count, such as the items published in one column.
type Count struct {
	Label string
	N     int
}

// CatalogFigures are what the catalog of published information gives a report.
type CatalogFigures struct {
	// Proactive are part 二's rows the catalog holds (report.CatalogRows).
	Proactive map[string]map[string]float64
	// Columns are the items published per website column (图一).
	Columns []Count
	// Channels are the items published per channel (website, 公众号, …).
	Channels []Count
	// Posts are the new-media posts (图二) per channel, with Original of them original.
	Posts    []Count
	Original int
}

// Cases gives the figures counted from disclosure applications.
type Cases interface {
	CaseFigures(ctx context.Context, agencyID int64, year int, f report.Format) (CaseFigures, error)
}

// Catalog gives the figures counted from the catalog of published information.
type Catalog interface {
	CatalogFigures(ctx context.Context, agencyID int64, year int, f report.Format) (CatalogFigures, error)
}

// Litigation gives part 四, counted from review and lawsuit records.
type Litigation interface {
	LitigationCounts(ctx context.Context, agencyID int64, year int) (report.ReviewLitigation, error)
}

// Sources are where a report's figures come from. A nil source is one the
// system does not have yet: its figures stay zero and the composed report
// says so.
type Sources struct {
	Cases      Cases
	Catalog    Catalog
	Litigation Litigation
}
