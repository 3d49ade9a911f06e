package cases

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// LetterKind is a kind of letter sent on a case.
type LetterKind string

// The letters: the answer (答复书, or 告知书 when nothing is disclosed) and
// the procedural notices. Consultation is the 征求意见书 to a third party
// (第三十二条), AgencyConsultation the 征求意见函 to another agency
// (第三十四条).
const (
	LetterAnswer             LetterKind = "answer"
	LetterCorrection         LetterKind = "correction"
	LetterExtension          LetterKind = "extension"
	LetterConsultation       LetterKind = "consultation"
	LetterAgencyConsultation LetterKind = "agency_consultation"
	LetterFee                LetterKind = "fee"
)

// letterKinds are the letters with their label, title, built-in text and
// whether the applicant is their addressee. The texts are text/template
// over LetterData; paragraphs are separated by a blank line. An agency
// admin may replace any of them.
var letterKinds = []struct {
	Kind        LetterKind
	Label       string
	Title       string
	ToApplicant bool
	Text        string
}{
	{LetterAnswer, "答复书/告知书", "", true, `本机关于{{.Received}}收到您提出的政府信息公开申请（查询号：{{.QueryNo}}），您申请获取：“{{.Request}}”{{if .DocNumber}}（文号：{{.DocNumber}}）{{end}}。

经审查，{{.Decision}}{{if .Reason}}理由：{{.Reason}}{{end}}{{if .Attached}}

随本答复书向您提供：{{.Attached}}。{{end}}{{if .CatalogRef}}

该信息已主动公开，获取方式：{{.CatalogRef}}。{{end}}

根据{{.Basis}}的规定，特此{{if .Disclosed}}答复{{else}}告知{{end}}。

如对本答复不服，可以自收到本答复之日起六十日内向{{.ReviewBody}}申请行政复议，或者在六个月内向{{.Court}}提起行政诉讼。`},
	{LetterCorrection, "补正申请告知书", "政府信息公开申请补正告知书", true, `本机关于{{.Received}}收到您提出的政府信息公开申请（查询号：{{.QueryNo}}），您申请获取：“{{.Request}}”。

经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项如下：

{{.CorrectionWhat}}

请您{{.CorrectionPeriod}}作出补正。答复期限自本机关收到补正后的申请之日起计算；您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`},
	{LetterExtension, "延期答复告知书", "政府信息公开申请延期答复告知书", true, `本机关于{{.Received}}收到您提出的政府信息公开申请（查询号：{{.QueryNo}}），您申请获取：“{{.Request}}”。

因{{.ExtensionReason}}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长{{.ExtensionDays}}个工作日，延长后的答复期限至{{.Due}}。`},
	{LetterConsultation, "征求第三方意见书", "政府信息公开征求意见书", false, `本机关于{{.Received}}收到一项政府信息公开申请，申请获取：“{{.Request}}”。该信息可能涉及贵方的商业秘密、个人隐私等合法权益，公开可能对贵方合法权益造成损害。

根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请贵方自收到本征求意见书之日起15个工作日内提出是否同意公开的意见；不同意公开的，请说明理由。

贵方逾期未提出意见的，由本机关依法决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。`},
	{LetterAgencyConsultation, "征求其他机关意见函", "政府信息公开征求意见函", false, `本机关于{{.Received}}收到一项政府信息公开申请，申请获取：“{{.Request}}”。经审查，该信息由本机关与贵单位共同制作。

根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵单位意见。请贵单位自收到本函之日起15个工作日内提出意见；逾期未提出意见的，视为同意公开。`},
	{LetterFee, "信息处理费缴费通知书", "政府信息公开信息处理费缴费通知书", true, `本机关于{{.Received}}收到您提出的政府信息公开申请（查询号：{{.QueryNo}}），您申请获取：“{{.Request}}”。

您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费。计费方式：{{.FeeMethod}}；计费明细：{{.FeeDetail}}；合计{{.FeeYuan}}元。

缴费方式：{{.Payment}}

请您自收到本通知之日起20个工作日内缴纳。逾期未缴纳的，本机关不再处理该政府信息公开申请。缴费期间不计入答复期限。`},
}

// LetterKinds returns every letter kind in display order.
func LetterKinds() []LetterKind {
	out := make([]LetterKind, len(letterKinds))
	for i, k := range letterKinds {
		out[i] = k.Kind
	}
	return out
}

// ParseLetterKind returns the letter kind with the given key.
func ParseLetterKind(s string) (LetterKind, error) {
	for _, k := range letterKinds {
		if string(k.Kind) == s {
			return k.Kind, nil
		}
	}
	return "", errs.Invalid("文书类型 %q 不存在", s)
}

// Label returns the kind's Chinese name.
func (k LetterKind) Label() string {
	for _, i := range letterKinds {
		if i.Kind == k {
			return i.Label
		}
	}
	return string(k)
}

// DefaultText returns the built-in template of the kind.
func (k LetterKind) DefaultText() string {
	for _, i := range letterKinds {
		if i.Kind == k {
			return i.Text
		}
	}
	return ""
}

// LetterData is what a letter template may use. The agency's settings
// (ReviewBody, Court, Payment) come from the caller; the rest is filled
// from the case by ComposeLetter.
type LetterData struct {
	Agency, ReviewBody, Court string
	Payment                   string
	Applicant, QueryNo        string
	Received, Due             string
	Request, DocNumber        string
	Decision, Reason, Basis   string
	Disclosed                 bool
	Attached, CatalogRef      string
	CorrectionWhat            string
	CorrectionPeriod          string
	CorrectionDue             string
	ExtensionReason           string
	ExtensionDays             int
	Consultee                 string
	FeeMethod, FeeDetail      string
	FeeYuan                   int
}

// Letter is a letter as issued: its number, title, addressee and text.
type Letter struct {
	Kind       LetterKind
	Number     string
	Title      string
	Addressee  string
	Paragraphs []string
	IssuedOn   calendar.Date
}

// IssuedLetter is a letter as stored on a case.
type IssuedLetter struct {
	ID       int64
	CaseID   int64
	AgencyID int64
	Letter
}

// ToApplicant reports whether the applicant is the kind's addressee; the
// letters to a consulted third party or agency are for staff only.
func (k LetterKind) ToApplicant() bool {
	for _, i := range letterKinds {
		if i.Kind == k {
			return i.ToApplicant
		}
	}
	return false
}

// MaxTemplate bounds a letter template, in characters.
const MaxTemplate = 5000

// sampleData is what a template is tried on when saved.
var sampleData = LetterData{Agency: "示例机关", ReviewBody: "示例市人民政府", Court: "示例市示例区人民法院",
	Payment: "示例账户", Applicant: "示例", QueryNo: "GK2026-00000000", Received: "2026年1月5日", Due: "2026年2月2日",
	Request: "示例信息", Decision: "本机关予以公开。", Basis: Regulation + "第三十六条第（二）项", Disclosed: true,
	CorrectionWhat: "1. 示例事项", CorrectionPeriod: "自收到本告知书之日起15个工作日内", ExtensionReason: "示例理由",
	ExtensionDays: 20, Consultee: "示例单位", FeeMethod: "按件计收", FeeDetail: "示例", FeeYuan: 100}

// CheckTemplate parses an agency's template for kind and tries it on
// sample data, so that a broken template is refused when saved rather than
// when a letter is due.
func CheckTemplate(kind LetterKind, text string) error {
	if strings.TrimSpace(text) == "" || utf8.RuneCountInString(text) > MaxTemplate {
		return errs.Invalid("文书模板不能为空，也不能超过 %d 字", MaxTemplate)
	}
	paras, err := execLetter(text, sampleData)
	if err != nil {
		return err
	}
	return checkText(paras)
}

func execLetter(text string, d LetterData) ([]string, error) {
	t, err := template.New("letter").Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, errs.Invalid("文书模板有误：%v", err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, errs.Invalid("文书模板有误：%v", err)
	}
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(buf.String(), "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(strings.ReplaceAll(p, "\n", "")); p != "" {
			paras = append(paras, p)
		}
	}
	return paras, nil
}

// badText are sequences that only appear in a letter when a value is
// missing or punctuation was doubled.
var badText = []string{"。。", "。，", "，。", "；。", "：。", "至。", "“”", "（）", "：；", "：，"}

// checkText refuses a letter with an empty or doubled sentence.
func checkText(paras []string) error {
	for i, p := range paras {
		for _, b := range badText {
			if strings.Contains(p, b) {
				return errs.Invalid("文书第 %d 段有空缺或重复的标点「%s」，请检查文书模板和所填内容", i+1, b)
			}
		}
	}
	return nil
}

// phrase trims the end punctuation of a value inserted mid-sentence.
func phrase(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), "。；，、.;, ")
}

// sentence ends a value inserted as a sentence with 「。」 unless it ends
// with its own end punctuation.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, "。") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "？") {
		return s
	}
	return phrase(s) + "。"
}

// missing refuses a letter lacking a value, naming it.
func missing(letter, what string) error {
	return errs.Invalid("不能出具《%s》：缺少%s", letter, what)
}

// ComposeLetter writes a letter of kind for case c from the agency's
// template text ("" for the built-in one), dated on (the 成文日期 staff
// chose: not in the future, not before the application was received). It
// refuses a letter the case's state cannot support (an answer before
// closing, a 补正 notice without a correction, …) as a conflict, and one
// whose required value is missing — the agency's 复议机关 or 管辖法院, the
// payment details of a fee notice, the items to correct — as invalid,
// naming the value. A letter never carries an empty sentence.
func ComposeLetter(kind LetterKind, text string, c *Case, d LetterData, cal *calendar.Calendar, on, today calendar.Date) (Letter, error) {
	if text == "" {
		text = kind.DefaultText()
	}
	title := kind.Label()
	for _, k := range letterKinds {
		if k.Kind == kind && k.Title != "" {
			title = k.Title
		}
	}
	switch {
	case on.IsZero():
		return Letter{}, errs.Invalid("请填写文书的成文日期")
	case on.After(today):
		return Letter{}, errs.Invalid("成文日期 %s 不能晚于今天", on)
	case c.Received.IsZero():
		return Letter{}, errs.Conflict("申请尚未确认收到，不能出具文书")
	case on.Before(c.Received):
		return Letter{}, errs.Invalid("成文日期 %s 不能早于收到申请之日 %s", on, c.Received)
	case strings.TrimSpace(d.ReviewBody) == "":
		return Letter{}, missing(title, "复议机关：请机关管理员在“文书模板与设置”中确认本机关的复议机关")
	case strings.TrimSpace(d.Court) == "":
		return Letter{}, missing(title, "管辖法院：请机关管理员在“文书模板与设置”中填写管辖法院全称")
	}
	l := Letter{Kind: kind, Title: title, Addressee: c.Applicant.Name, IssuedOn: on}
	d.Applicant, d.QueryNo, d.Received = c.Applicant.Name, c.QueryNo, dateCN(c.Received)
	d.Request, d.DocNumber = phrase(c.Request.Description), c.Request.DocNumber
	switch kind {
	case LetterAnswer:
		if c.Stage != StageClosed {
			return Letter{}, errs.Conflict("申请尚未办结，不能出具答复书")
		}
		cl := c.Closing
		d.Decision, d.Reason, d.Basis = cl.Decision(), sentence(cl.Reason), phrase(cl.Basis)
		if cl.Outcome.Basis() != "" {
			// The citation follows the outcome, also for a case closed
			// before the citations were corrected.
			d.Basis = cl.Citation()
		}
		d.Attached, d.CatalogRef = phrase(cl.Attached), phrase(cl.CatalogRef)
		d.Disclosed = cl.Outcome == Disclosed || cl.Outcome == PartiallyDisclosed
		l.Title = "政府信息公开申请告知书"
		if d.Disclosed {
			l.Title = "政府信息公开申请答复书"
		}
		switch {
		case d.Decision == "":
			return Letter{}, missing(l.Title, "办理结果")
		case d.Basis == "":
			return Letter{}, missing(l.Title, "法律依据")
		}
	case LetterCorrection:
		if c.CorrectionNoticeOn.IsZero() {
			return Letter{}, errs.Conflict("本申请没有补正要求")
		}
		if len(c.CorrectionItems) == 0 {
			return Letter{}, missing(title, "需要补正的事项（本申请记录补正时未逐项记录事项）")
		}
		items := make([]string, len(c.CorrectionItems))
		for i, it := range c.CorrectionItems {
			items[i] = fmt.Sprintf("%d. %s", i+1, it)
		}
		d.CorrectionWhat = strings.Join(items, "\n\n")
		d.CorrectionDue = dateCN(c.CorrectionDue)
		switch {
		case c.CorrectionDays > 0:
			d.CorrectionPeriod = fmt.Sprintf("自收到本告知书之日起%d个工作日内", c.CorrectionDays)
		case !c.CorrectionDue.IsZero():
			d.CorrectionPeriod = "于" + d.CorrectionDue + "前"
		default:
			return Letter{}, missing(title, "补正期限")
		}
	case LetterExtension:
		e := c.Extension
		if e.Days == 0 {
			return Letter{}, errs.Conflict("本申请没有经批准的延期")
		}
		if on.Before(e.ApprovedOn) {
			return Letter{}, errs.Invalid("成文日期 %s 不能早于批准延期之日 %s", on, e.ApprovedOn)
		}
		due := e.NewDue
		if due.IsZero() {
			// Approved before the new deadline was kept: count it with
			// the pauses as they stood on the letter's date.
			dl, err := ComputeAnswerDeadline(cal, AnswerFacts{Received: c.Received, CorrectedReceived: c.CorrectedReceived,
				ExtensionDays: e.Days, Pauses: c.pausesAsOf(on)}, on)
			if err != nil {
				return Letter{}, missing(title, "延长后的答复期限")
			}
			due = dl.Due
		}
		d.ExtensionReason, d.ExtensionDays, d.Due = phrase(e.Reason), e.Days, dateCN(due)
	case LetterConsultation, LetterAgencyConsultation:
		want := PauseThirdParty
		if kind == LetterAgencyConsultation {
			want = PauseAgency
		}
		p, ok := lastPause(c, want)
		if !ok {
			return Letter{}, errs.Conflict("本申请没有%s", want.Label())
		}
		if p.Whom == "" {
			p.Whom = strings.TrimSpace(d.Consultee)
		}
		if p.Whom == "" {
			return Letter{}, missing(title, "被征求意见的单位或个人")
		}
		d.Consultee, l.Addressee = p.Whom, p.Whom
	case LetterFee:
		if !c.Fee.Issued() {
			return Letter{}, errs.Conflict("本申请没有收费")
		}
		d.FeeMethod, d.FeeDetail, d.FeeYuan = c.Fee.Method.Label(), phrase(c.Fee.Detail), c.Fee.Yuan
		d.Payment = sentence(d.Payment)
		switch {
		case d.Payment == "":
			return Letter{}, missing(title, "缴费方式：请机关管理员在“文书模板与设置”中填写收款账户或非税收入缴款方式")
		case d.FeeDetail == "" || d.FeeYuan <= 0:
			return Letter{}, missing(title, "计费明细和金额")
		}
	default:
		return Letter{}, errs.Invalid("文书类型 %q 不存在", kind)
	}
	paras, err := execLetter(text, d)
	if err != nil {
		return Letter{}, err
	}
	if err := checkText(paras); err != nil {
		return Letter{}, err
	}
	l.Paragraphs = paras
	return l, nil
}

// lastPause returns the latest pause of the kind.
func lastPause(c *Case, kind PauseKind) (Pause, bool) {
	for i := len(c.Pauses) - 1; i >= 0; i-- {
		if c.Pauses[i].Kind == kind {
			return c.Pauses[i], true
		}
	}
	return Pause{}, false
}

// dateCN writes a date in the official style 「2026年3月2日」.
func dateCN(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// DefaultLetterPrefix is the 文号 prefix of an agency that set none: its
// name followed by 依申请.
func DefaultLetterPrefix(agency string) string { return agency + "依申请" }

// LetterNumber formats a 文号 such as 「长治市行政审批服务管理局依申请〔2026〕3号」.
func LetterNumber(prefix string, year, n int) string {
	return fmt.Sprintf("%s〔%d〕%d号", prefix, year, n)
}
