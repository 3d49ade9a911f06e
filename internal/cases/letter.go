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
// the procedural notices.
const (
	LetterAnswer       LetterKind = "answer"
	LetterCorrection   LetterKind = "correction"
	LetterExtension    LetterKind = "extension"
	LetterConsultation LetterKind = "consultation"
	LetterFee          LetterKind = "fee"
)

// letterKinds are the letters with their label and built-in text. The
// texts are text/template over LetterData; paragraphs are separated by a
// blank line. An agency admin may replace any of them.
var letterKinds = []struct {
	Kind  LetterKind
	Label string
	Text  string
}{
	{LetterAnswer, "答复书/告知书", `本机关于{{.Received}}收到您提出的政府信息公开申请（查询号 {{.QueryNo}}），您申请获取：“{{.Request}}”{{if .DocNumber}}（文号：{{.DocNumber}}）{{end}}。

经审查，现答复如下：{{.Decision}}。{{.Reason}}

根据{{.Basis}}的规定，特此{{if .Disclosed}}答复{{else}}告知{{end}}。{{if .Attached}}

随本答复提供的信息：{{.Attached}}。{{end}}{{if .CatalogRef}}

该信息已主动公开，获取方式：{{.CatalogRef}}。{{end}}

如对本答复不服，可以自收到本答复之日起60日内向{{.ReviewBody}}申请行政复议，或者自收到本答复之日起6个月内向人民法院提起行政诉讼。`},
	{LetterCorrection, "补正申请告知书", `本机关于{{.Received}}收到您提出的政府信息公开申请（查询号 {{.QueryNo}}），您申请获取：“{{.Request}}”。

经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您作出补正：{{.CorrectionWhat}}

请于{{.CorrectionDue}}前补正。答复期限自本机关收到补正后的申请之日起计算；无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`},
	{LetterExtension, "延长答复期限告知书", `本机关于{{.Received}}收到您提出的政府信息公开申请（查询号 {{.QueryNo}}）。

因{{.ExtensionReason}}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长{{.ExtensionDays}}个工作日，延长后的答复期限至{{.Due}}。`},
	{LetterConsultation, "征求意见函", `本机关于{{.Received}}收到一项政府信息公开申请，申请获取：“{{.Request}}”。

该信息可能涉及{{.Consultee}}的合法权益或需要与之确认。根据《中华人民共和国政府信息公开条例》第三十二条、第三十四条的规定，请于收到本函之日起15个工作日内提出意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。征求意见所需时间不计入答复期限。`},
	{LetterFee, "信息处理费缴费通知书", `本机关于{{.Received}}收到您提出的政府信息公开申请（查询号 {{.QueryNo}}）。

根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关按{{.FeeMethod}}收取信息处理费，计费明细：{{.FeeDetail}}，合计{{.FeeYuan}}元。

请自收到本通知次日起20个工作日内缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`},
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

// LetterData is what a letter template may use.
type LetterData struct {
	Agency, ReviewBody      string
	Applicant, QueryNo      string
	Received, Due           string
	Request, DocNumber      string
	Decision, Reason, Basis string
	Disclosed               bool
	Attached, CatalogRef    string
	CorrectionWhat          string
	CorrectionDue           string
	ExtensionReason         string
	ExtensionDays           int
	Consultee               string
	FeeMethod, FeeDetail    string
	FeeYuan                 int
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

// MaxTemplate bounds a letter template, in characters.
const MaxTemplate = 5000

// CheckTemplate parses an agency's template for kind and tries it on
// sample data, so that a broken template is refused when saved rather than
// when a letter is due.
func CheckTemplate(kind LetterKind, text string) error {
	if strings.TrimSpace(text) == "" || utf8.RuneCountInString(text) > MaxTemplate {
		return errs.Invalid("文书模板不能为空，也不能超过 %d 字", MaxTemplate)
	}
	_, err := execLetter(text, LetterData{Agency: "示例机关", Applicant: "示例", Decision: "予以公开", Disclosed: true})
	return err
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

// ComposeLetter writes a letter of kind for case c from the agency's
// template text ("" for the built-in one). It refuses a letter the case's
// state cannot support: an answer before closing, a 补正 notice without a
// correction request, an extension notice without an approved extension,
// a consultation letter without a consultation, a fee notice without a fee.
func ComposeLetter(kind LetterKind, text string, c *Case, d LetterData, cal *calendar.Calendar, today calendar.Date) (Letter, error) {
	if text == "" {
		text = kind.DefaultText()
	}
	l := Letter{Kind: kind, Title: kind.Label(), Addressee: c.Applicant.Name, IssuedOn: today}
	d.Applicant, d.QueryNo, d.Received = c.Applicant.Name, c.QueryNo, dateCN(c.Received)
	d.Request, d.DocNumber = c.Request.Description, c.Request.DocNumber
	switch kind {
	case LetterAnswer:
		if c.Stage != StageClosed {
			return Letter{}, errs.Conflict("申请尚未办结，不能出具答复书")
		}
		cl := c.Closing
		d.Decision, d.Reason, d.Basis = cl.Outcome.Label(), cl.Reason, cl.Basis
		d.Attached, d.CatalogRef = cl.Attached, cl.CatalogRef
		d.Disclosed = cl.Outcome == Disclosed || cl.Outcome == PartiallyDisclosed
		l.Title = "政府信息公开申请告知书"
		if d.Disclosed {
			l.Title = "政府信息公开申请答复书"
		}
	case LetterCorrection:
		if c.CorrectionNoticeOn.IsZero() {
			return Letter{}, errs.Conflict("本申请没有补正要求")
		}
		d.CorrectionDue = dateCN(c.CorrectionDue)
		l.Title = "政府信息公开申请补正告知书"
	case LetterExtension:
		if c.Extension.Days == 0 {
			return Letter{}, errs.Conflict("本申请没有经批准的延期")
		}
		d.ExtensionReason, d.ExtensionDays = c.Extension.Reason, c.Extension.Days
		if dl, ok := c.Deadline(cal, today); ok {
			d.Due = dateCN(dl.Due)
		}
		l.Title = "政府信息公开申请延长答复期限告知书"
	case LetterConsultation:
		if !hasPause(c, PauseThirdParty, PauseAgency) {
			return Letter{}, errs.Conflict("本申请没有征求意见")
		}
		l.Title = "政府信息公开申请征求意见函"
		if d.Consultee != "" {
			l.Addressee = d.Consultee
		}
	case LetterFee:
		if !c.Fee.Issued() {
			return Letter{}, errs.Conflict("本申请没有收费")
		}
		d.FeeMethod, d.FeeDetail, d.FeeYuan = c.Fee.Method.Label(), c.Fee.Detail, c.Fee.Yuan
		l.Title = "政府信息公开信息处理费缴费通知书"
	default:
		return Letter{}, errs.Invalid("文书类型 %q 不存在", kind)
	}
	paras, err := execLetter(text, d)
	if err != nil {
		return Letter{}, err
	}
	l.Paragraphs = paras
	return l, nil
}

func hasPause(c *Case, kinds ...PauseKind) bool {
	for _, p := range c.Pauses {
		for _, k := range kinds {
			if p.Kind == k {
				return true
			}
		}
	}
	return false
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
