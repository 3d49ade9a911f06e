package report

import "strings"

// The two official formats (see docs/report-model.md). Code outside this
// file reads what a format means from its FormatSpec and never compares a
// report's format against these names (TestNoFormatComparisons).
const (
	// Format2019 is the 2019 trial format (国办公开办函〔2019〕60号), used for
	// the reporting years 2019 and 2020.
	Format2019 Format = "2019"
	// Format2021 is the 2021 format (国办公开办函〔2021〕30号), used from the
	// reporting year 2021 on.
	Format2021 Format = "2021"
)

// formats is the registry of report formats, oldest first: adding a format
// is adding one value here, its layout and its fixtures.
var formats = []FormatSpec{
	{
		Format:    Format2019,
		Name:      "2019 年试行格式",
		FullName:  "2019 年试行格式（国办公开办函〔2019〕60号）",
		FromYear:  2019,
		Layout:    &layout2019,
		Signals:   []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减", "采购项目数量", "政府集中采购"},
		Folds:     map[string]string{"other.no_correction": "other", "other.fee_unpaid": "other", "other.other": "other"},
		CrossYear: []string{RuleItemsChange},
		Documents: DocumentColumns{Made: "made", Published: "published", Total: "total"},
		DraftDocuments: DraftSentence{
			Text:    "本年新公开规章%g件、规范性文件%g件。",
			Columns: []string{"published"},
			NonZero: []string{"published"},
		},
		FeeAlwaysStated: false,
	},
	{
		Format:    Format2021,
		Name:      "2021 年格式",
		FullName:  "2021 年版格式（国办公开办函〔2021〕30号）",
		FromYear:  2021,
		Layout:    &layout2021,
		Signals:   []string{"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "收费通知要求"},
		CrossYear: []string{RuleInForce},
		Documents: DocumentColumns{Published: "issued", Repealed: "repealed", InForce: "in_force"},
		DraftDocuments: DraftSentence{
			Text:    "本年制发规章%g件、行政规范性文件%g件，废止规章%g件、行政规范性文件%g件；现行有效规章%g件、行政规范性文件%g件。",
			Columns: []string{"issued", "repealed", "in_force"},
			NonZero: []string{"in_force", "issued"},
		},
		FeeAlwaysStated: true,
	},
}

// Formats returns the registered formats, oldest first.
func Formats() []FormatSpec { return formats }

// SpecOf returns the registry entry of a format, or false for an unknown
// format.
func SpecOf(f Format) (*FormatSpec, bool) {
	for i := range formats {
		if formats[i].Format == f {
			return &formats[i], true
		}
	}
	return nil, false
}

// FormatForYear returns the format an agency must use for a reporting year:
// the newest format in force that year, and the oldest for earlier years.
func FormatForYear(year int) Format {
	return SpecForYear(year).Format
}

// SpecForYear returns the registry entry of FormatForYear(year).
func SpecForYear(year int) *FormatSpec {
	s := &formats[0]
	for i := range formats {
		if formats[i].FromYear <= year {
			s = &formats[i]
		}
	}
	return s
}

// LayoutOf returns the layout of a format, or false for an unknown format.
func LayoutOf(f Format) (*Layout, bool) {
	s, ok := SpecOf(f)
	if !ok {
		return nil, false
	}
	return s.Layout, true
}

// FormatBySignals tells a format from the labels of a published report's
// tables: the format whose signals occur most often, or false when no
// format's count is strictly the highest.
func FormatBySignals(tables string) (Format, bool) {
	var best Format
	bestScore, tie := 0, true
	for _, s := range formats {
		score := 0
		for _, sig := range s.Signals {
			if strings.Contains(tables, sig) {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = s.Format, score, false
		case score == bestScore:
			tie = true
		}
	}
	if tie {
		return "", false
	}
	return best, true
}
