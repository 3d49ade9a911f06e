package annual

import (
	"context"
	"errors"
	"fmt"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
)

// Records is what the builder needs from storage.
type Records interface {
	AnnualReport(ctx context.Context, agencyID int64, year int) (*Record, error)
	AnnualReportVersions(ctx context.Context, agencyID int64, year int) ([]Version, error)
}

// Builder composes agencies' reports from their records and the sources.
type Builder struct {
	Records Records
	Sources Sources
}

// Draft returns the agency's report record on year — the stored one, or a
// new unsaved draft pre-filled from last year's — composed and checked
// against last year's report.
func (b *Builder) Draft(ctx context.Context, a *agency.Agency, year int) (*Record, *Built, error) {
	rec, err := b.record(ctx, a.ID, year)
	if err != nil {
		return nil, nil, err
	}
	prev, err := b.previous(ctx, a, year)
	if err != nil {
		return nil, nil, err
	}
	built, err := Compose(ctx, b.Sources, a.Name, rec, prev)
	if err != nil {
		return nil, nil, err
	}
	return rec, built, nil
}

// record loads the stored record, or makes a new draft from last year's.
func (b *Builder) record(ctx context.Context, agencyID int64, year int) (*Record, error) {
	rec, err := b.Records.AnnualReport(ctx, agencyID, year)
	if err == nil {
		return rec, nil
	}
	if !errors.Is(err, errs.ErrNotFound) {
		return nil, err
	}
	last, err := b.Records.AnnualReport(ctx, agencyID, year-1)
	if err != nil && !errors.Is(err, errs.ErrNotFound) {
		return nil, err
	}
	return New(agencyID, year, last), nil
}

// previous returns last year's report as published (its latest version),
// else as its records compose it, else nil when there is none.
func (b *Builder) previous(ctx context.Context, a *agency.Agency, year int) (*report.Report, error) {
	vs, err := b.Records.AnnualReportVersions(ctx, a.ID, year-1)
	if err != nil {
		return nil, err
	}
	if len(vs) > 0 {
		return vs[0].Snapshot.Document.Report, nil
	}
	last, err := b.Records.AnnualReport(ctx, a.ID, year-1)
	if errors.Is(err, errs.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	built, err := Compose(ctx, b.Sources, a.Name, last, nil)
	if err != nil {
		return nil, err
	}
	return built.Document.Report, nil
}

// Official returns the report as the public sees it: the latest published
// version when there is one (frozen), else the current draft composed from
// the records. published says which it is.
func (b *Builder) Official(ctx context.Context, a *agency.Agency, year int) (built *Built, published bool, err error) {
	vs, err := b.Records.AnnualReportVersions(ctx, a.ID, year)
	if err != nil {
		return nil, false, err
	}
	if len(vs) > 0 {
		return FromVersion(&vs[0]), true, nil
	}
	_, built, err = b.Draft(ctx, a, year)
	return built, false, err
}

// FromVersion returns a published version as a composed report.
func FromVersion(v *Version) *Built {
	d := v.Snapshot.Document
	d.Version, d.ChangeNote, d.Published = v.Version, v.ChangeNote, v.PublishedAt
	return &Built{Document: &d, Sources: v.Snapshot.Sources, Findings: v.Snapshot.Findings}
}

// Combined returns the combined report of a people's government on year:
// the sum of its departments' reports, each as the public sees it, in the
// same format and outputs.
func (b *Builder) Combined(ctx context.Context, gov *agency.Agency, departments []agency.Agency, year int) (*Built, error) {
	parts := make([]*report.Report, 0, len(departments))
	for i := range departments {
		built, _, err := b.Official(ctx, &departments[i], year)
		if err != nil {
			return nil, fmt.Errorf("annual: combined report: %s: %w", departments[i].Name, err)
		}
		parts = append(parts, built.Document.Report)
	}
	name := gov.Name + "所属部门汇总"
	r := report.Sum(name, year, parts)
	d := document(r, Prose{}, CatalogFigures{})
	d.Preamble = append(d.Preamble, fmt.Sprintf("本汇总报告由%s所属%d个部门的年度报告逐项相加而成；已公开的取其最新版本，尚未公开的取当前草稿。",
		gov.Name, len(departments)))
	return &Built{Document: d, Findings: report.Check(r)}, nil
}

// Store is the storage that holds every source of a report.
type Store interface {
	Records
	Litigation
	CatalogCounter
	CaseCounter
}

// NewBuilder returns a builder over the store's records and sources.
func NewBuilder(db Store) *Builder {
	return &Builder{Records: db, Sources: Sources{Cases: FromCases(db), Litigation: db, Catalog: FromCatalog(db)}}
}
