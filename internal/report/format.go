package report

// Format names an official layout of the annual report. The layout decides
// which rows and columns part 二 has and how part 三's 「其他处理」 is split.
type Format string

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

// FormatSpec is one official format as data: everything that differs
// between formats, read by the builder, the checks, the renderers and the
// reader alike. The registry of formats is in formats.go.
type FormatSpec struct {
	Format Format
	// Name is the short name readers of a summary see, e.g. 「2019 年试行格式」;
	// FullName adds the document that defines the format.
	Name, FullName string
	// FromYear is the first reporting year the format applies to; it
	// applies until the next format's FromYear.
	FromYear int
	// Layout is the format's tables: rows, columns and labels.
	Layout *Layout
	// Signals are label fragments only this format's tables print, by which
	// the reader tells the format of a published report.
	Signals []string
	// Folds maps part 三 outcome keys that the format has no row for to the
	// row that counts them (the 2019 format's single 「（六）其他处理」).
	Folds map[string]string
	// CrossYear are the ids of the part 二 rules CheckYears applies when two
	// consecutive reports both use this format (RuleItemsChange, RuleInForce).
	CrossYear []string
	// Documents maps the catalog's document counts onto the columns of the
	// rules and normative_documents rows of part 二.
	Documents DocumentColumns
	// DraftDocuments is the draft sentence of part 一 on those documents.
	DraftDocuments DraftSentence
	// FeeAlwaysStated marks a format that requires part 六 to state the
	// 信息处理费 even when none was collected (a known fee of 0 is stated).
	FeeAlwaysStated bool
}

// Fold returns the part 三 row that counts an outcome key in this format.
func (s *FormatSpec) Fold(outcome string) string {
	if row, ok := s.Folds[outcome]; ok {
		return row
	}
	return outcome
}

// ChecksAcrossYears reports whether CheckYears applies rule to two
// consecutive reports in this format.
func (s *FormatSpec) ChecksAcrossYears(rule string) bool {
	for _, r := range s.CrossYear {
		if r == rule {
			return true
		}
	}
	return false
}

// DocumentColumns names the part 二 columns of the rules and
// normative_documents rows that each of the catalog's document counts
// (catalog.DocumentFigures) fills; "" for a count the format does not print.
type DocumentColumns struct {
	Made, Published, Repealed, InForce, Total string
}

// DraftSentence is a draft sentence about the rules and normative
// documents: Text takes, for each of Columns, the rules' figure then the
// normative documents'; the sentence is left out when the NonZero columns
// of both rows are all 0.
type DraftSentence struct {
	Text    string
	Columns []string
	NonZero []string
}
