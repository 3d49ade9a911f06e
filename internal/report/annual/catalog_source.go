package annual

import (
	"context"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/report"
)

// CatalogCounter is the catalog's side of the report (store.DB.CatalogFigures).
type CatalogCounter interface {
	CatalogFigures(ctx context.Context, agencyID int64, year int) (catalog.Figures, error)
}

// FromCatalog adapts the catalog's figures to a report source, mapping
// them onto each format's cells as catalog.Figures documents.
func FromCatalog(c CatalogCounter) Catalog { return catalogSource{c} }

type catalogSource struct{ c CatalogCounter }

// CatalogFigures implements Catalog.
func (s catalogSource) CatalogFigures(ctx context.Context, agencyID int64, year int, f report.Format) (CatalogFigures, error) {
	cf, err := s.c.CatalogFigures(ctx, agencyID, year)
	if err != nil {
		return CatalogFigures{}, err
	}
	out := CatalogFigures{Proactive: map[string]map[string]float64{
		"rules":               documentCells(cf.Rules, f),
		"normative_documents": documentCells(cf.NormativeDocuments, f),
	}}
	for _, c := range cf.ByColumn {
		label := c.Column
		if label == "" {
			label = "未分类"
		}
		out.Columns = append(out.Columns, Count{Label: label, N: c.Count})
	}
	for _, ch := range cf.Channels {
		out.Channels = append(out.Channels, Count{Label: ch.Channel.Label(), N: ch.Count})
		if ch.Channel != catalog.Website {
			out.Posts = append(out.Posts, Count{Label: ch.Channel.Label(), N: ch.Count})
			out.Original += ch.Original
		}
	}
	return out, nil
}

func documentCells(d catalog.DocumentFigures, f report.Format) map[string]float64 {
	out := map[string]float64{}
	spec, ok := report.SpecOf(f)
	if !ok {
		return out
	}
	c := spec.Documents
	for _, cell := range []struct {
		key string
		n   int
	}{{c.Made, d.Made}, {c.Published, d.Published}, {c.Repealed, d.Repealed}, {c.InForce, d.InForce}, {c.Total, d.Total}} {
		if cell.key != "" {
			out[cell.key] = float64(cell.n)
		}
	}
	return out
}
