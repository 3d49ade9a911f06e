package report

// Severity says how serious a finding is.
type Severity string

// Severities of findings, as docs/report-model.md gives them per rule.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Finding is one violation of a consistency rule (勾稽关系) or another
// problem found in a report: which rule, where, the numbers compared and a
// Chinese explanation for the reader.
type Finding struct {
	// Rule is the rule id of docs/report-model.md, e.g. "applications.balance".
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Part is the report part: "二", "三", "四", or "" for the whole report.
	Part string `json:"part,omitempty"`
	// Row and Column are canonical keys of the cell concerned, when there is one.
	Row    string `json:"row,omitempty"`
	Column string `json:"column,omitempty"`
	// Expected and Actual are the two numbers the rule compared.
	Expected *float64 `json:"expected,omitempty"`
	Actual   *float64 `json:"actual,omitempty"`
	// Message explains the finding in Chinese.
	Message string `json:"message"`
}
