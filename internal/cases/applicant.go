package cases

import (
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/idnumber"
)

// IDType is the kind of identity document an applicant gives.
type IDType string

// The identity documents.
const (
	IDResident   IDType = "resident_id" // 居民身份证, checksum verified
	IDPassport   IDType = "passport"    // 护照
	IDOther      IDType = "other"       // 其他有效身份证件
	IDCreditCode IDType = "credit_code" // 统一社会信用代码 of an organization
)

var idTypes = []Option{
	{string(IDResident), "居民身份证"}, {string(IDPassport), "护照"}, {string(IDOther), "其他有效身份证件"},
	{string(IDCreditCode), "统一社会信用代码"},
}

// IDTypeOptions returns the identity documents for forms.
func IDTypeOptions() []Option { return append([]Option(nil), idTypes...) }

// Label returns the document's Chinese name.
func (t IDType) Label() string { l, _ := optionLabel(idTypes, string(t)); return l }

// Applicant is who applied (条例第二十九条): a 自然人 with an identity
// document, or an organization with its 统一社会信用代码, and how to reach
// them. Kind decides the report column.
type Applicant struct {
	Kind     ApplicantKind
	Name     string
	IDType   IDType
	IDNumber string
	// Contact is the 联系人 of an organization, empty for a person.
	Contact string
	Phone   string
	Email   string
	Address string
	Postal  string
}

// Validate checks and normalizes the applicant: a known kind, a name, a
// valid 居民身份证 (checksum) or 统一社会信用代码 (check character), and at
// least one way to reach them. Errors are errs.ErrInvalid in Chinese.
func (a *Applicant) Validate(today calendar.Date) error {
	for _, f := range []*string{&a.Name, &a.IDNumber, &a.Contact, &a.Phone, &a.Email, &a.Address, &a.Postal} {
		*f = strings.TrimSpace(*f)
		if utf8.RuneCountInString(*f) > MaxShortText {
			return errs.Invalid("申请人信息中有一项超过 %d 字", MaxShortText)
		}
	}
	if _, err := ParseApplicantKind(string(a.Kind)); err != nil {
		return errs.Invalid("请选择申请人类型")
	}
	if a.Name == "" {
		return errs.Invalid("请填写申请人姓名或名称")
	}
	if a.Kind.IsOrganization() {
		if a.IDType != IDCreditCode {
			return errs.Invalid("法人或其他组织请填写统一社会信用代码")
		}
		code, err := idnumber.ParseCreditCode(a.IDNumber)
		if err != nil {
			return err
		}
		a.IDNumber = code
	} else {
		switch a.IDType {
		case IDResident:
			id, err := idnumber.ParseResident(a.IDNumber, today)
			if err != nil {
				return err
			}
			a.IDNumber = id.Number
		case IDPassport, IDOther:
			if a.IDNumber == "" {
				return errs.Invalid("请填写证件号码")
			}
		default:
			return errs.Invalid("请选择自然人的身份证件类型")
		}
	}
	if a.Phone == "" && a.Email == "" && a.Address == "" {
		return errs.Invalid("请至少填写一种联系方式（电话、电子邮箱或通信地址）")
	}
	if a.Email != "" {
		if _, err := mail.ParseAddress(a.Email); err != nil || !strings.Contains(a.Email, "@") {
			return errs.Invalid("电子邮箱 %q 格式不正确", a.Email)
		}
	}
	return nil
}

// Masked returns a copy safe for lists, exports, logs and anyone but the
// agency's case officers: ID number, phone, e-mail, address and postal code
// masked. An organization's name stays, a person's keeps the surname.
func (a Applicant) Masked() Applicant {
	m := a
	if !a.Kind.IsOrganization() {
		m.Name = MaskName(a.Name)
	}
	m.IDNumber = MaskID(a.IDNumber)
	m.Phone = MaskPhone(a.Phone)
	m.Email = MaskEmail(a.Email)
	m.Address = MaskAddress(a.Address)
	if m.Postal != "" {
		m.Postal = "******"
	}
	return m
}

// MaskID keeps the first 4 and last 4 characters of a document number
// ("1404**********1234"); shorter numbers keep only the last 2.
func MaskID(s string) string {
	r := []rune(s)
	switch {
	case len(r) == 0:
		return ""
	case len(r) > 10:
		return string(r[:4]) + strings.Repeat("*", len(r)-8) + string(r[len(r)-4:])
	case len(r) > 2:
		return strings.Repeat("*", len(r)-2) + string(r[len(r)-2:])
	}
	return strings.Repeat("*", len(r))
}

// MaskPhone keeps the first 3 and last 4 digits of a phone number.
func MaskPhone(s string) string {
	r := []rune(s)
	if len(r) <= 7 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// MaskEmail keeps the first character of the local part and the domain.
func MaskEmail(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at < 1 {
		return MaskID(s)
	}
	r := []rune(s[:at])
	return string(r[:1]) + "***" + s[at:]
}

// MaskAddress keeps the first 6 characters of an address (the city and
// district) and hides the rest.
func MaskAddress(s string) string {
	r := []rune(s)
	if len(r) <= 6 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:6]) + "****"
}

// MaskName keeps a person's first character (the surname): "张*".
func MaskName(s string) string {
	r := []rune(s)
	if len(r) <= 1 {
		return s
	}
	return string(r[:1]) + strings.Repeat("*", len(r)-1)
}

// Masked returns a copy of the case with the applicant's personal data
// masked and without the secret's hash, for lists, exports and the audit log.
func (c Case) Masked() Case {
	m := c
	m.Applicant = c.Applicant.Masked()
	m.SecretHash = ""
	// The duplicate key is an unsalted hash over the full ID number: with
	// the masked number beside it, the rest could be found by trying the
	// few million possible numbers. It never leaves the store.
	m.DuplicateKey = ""
	m.Request.Description = MaskText(c.Request.Description)
	m.Request.Purpose = MaskText(c.Request.Purpose)
	m.CorrectionText = MaskText(c.CorrectionText)
	m.Pauses = append([]Pause(nil), c.Pauses...)
	return m
}
