// Package litigation keeps the administrative reviews (行政复议) and lawsuits
// (行政诉讼) brought against an agency over government information
// disclosure. Each record names the body that hears it, its kind, stage and
// result; counted by year they are part 四 of the annual report.
package litigation

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/errs"
)

// Kind is the sort of proceeding; its value is the canonical key of the
// matching group of part 四 (report.ReviewGroups).
type Kind string

// The three kinds of proceeding of part 四.
const (
	// Review is an administrative review (行政复议).
	Review Kind = "review"
	// LitigationDirect is a lawsuit filed without a prior review (未经复议直接起诉).
	LitigationDirect Kind = "litigation_direct"
	// LitigationAfterReview is a lawsuit filed after a review (复议后起诉).
	LitigationAfterReview Kind = "litigation_after_review"
)

// Kinds lists the kinds in the order of part 四.
var Kinds = []Kind{Review, LitigationDirect, LitigationAfterReview}

// Label returns the Chinese name of the kind.
func (k Kind) Label() string {
	switch k {
	case Review:
		return "行政复议"
	case LitigationDirect:
		return "行政诉讼（未经复议直接起诉）"
	case LitigationAfterReview:
		return "行政诉讼（复议后起诉）"
	}
	return string(k)
}

// BodyLabel names the body that hears a proceeding of this kind:
// 复议机关 for a review, 法院 for a lawsuit.
func (k Kind) BodyLabel() string {
	if k == Review {
		return "复议机关"
	}
	return "法院"
}

// Result is how a proceeding ended; its value is the canonical column key
// of part 四 (report.ReviewColumns).
type Result string

// The results part 四 counts.
const (
	// Upheld means the agency's answer was upheld (维持).
	Upheld Result = "upheld"
	// Corrected means it was corrected: revoked, changed, ordered redone (纠正).
	Corrected Result = "corrected"
	// Other covers withdrawals, dismissals on procedure and the like (其他).
	Other Result = "other"
	// Pending means not yet decided (尚未审结).
	Pending Result = "pending"
)

// Results lists the results in the order of part 四.
var Results = []Result{Upheld, Corrected, Other, Pending}

// Label returns the Chinese name of the result.
func (r Result) Label() string {
	switch r {
	case Upheld:
		return "维持"
	case Corrected:
		return "纠正"
	case Other:
		return "其他"
	case Pending:
		return "尚未审结"
	}
	return string(r)
}

// Stages are the stages a proceeding passes through, as staff record them.
var Stages = []string{"已申请", "已受理", "审理中", "一审", "二审", "再审", "已审结"}

// Record is one administrative review or lawsuit.
type Record struct {
	ID       int64
	AgencyID int64
	// CaseID is the disclosure application the proceeding concerns, or 0.
	CaseID int64
	Kind   Kind
	// Body is the 复议机关 or 法院 that hears it.
	Body string
	// Applicant is who brought it (申请人 or 原告).
	Applicant string
	// Filed is the day the review was applied for or the suit filed.
	Filed  time.Time
	Stage  string
	Result Result
	// Decided is the day of the decision or judgment; zero while pending.
	Decided time.Time
	// Documents lists the documents with their numbers, e.g.
	// 「行政复议决定书 长政复决字〔2021〕12号」, one a line.
	Documents string
	Note      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks a record before it is stored and normalises its text.
func (r *Record) Validate() error {
	r.Body, r.Applicant = strings.TrimSpace(r.Body), strings.TrimSpace(r.Applicant)
	r.Stage, r.Documents, r.Note = strings.TrimSpace(r.Stage), strings.TrimSpace(r.Documents), strings.TrimSpace(r.Note)
	switch {
	case !validKind(r.Kind):
		return errs.Invalid("请选择类别：行政复议、直接起诉的行政诉讼或复议后起诉的行政诉讼")
	case r.Body == "":
		return errs.Invalid("请填写%s", r.Kind.BodyLabel())
	case utf8.RuneCountInString(r.Body) > 100 || utf8.RuneCountInString(r.Applicant) > 100:
		return errs.Invalid("%s和申请人名称不能超过100个字", r.Kind.BodyLabel())
	case r.Filed.IsZero():
		return errs.Invalid("请填写申请或起诉日期")
	case !validStage(r.Stage):
		return errs.Invalid("请选择所处阶段")
	case !validResult(r.Result):
		return errs.Invalid("请选择结果：维持、纠正、其他或尚未审结")
	case r.Result == Pending && !r.Decided.IsZero():
		return errs.Invalid("尚未审结的案件不应填写决定或判决日期")
	case r.Result != Pending && r.Decided.IsZero():
		return errs.Invalid("已审结的案件请填写决定或判决日期")
	case !r.Decided.IsZero() && r.Decided.Before(r.Filed):
		return errs.Invalid("决定或判决日期不能早于申请或起诉日期")
	case utf8.RuneCountInString(r.Documents) > 2000 || utf8.RuneCountInString(r.Note) > 2000:
		return errs.Invalid("文书和备注各不能超过2000个字")
	case r.CaseID < 0:
		return errs.Invalid("关联的申请编号无效")
	}
	return nil
}

// ResultAt returns the result as it stood at the end of day t: a decision
// made after t still counts as pending then.
func (r *Record) ResultAt(t time.Time) Result {
	if r.Result == Pending || r.Decided.After(t) {
		return Pending
	}
	return r.Result
}

func validKind(k Kind) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func validResult(r Result) bool {
	for _, x := range Results {
		if x == r {
			return true
		}
	}
	return false
}

func validStage(s string) bool {
	for _, x := range Stages {
		if x == s {
			return true
		}
	}
	return false
}
