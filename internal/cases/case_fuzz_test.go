package cases

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/idnumber"
)

// FuzzApplication feeds arbitrary form input to the application checks and
// the masking: nothing may panic, a valid applicant stays valid when
// checked again, and a masked document number never shows more than its
// first and last four characters.
func FuzzApplication(f *testing.F) {
	f.Add("natural_person", "张三", "resident_id", idnumber.CompleteResident("14040219900101123"), "13812345678", "a@b.cn", "某文件", "paper", "post")
	f.Add("commercial", "某公司", "credit_code", idnumber.CompleteCreditCode("91140400MA0K12345"), "", "", "文号", "email", "email")
	f.Add("", "", "", "", "", "", "", "", "")
	f.Add("natural_person", "x", "passport", "\u00a0\u3000E1", "1", "@", "\x00", "disk", "online")
	today := day("2026-03-02")
	f.Fuzz(func(t *testing.T, kind, name, idType, id, phone, email, desc, form, receive string) {
		a := Applicant{Kind: ApplicantKind(kind), Name: name, IDType: IDType(idType), IDNumber: id, Phone: phone, Email: email}
		r := Request{Description: desc, Form: Form(form), Receive: Receive(receive)}
		if err := a.Validate(today); err == nil {
			again := a
			if err := again.Validate(today); err != nil || again != a {
				t.Fatalf("a checked applicant fails a second check: %v", err)
			}
		}
		_ = r.Validate()
		_ = DuplicateKey(a, r)
		m := a.Masked()
		if n := len([]rune(a.IDNumber)); n > 10 { // as checked (trimmed)
			r := []rune(m.IDNumber)
			if len(r) != n || string(r[:4]) != string([]rune(a.IDNumber)[:4]) || strings.Trim(string(r[4:n-4]), "*") != "" {
				t.Fatalf("masked %q as %q", a.IDNumber, m.IDNumber)
			}
		}
	})
}
