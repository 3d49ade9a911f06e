package cases

import (
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/report"
)

// Outcome is the legal result an application closes with: exactly one of
// the outcome rows of part 三 of the annual report, by its canonical key
// (docs/report-model.md).
type Outcome string

// The outcomes, in the order of the 2021 report format.
const (
	Disclosed                         Outcome = "disclosed"
	PartiallyDisclosed                Outcome = "partially_disclosed"
	WithheldStateSecret               Outcome = "withheld.state_secret"
	WithheldProhibitedByLaw           Outcome = "withheld.prohibited_by_law"
	WithheldThreeSafeties             Outcome = "withheld.three_safeties"
	WithheldThirdParty                Outcome = "withheld.third_party"
	WithheldInternalAffairs           Outcome = "withheld.internal_affairs"
	WithheldProcessInfo               Outcome = "withheld.process_info"
	WithheldEnforcementFile           Outcome = "withheld.enforcement_file"
	WithheldInquiryMatter             Outcome = "withheld.inquiry_matter"
	UnavailableNotHeld                Outcome = "unavailable.not_held"
	UnavailableNeedsCreation          Outcome = "unavailable.needs_creation"
	UnavailableUnclearAfterCorrection Outcome = "unavailable.unclear_after_correction"
	NotProcessedPetition              Outcome = "not_processed.petition"
	NotProcessedDuplicate             Outcome = "not_processed.duplicate"
	NotProcessedPublication           Outcome = "not_processed.publication"
	NotProcessedExcessive             Outcome = "not_processed.excessive"
	NotProcessedConfirmation          Outcome = "not_processed.confirmation"
	OtherNoCorrection                 Outcome = "other.no_correction"
	OtherFeeUnpaid                    Outcome = "other.fee_unpaid"
	OtherOther                        Outcome = "other.other"
)

// OutcomeInfo describes an outcome for staff and letters.
type OutcomeInfo struct {
	Outcome Outcome
	Group   string // the report heading it sits under, e.g. 不予公开
	Label   string // short Chinese name, e.g. 属于国家秘密
	// Basis is the article of the 政府信息公开条例 (or other rule) the
	// decision rests on, as cited in an answer letter; empty when the 条例
	// has no article of its own for it (not_processed.confirmation,
	// other.other) and the officer must state the basis.
	Basis string
}

// Regulation is the title of the 条例 as every letter and basis writes it.
const Regulation = "《中华人民共和国政府信息公开条例》"

// outcomes is the fixed set, in report order. Basis is the one article and
// item the outcome's answer cites; Closing.Citation refines it where the
// case decides between two (第三十六条第（一）项 for information already
// published, 第（五）项 for another agency's information, the withheld
// ground of a partial disclosure).
var outcomes = []OutcomeInfo{
	{Disclosed, "予以公开", "予以公开", Regulation + "第三十六条第（二）项"},
	{PartiallyDisclosed, "部分公开", "部分公开", Regulation + "第三十七条、第三十六条第（二）项"},
	{WithheldStateSecret, "不予公开", "属于国家秘密", Regulation + "第十四条、第三十六条第（三）项"},
	{WithheldProhibitedByLaw, "不予公开", "其他法律行政法规禁止公开", Regulation + "第十四条、第三十六条第（三）项"},
	{WithheldThreeSafeties, "不予公开", "危及“三安全一稳定”", Regulation + "第十四条、第三十六条第（三）项"},
	{WithheldThirdParty, "不予公开", "保护第三方合法权益", Regulation + "第十五条、第三十六条第（三）项"},
	{WithheldInternalAffairs, "不予公开", "属于三类内部事务信息", Regulation + "第十六条第一款、第三十六条第（三）项"},
	{WithheldProcessInfo, "不予公开", "属于四类过程性信息", Regulation + "第十六条第二款、第三十六条第（三）项"},
	{WithheldEnforcementFile, "不予公开", "属于行政执法案卷", Regulation + "第十六条第二款、第三十六条第（三）项"},
	{WithheldInquiryMatter, "不予公开", "属于行政查询事项", Regulation + "第三十六条第（七）项"},
	{UnavailableNotHeld, "无法提供", "本机关不掌握相关政府信息", Regulation + "第三十六条第（四）项"},
	{UnavailableNeedsCreation, "无法提供", "没有现成信息需要另行制作", Regulation + "第三十八条"},
	{UnavailableUnclearAfterCorrection, "无法提供", "补正后申请内容仍不明确", Regulation + "第三十条"},
	{NotProcessedPetition, "不予处理", "信访举报投诉类申请", Regulation + "第三十九条第一款"},
	{NotProcessedDuplicate, "不予处理", "重复申请", Regulation + "第三十六条第（六）项"},
	{NotProcessedPublication, "不予处理", "要求提供公开出版物", Regulation + "第三十九条第二款"},
	{NotProcessedExcessive, "不予处理", "无正当理由大量反复申请", Regulation + "第三十五条"},
	{NotProcessedConfirmation, "不予处理", "要求行政机关确认或重新出具已获取信息", ""},
	{OtherNoCorrection, "其他处理", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Regulation + "第三十条"},
	{OtherFeeUnpaid, "其他处理", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"},
	{OtherOther, "其他处理", "其他", ""},
}

// Outcomes returns every outcome, in the order of the report.
func Outcomes() []OutcomeInfo {
	return append([]OutcomeInfo(nil), outcomes...)
}

// ParseOutcome returns the outcome with the given canonical key.
func ParseOutcome(key string) (Outcome, error) {
	if _, ok := Outcome(key).Info(); ok {
		return Outcome(key), nil
	}
	return "", errs.Invalid("办理结果 %q 不存在", key)
}

// Info returns the description of o, or false when o is not an outcome.
func (o Outcome) Info() (OutcomeInfo, bool) {
	for _, info := range outcomes {
		if info.Outcome == o {
			return info, true
		}
	}
	return OutcomeInfo{}, false
}

// Label returns "group：label", e.g. "不予公开：属于国家秘密", or the key
// itself for an unknown outcome.
func (o Outcome) Label() string {
	info, ok := o.Info()
	switch {
	case !ok:
		return string(o)
	case info.Group == info.Label:
		return info.Label
	}
	return info.Group + "：" + info.Label
}

// Basis returns the legal basis of o (see OutcomeInfo.Basis).
func (o Outcome) Basis() string {
	info, _ := o.Info()
	return info.Basis
}

// ReportRow returns the key of the part 三 row that counts o in a report of
// format f, as the format folds it (report.FormatSpec.Folds): the 2019
// format has a single 「（六）其他处理」 row, "other", for the three other.*
// outcomes; every other key is its own row.
func (o Outcome) ReportRow(f report.Format) string {
	spec, ok := report.SpecOf(f)
	if !ok {
		return string(o)
	}
	return spec.Fold(string(o))
}

// ApplicantKind is who applied, by the seven columns of part 三 of the
// annual report: a 自然人 or one of five kinds of 法人或其他组织. Its value
// is the report's canonical column key.
type ApplicantKind string

// The applicant kinds.
const (
	NaturalPerson ApplicantKind = "natural_person" // 自然人
	Commercial    ApplicantKind = "commercial"     // 商业企业
	Research      ApplicantKind = "research"       // 科研机构
	SocialWelfare ApplicantKind = "social_welfare" // 社会公益组织
	LegalService  ApplicantKind = "legal_service"  // 法律服务机构
	OtherOrg      ApplicantKind = "other_org"      // 其他
)

// applicantColumns maps each kind to its column of part 三.
var applicantColumns = map[ApplicantKind]int{
	NaturalPerson: report.ColNaturalPerson,
	Commercial:    report.ColCommercial,
	Research:      report.ColResearch,
	SocialWelfare: report.ColSocialWelfare,
	LegalService:  report.ColLegalService,
	OtherOrg:      report.ColOtherOrg,
}

// ApplicantKinds returns the kinds in the order of the report's columns.
func ApplicantKinds() []ApplicantKind {
	return []ApplicantKind{NaturalPerson, Commercial, Research, SocialWelfare, LegalService, OtherOrg}
}

// ParseApplicantKind returns the kind with the given column key.
func ParseApplicantKind(key string) (ApplicantKind, error) {
	if _, ok := applicantColumns[ApplicantKind(key)]; !ok {
		return "", errs.Invalid("申请人类型 %q 不存在", key)
	}
	return ApplicantKind(key), nil
}

// Column returns the index of k's column in a report row (report.Col*),
// or -1 for an unknown kind.
func (k ApplicantKind) Column() int {
	if c, ok := applicantColumns[k]; ok {
		return c
	}
	return -1
}

// IsOrganization reports whether k is a 法人或其他组织, which identifies
// itself by its 统一社会信用代码 rather than a 居民身份证.
func (k ApplicantKind) IsOrganization() bool {
	return k.Column() > report.ColNaturalPerson
}

// Label returns the printed column label, e.g. 商业企业, prefixed with
// "法人或其他组织·" for organizations; the key itself for an unknown kind.
func (k ApplicantKind) Label() string {
	c := k.Column()
	switch {
	case c < 0:
		return string(k)
	case k.IsOrganization():
		return "法人或其他组织·" + report.ApplicantColumns[c].Label
	}
	return report.ApplicantColumns[c].Label
}
