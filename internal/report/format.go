package report

// Format names an official layout of the annual report. The layout decides
// which rows and columns part 二 has and how part 三's 「其他处理」 is split.
type Format string

// The two official formats (see docs/report-model.md).
const (
	// Format2019 is the 2019 trial format (国办公开办函〔2019〕60号), used for
	// the reporting years 2019 and 2020.
	Format2019 Format = "2019"
	// Format2021 is the 2021 format (国办公开办函〔2021〕30号), used from the
	// reporting year 2021 on.
	Format2021 Format = "2021"
)

// FormatForYear returns the format an agency must use for a reporting year.
func FormatForYear(year int) Format {
	if year >= 2021 {
		return Format2021
	}
	return Format2019
}

// Layout describes one format as data: the rows and columns of its tables
// with their canonical keys and printed labels, so that a new revision of the
// official format is a data change.
type Layout struct {
	Format       Format
	Name         string   // the official document that defines it
	Proactive    []Row    // part 二, in printed order
	Applications []Row    // part 三, outcome rows and totals, in printed order
	Outcomes     []string // keys of part 三's outcome rows, summed into "total"
}

// Row is one table row: its canonical key, the label printed in the official
// table and, for part 二, its columns.
type Row struct {
	Key     string
	Label   string
	Group   string   // the heading the row sits under, e.g. 「第二十条第（五）项」 or 「（三）不予公开」
	Columns []Column // part 二 only
}

// Column is one numeric column of part 二.
type Column struct {
	Key   string
	Label string
	// Decimal marks a column that may hold fractions (amounts in 万元).
	Decimal bool
	// Signed marks a column printed with a sign (本年增/减).
	Signed bool
}

// ApplicantColumns are the seven columns of part 三, in printed order.
var ApplicantColumns = [7]Column{
	{Key: "natural_person", Label: "自然人"},
	{Key: "commercial", Label: "商业企业"},
	{Key: "research", Label: "科研机构"},
	{Key: "social_welfare", Label: "社会公益组织"},
	{Key: "legal_service", Label: "法律服务机构"},
	{Key: "other_org", Label: "其他"},
	{Key: "total", Label: "总计"},
}

// Applicant column indexes into an application row.
const (
	ColNaturalPerson = iota
	ColCommercial
	ColResearch
	ColSocialWelfare
	ColLegalService
	ColOtherOrg
	ColTotal
)

// ReviewGroups are the three groups of part 四 with their labels.
var ReviewGroups = []Column{
	{Key: "review", Label: "行政复议"},
	{Key: "litigation_direct", Label: "行政诉讼·未经复议直接起诉"},
	{Key: "litigation_after_review", Label: "行政诉讼·复议后起诉"},
}

// ReviewColumns are the five columns of each group of part 四.
var ReviewColumns = []Column{
	{Key: "upheld", Label: "结果维持"},
	{Key: "corrected", Label: "结果纠正"},
	{Key: "other", Label: "其他结果"},
	{Key: "pending", Label: "尚未审结"},
	{Key: "total", Label: "总计"},
}

// LayoutOf returns the layout of a format, or false for an unknown format.
func LayoutOf(f Format) (*Layout, bool) {
	switch f {
	case Format2019:
		return &layout2019, true
	case Format2021:
		return &layout2021, true
	}
	return nil, false
}
