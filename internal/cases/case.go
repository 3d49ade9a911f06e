package cases

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// Case is one application for government information (依申请公开): who
// asked whom for what, how it came in and how far it has been handled.
type Case struct {
	ID       int64
	AgencyID int64
	// QueryNo is the public reference the applicant looks the case up by,
	// together with a secret of which only the hash is kept.
	QueryNo    string
	SecretHash string
	Channel    Channel
	Stage      Stage
	Applicant  Applicant
	Request    Request
	// SubmittedAt is when the application was entered (online) or
	// recorded by staff.
	SubmittedAt time.Time
	// Received is the day of receipt (第三十一条), zero until confirmed.
	Received calendar.Date
	// CorrectionNoticeOn is the day the 补正 notice went out and
	// CorrectionDue the last day the applicant was given to correct.
	CorrectionNoticeOn calendar.Date
	CorrectionDue      calendar.Date
	CorrectedReceived  calendar.Date
	// CorrectionItems are the points the applicant was asked to correct,
	// each as recorded; the 补正告知书 lists every one.
	CorrectionItems []string
	// CorrectionDays is the period given for correcting, in working days
	// from the day the notice reached the applicant (CorrectionDelivered,
	// zero until recorded); 0 for a notice recorded with a due date only.
	CorrectionDays      int
	CorrectionDelivered calendar.Date
	// CorrectionSubmitted is the day the applicant sent a correction
	// online and CorrectionText what they wrote; the staff confirm its
	// receipt (ReceiveCorrection), as for any online application.
	CorrectionSubmitted calendar.Date
	CorrectionText      string
	// OriginalRequest is the request as the applicant first wrote it, kept
	// when a correction replaced Request.Description; "" when none did.
	OriginalRequest string
	// Extension is the approved extension, with its pending request.
	Extension Extension
	// Pauses are the consultations and the fee wait.
	Pauses []Pause
	// Fee is the 信息处理费 asked for, if any.
	Fee FeeNotice
	// Closing is set once the case is closed.
	Closing Closing
	// Delivery records how and when the answer reached the applicant.
	Delivered Delivery
	// DuplicateKey identifies the same request by the same applicant
	// (see DuplicateKey).
	DuplicateKey string
}

// Channel is how an application came in; it fixes the day of receipt
// (条例第三十一条).
type Channel string

// The channels.
const (
	ChannelOnline         Channel = "online"
	ChannelInPerson       Channel = "in_person"
	ChannelRegisteredPost Channel = "registered_post"
	ChannelLetter         Channel = "letter"
	ChannelFax            Channel = "fax"
)

// channelInfo describes each channel and the rule for its day of receipt.
var channelInfo = []struct {
	Channel Channel
	Label   string
	Rule    string
}{
	{ChannelOnline, "互联网渠道", "以双方确认之日为收到申请之日（第三十一条第（三）项）"},
	{ChannelInPerson, "当面提交", "以提交之日为收到申请之日（第三十一条第（一）项）；口头申请由工作人员代为填写（第二十九条）"},
	{ChannelRegisteredPost, "挂号信", "以行政机关签收之日为收到申请之日（第三十一条第（二）项）"},
	{ChannelLetter, "平常信函", "以行政机关与申请人确认之日为收到申请之日（第三十一条第（二）项）"},
	{ChannelFax, "传真", "以双方确认之日为收到申请之日（第三十一条第（三）项）"},
}

// Channels returns every channel in display order.
func Channels() []Channel {
	out := make([]Channel, len(channelInfo))
	for i, c := range channelInfo {
		out[i] = c.Channel
	}
	return out
}

// Label returns the channel's Chinese name.
func (c Channel) Label() string {
	for _, i := range channelInfo {
		if i.Channel == c {
			return i.Label
		}
	}
	return string(c)
}

// ReceiptRule states how the day of receipt is fixed for the channel.
func (c Channel) ReceiptRule() string {
	for _, i := range channelInfo {
		if i.Channel == c {
			return i.Rule
		}
	}
	return ""
}

// ParseChannel returns the channel with the given key.
func ParseChannel(s string) (Channel, error) {
	for _, i := range channelInfo {
		if string(i.Channel) == s {
			return i.Channel, nil
		}
	}
	return "", errs.Invalid("申请渠道 %q 无效", s)
}

// FeeNotice is a 信息处理费 notice and its payment.
type FeeNotice struct {
	Method FeeMethod `json:"method,omitempty"`
	Yuan   int       `json:"yuan,omitempty"`
	// Detail is the computation as the notice states it.
	Detail string `json:"detail,omitempty"`
	// NoticeReceived is the day the applicant received the notice.
	NoticeReceived calendar.Date `json:"notice_received"`
	PaidOn         calendar.Date `json:"paid_on"`
}

// Issued reports whether a fee notice was issued.
func (f FeeNotice) Issued() bool { return !f.NoticeReceived.IsZero() }

// Closing is how a case ended: exactly one outcome with its reason and
// legal basis.
type Closing struct {
	Outcome Outcome       `json:"outcome,omitempty"`
	Reason  string        `json:"reason,omitempty"`
	Basis   string        `json:"basis,omitempty"`
	On      calendar.Date `json:"on"`
	// CatalogRef links the published item when the answer is that the
	// information is already public.
	CatalogRef string `json:"catalog_ref,omitempty"`
	// CatalogURL is the portal page of that item, when it is in the catalog.
	CatalogURL string `json:"catalog_url,omitempty"`
	// Attached names the information provided with the answer.
	Attached string `json:"attached,omitempty"`
	// Withheld is the ground of the part withheld from a partial
	// disclosure: one of the withheld.* outcomes (WithheldGrounds).
	Withheld Outcome `json:"withheld,omitempty"`
	// Elsewhere reports, for unavailable.not_held, that another agency is
	// responsible for the information (第三十六条第（五）项); Responsible
	// and ResponsibleContact then name it and how to reach it.
	Elsewhere          bool   `json:"elsewhere,omitempty"`
	Responsible        string `json:"responsible,omitempty"`
	ResponsibleContact string `json:"responsible_contact,omitempty"`
}

// Delivery is how and when the answer was delivered.
type Delivery struct {
	Via string        `json:"via,omitempty"`
	On  calendar.Date `json:"on"`
}

// Request is what the applicant asks for.
type Request struct {
	// Description names the information: title, 文号 or other description.
	Description string
	DocNumber   string // 文号, optional
	Purpose     string // optional; the 条例 does not require it
	Form        Form
	Receive     Receive
}

// Form is the form the information is wanted in.
type Form string

// The forms.
const (
	FormPaper      Form = "paper"
	FormEmail      Form = "email"
	FormDisk       Form = "disk"
	FormInspection Form = "inspection"
)

// Receive is how the applicant wants to get the answer.
type Receive string

// The ways of receiving.
const (
	ReceivePost   Receive = "post"
	ReceivePickup Receive = "pickup"
	ReceiveEmail  Receive = "email"
	ReceiveOnline Receive = "online"
)

// Option is a key with its Chinese label, for forms.
type Option struct{ Key, Label string }

// FormOptions and ReceiveOptions list the choices of the application form.
var (
	formOptions    = []Option{{"paper", "纸质"}, {"email", "电子邮件"}, {"disk", "光盘"}, {"inspection", "当场阅读、抄录"}}
	receiveOptions = []Option{{"post", "邮寄"}, {"pickup", "自行领取"}, {"email", "电子邮件"}, {"online", "网上查询"}}
)

// FormOptions returns the forms the information may be wanted in.
func FormOptions() []Option { return append([]Option(nil), formOptions...) }

// ReceiveOptions returns the ways of receiving the answer.
func ReceiveOptions() []Option { return append([]Option(nil), receiveOptions...) }

func optionLabel(opts []Option, key string) (string, bool) {
	for _, o := range opts {
		if o.Key == key {
			return o.Label, true
		}
	}
	return key, false
}

// Label returns the form's Chinese name.
func (f Form) Label() string { l, _ := optionLabel(formOptions, string(f)); return l }

// Label returns the way of receiving in Chinese.
func (r Receive) Label() string { l, _ := optionLabel(receiveOptions, string(r)); return l }

// Length limits of free text, in characters.
const (
	MaxDescription = 2000
	MaxShortText   = 200
)

// Validate checks the request: a description, known form and way of
// receiving, sane lengths.
func (r *Request) Validate() error {
	r.Description = strings.TrimSpace(r.Description)
	r.DocNumber = strings.TrimSpace(r.DocNumber)
	r.Purpose = strings.TrimSpace(r.Purpose)
	switch {
	case r.Description == "":
		return errs.Invalid("请填写所需政府信息的名称、文号或者便于查询的其他特征性描述")
	case utf8.RuneCountInString(r.Description) > MaxDescription:
		return errs.Invalid("所需信息的描述不能超过 %d 字", MaxDescription)
	case utf8.RuneCountInString(r.DocNumber) > MaxShortText || utf8.RuneCountInString(r.Purpose) > MaxDescription:
		return errs.Invalid("文号或用途说明过长")
	}
	if _, ok := optionLabel(formOptions, string(r.Form)); !ok {
		return errs.Invalid("请选择所需信息的提供形式")
	}
	if _, ok := optionLabel(receiveOptions, string(r.Receive)); !ok {
		return errs.Invalid("请选择获取信息的方式")
	}
	return nil
}

// NewSecret returns a fresh random status look-up secret (24 hex digits);
// only HashSecret(secret) is stored.
func NewSecret() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("cases: secret: %w", err)
	}
	return strings.ToUpper(hex.EncodeToString(b)), nil
}

// NewQueryNo returns a public query number such as "GK2026-7F3A9C21":
// the year it was submitted and random hex digits.
func NewQueryNo(year int) (string, error) {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("cases: query number: %w", err)
	}
	return fmt.Sprintf("GK%d-%s", year, strings.ToUpper(hex.EncodeToString(b))), nil
}

// HashSecret returns the stored form of a status look-up secret. Spaces
// and hyphens are ignored, so the code may be typed in the groups of four
// the receipt shows (GroupSecret).
func HashSecret(secret string) string {
	secret = strings.Map(func(r rune) rune {
		if r == '-' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, secret)
	sum := sha256.Sum256([]byte(strings.ToUpper(secret)))
	return hex.EncodeToString(sum[:])
}

// DuplicateKey identifies "the same request from the same applicant": the
// applicant's document number and the request text, with spaces and
// punctuation removed, hashed. Equal keys hint at not_processed.duplicate;
// the officer decides.
func DuplicateKey(a Applicant, r Request) string {
	norm := func(s string) string {
		var b strings.Builder
		for _, c := range strings.ToUpper(s) {
			if c > ' ' && !strings.ContainsRune("，。、；：,.;:!！?？“”\"'（）()《》", c) && c != '\u3000' {
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	sum := sha256.Sum256([]byte(norm(a.IDNumber) + "\x00" + norm(r.DocNumber) + "\x00" + norm(r.Description)))
	return hex.EncodeToString(sum[:16])
}

// Attachment is a file an applicant sent with an application, or with
// its correction (Correction).
type Attachment struct {
	ID         int64
	Name       string
	MIME       string
	Size       int64
	Correction bool
	// BlobKey names the file in the blob store (the same as catalog
	// attachments'); empty only for an attachment made before they moved
	// there and not yet moved.
	BlobKey string
	// Data is the file's bytes: read from the blob store when needed, or
	// kept here for one not yet moved.
	Data []byte
}
