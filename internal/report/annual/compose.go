package annual

import (
	"context"
	"fmt"
	"strings"

	"github.com/gongkai/gongkai/internal/report"
)

// Built is a composed report: the document every output prints, where each
// figure came from, the findings of the checks and which sources were
// missing.
type Built struct {
	Document *report.Document
	Sources  report.Sources
	Findings []report.Finding
	// Missing names the sources the system does not have yet, in Chinese.
	Missing []string
}

// Errors returns the findings of error severity, which stop a sign-off.
func (b *Built) Errors() []report.Finding {
	var out []report.Finding
	for _, f := range b.Findings {
		if f.Severity == report.SeverityError {
			out = append(out, f)
		}
	}
	return out
}

// gathered are the figures fetched from the sources for one report.
type gathered struct {
	cases   CaseFigures
	catalog CatalogFigures
	rl      report.ReviewLitigation
	missing []string
}

func gather(ctx context.Context, src Sources, agencyID int64, year int) (*gathered, error) {
	g := &gathered{}
	f := report.FormatForYear(year)
	var err error
	if src.Cases != nil {
		if g.cases, err = src.Cases.CaseFigures(ctx, agencyID, year, f); err != nil {
			return nil, fmt.Errorf("annual: cases of %d: %w", year, err)
		}
	} else {
		g.missing = append(g.missing, "依申请公开案件（第三部分）")
	}
	if src.Catalog != nil {
		if g.catalog, err = src.Catalog.CatalogFigures(ctx, agencyID, year, f); err != nil {
			return nil, fmt.Errorf("annual: catalog of %d: %w", year, err)
		}
	} else {
		g.missing = append(g.missing, "信息目录（第二部分规章和规范性文件）")
	}
	if src.Litigation != nil {
		if g.rl, err = src.Litigation.LitigationCounts(ctx, agencyID, year); err != nil {
			return nil, fmt.Errorf("annual: litigation of %d: %w", year, err)
		}
	}
	return g, nil
}

// Compose builds the report of rec for the agency named agency from the
// sources, and checks it, across years against prev (last year's report,
// or nil).
func Compose(ctx context.Context, src Sources, agency string, rec *Record, prev *report.Report) (*Built, error) {
	g, err := gather(ctx, src, rec.AgencyID, rec.Year)
	if err != nil {
		return nil, err
	}
	r, sources := report.Build(report.Inputs{
		Agency: agency, Year: rec.Year,
		Applications: g.cases.Applications, Catalog: g.catalog.Proactive,
		Entered: rec.Entered.Figures, EnteredNotes: rec.Entered.Notes,
		ReviewLitigation: g.rl, InfoFeeYuan: feeFor(rec.Year, g.cases.FeeYuan),
	})
	findings := append(report.Check(r), report.CheckYears(prev, r)...)
	return &Built{Document: document(r, rec.Prose, g.catalog), Sources: sources, Findings: findings, Missing: g.missing}, nil
}

// feeFor says what part 六 states about the 信息处理费: a format that
// requires the statement (2021) states a known 0; the others (2019) state a
// fee only when one was collected.
func feeFor(year int, fee *float64) *float64 {
	if fee != nil && (*fee > 0 || report.SpecForYear(year).FeeAlwaysStated) {
		v := *fee
		return &v
	}
	return nil
}

// document lays the report, the prose and the charts out for the renderers.
func document(r *report.Report, p Prose, cat CatalogFigures) *report.Document {
	d := &report.Document{Report: r, Preamble: []string{fmt.Sprintf(
		"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息公开办公室有关要求，编制本报告。本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。",
		r.Year, r.Year)}}
	for i, head := range OverviewHeads {
		text := ""
		if i < len(p.Overview) {
			text = p.Overview[i]
		}
		s := report.Section{Heading: fmt.Sprintf("（%s）%s", chineseNumerals[i], head), Paragraphs: paragraphs(text)}
		switch head {
		case "主动公开":
			s.Charts = chart("图一 网站各栏目发布信息数量", cat.Columns)
		case "平台建设":
			s.Charts = chart("图二 政务新媒体发布信息数量", cat.Posts)
		}
		if len(s.Paragraphs) > 0 || len(s.Charts) > 0 {
			d.Overview = append(d.Overview, s)
		}
	}
	d.Problems = []report.Section{{Paragraphs: orNone(paragraphs(p.Problems))}}
	other := paragraphs(p.Other)
	if r.InfoFeeYuan != nil {
		other = append(other, feeSentence(*r.InfoFeeYuan))
	}
	d.Other = []report.Section{{Paragraphs: orNone(other)}}
	return d
}

var chineseNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

func chart(title string, counts []Count) []report.Chart {
	if len(counts) == 0 {
		return nil
	}
	c := report.Chart{Title: title, Unit: "条"}
	for _, n := range counts {
		if n.N > 0 { // a parent column counts its own items only; empty bars say nothing
			c.Points = append(c.Points, report.Point{Label: n.Label, Value: float64(n.N)})
		}
	}
	if len(c.Points) == 0 {
		return nil
	}
	return []report.Chart{c}
}

// feeSentence states the 信息处理费 as part 六 must.
func feeSentence(yuan float64) string {
	if yuan == 0 {
		return "本年度无收取信息处理费情况。"
	}
	return fmt.Sprintf("本年度收取信息处理费%s元。", trimAmount(yuan))
}

func trimAmount(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

// paragraphs splits edited text into paragraphs at line breaks.
func paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func orNone(ps []string) []string {
	if len(ps) == 0 {
		return []string{"无。"}
	}
	return ps
}
