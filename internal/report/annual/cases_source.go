package annual

import (
	"context"

	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/report"
)

// CaseCounter is the cases' side of the report (store.DB.CaseCounts and
// store.DB.CaseFeesYuan).
type CaseCounter interface {
	CaseCounts(ctx context.Context, agencyID int64, year int, f report.Format) (cases.Counts, error)
	CaseFeesYuan(ctx context.Context, agencyID int64, year int) (float64, error)
}

// FromCases adapts the cases' counts to a report source.
func FromCases(c CaseCounter) Cases { return caseSource{c} }

type caseSource struct{ c CaseCounter }

// CaseFigures implements Cases.
func (s caseSource) CaseFigures(ctx context.Context, agencyID int64, year int, f report.Format) (CaseFigures, error) {
	counts, err := s.c.CaseCounts(ctx, agencyID, year, f)
	if err != nil {
		return CaseFigures{}, err
	}
	fee, err := s.c.CaseFeesYuan(ctx, agencyID, year)
	if err != nil {
		return CaseFigures{}, err
	}
	r := report.New("", year, f)
	counts.Fill(r)
	return CaseFigures{Applications: r.Applications, FeeYuan: &fee}, nil
}
