package cases

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/idnumber"
	"github.com/gongkai/gongkai/internal/report"
)

func TestMasking(t *testing.T) {
	tests := []struct {
		fn       func(string) string
		in, want string
	}{
		{MaskID, "140402199001011237", "1404**********1237"},
		{MaskID, "E1234567", "******67"},
		{MaskID, "", ""},
		{MaskPhone, "13812345678", "138****5678"},
		{MaskPhone, "123", "***"},
		{MaskEmail, "zhangsan@example.com", "z***@example.com"},
		{MaskEmail, "张三@例子.中国", "张***@例子.中国"},
		{MaskAddress, "山西省长治市潞州区英雄中路1号", "山西省长治市****"},
		{MaskName, "张三丰", "张**"},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("mask %q = %q, want %q", tt.in, got, tt.want)
		}
	}
	org := Applicant{Kind: Commercial, Name: "某某公司", IDNumber: "91140400MA0K123456", Phone: "03552345678"}.Masked()
	if org.Name != "某某公司" || org.IDNumber != "9114**********3456" || org.Phone != "035****5678" {
		t.Errorf("organization masked as %+v", org)
	}
}

func TestApplicantValidate(t *testing.T) {
	today := calendar.NewDate(2026, 3, 2)
	id := idnumber.CompleteResident("14040219900101123")
	code := idnumber.CompleteCreditCode("91140400MA0K12345")
	tests := []struct {
		a    Applicant
		want string // "" when valid
	}{
		{Applicant{Kind: NaturalPerson, Name: "张三", IDType: IDResident, IDNumber: id, Phone: "1"}, ""},
		{Applicant{Kind: NaturalPerson, Name: "张三", IDType: IDResident, IDNumber: id[:17] + "0", Phone: "1"}, "校验码"},
		{Applicant{Kind: NaturalPerson, Name: "Ann", IDType: IDPassport, IDNumber: "E1234567", Email: "a@b.cn"}, ""},
		{Applicant{Kind: NaturalPerson, Name: "张三", IDType: IDCreditCode, IDNumber: code, Phone: "1"}, "身份证件类型"},
		{Applicant{Kind: Research, Name: "某研究所", IDType: IDCreditCode, IDNumber: code, Address: "长治"}, ""},
		{Applicant{Kind: Research, Name: "某研究所", IDType: IDResident, IDNumber: id, Address: "长治"}, "统一社会信用代码"},
		{Applicant{Kind: Research, Name: "某研究所", IDType: IDCreditCode, IDNumber: code}, "联系方式"},
		{Applicant{Kind: "alien", Name: "x", IDType: IDPassport, IDNumber: "1", Phone: "1"}, "申请人类型"},
		{Applicant{Kind: NaturalPerson, IDType: IDPassport, IDNumber: "1", Phone: "1"}, "姓名"},
		{Applicant{Kind: NaturalPerson, Name: "张三", IDType: IDPassport, IDNumber: "1", Email: "no-at"}, "电子邮箱"},
	}
	for _, tt := range tests {
		err := tt.a.Validate(today)
		if tt.want == "" && err != nil || tt.want != "" && (!errors.Is(err, errs.ErrInvalid) || !strings.Contains(errs.Message(err), tt.want)) {
			t.Errorf("%+v: %v, want %q", tt.a, err, tt.want)
		}
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || len(s) >= len(sub) && (s[:len(sub)] == sub || contains(s[1:], sub))
}

func TestWorkflowRules(t *testing.T) {
	cal := testCalendar(t)
	a, r := sampleApplication()
	today := day("2026-03-20")
	fresh := func() *Case {
		c, _, err := NewCase(1, ChannelRegisteredPost, a, r, day("2026-03-02"), today)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	tests := []struct {
		name string
		run  func(c *Case) error
		kind error
	}{
		{"correction twice", func(c *Case) error {
			c.RequestCorrection(cal, day("2026-03-03"), 5, []string{"x"}, today) // due 2026-03-10
			c.ReceiveCorrection(day("2026-03-05"), "", today)
			_, err := c.RequestCorrection(cal, day("2026-03-06"), 5, []string{"y"}, today)
			return err
		}, errs.ErrConflict},
		{"no correction before the stated time", func(c *Case) error {
			c.RequestCorrection(cal, day("2026-03-03"), 5, []string{"x"}, today) // due 2026-03-10
			_, err := c.Close(cal, Closing{Outcome: OtherNoCorrection, Reason: "r", On: day("2026-03-10")}, today)
			return err
		}, errs.ErrConflict},
		{"no correction after it", func(c *Case) error {
			c.RequestCorrection(cal, day("2026-03-03"), 5, []string{"x"}, today) // due 2026-03-10
			_, err := c.Close(cal, Closing{Outcome: OtherNoCorrection, Reason: "r", On: day("2026-03-11")}, today)
			return err
		}, nil},
		{"close during consultation", func(c *Case) error {
			c.StartConsultation(PauseThirdParty, day("2026-03-03"), "某公司", today)
			_, err := c.Close(cal, Closing{Outcome: Disclosed, Reason: "r", On: today}, today)
			return err
		}, errs.ErrConflict},
		{"close before receipt", func(c *Case) error {
			_, err := c.Close(cal, Closing{Outcome: Disclosed, Reason: "r", On: day("2026-03-01")}, today)
			return err
		}, errs.ErrInvalid},
		{"close without a basis for other.other", func(c *Case) error {
			_, err := c.Close(cal, Closing{Outcome: OtherOther, Reason: "r", On: today}, today)
			return err
		}, errs.ErrInvalid},
		{"extension of 21 days", func(c *Case) error { _, err := c.RequestExtension(cal, 21, "r", "o", today); return err }, errs.ErrInvalid},
		{"approve without a request", func(c *Case) error { _, err := c.ApproveExtension(cal, "boss", today, today); return err }, errs.ErrConflict},
		{"free fee notice", func(c *Case) error {
			f, _ := ComputeFee(FeeRequest{Method: FeeByVolume, Units: 30})
			_, err := c.IssueFee(f, today, today)
			return err
		}, errs.ErrInvalid},
		{"deliver an open case", func(c *Case) error { _, err := c.Deliver("邮寄", today, today); return err }, errs.ErrConflict},
		{"transfer to itself", func(c *Case) error { _, err := c.Transfer(1, "x", "y"); return err }, errs.ErrInvalid},
	}
	for _, tt := range tests {
		err := tt.run(fresh())
		if tt.kind == nil && err != nil || tt.kind != nil && !errors.Is(err, tt.kind) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.kind)
		}
	}
}

func TestCountsAdd(t *testing.T) {
	c := NewCounts(2020, report.Format2019)
	add := []CountedCase{
		{NaturalPerson, day("2019-12-30"), day("2020-01-06"), OtherNoCorrection}, // carried in, other
		{Commercial, day("2020-05-06"), calendar.Date{}, ""},                     // carried out
		{OtherOrg, day("2020-12-31"), day("2021-01-04"), Disclosed},              // carried out
		{NaturalPerson, day("2019-05-06"), day("2019-06-01"), Disclosed},         // not in 2020
		{NaturalPerson, day("2021-01-04"), calendar.Date{}, ""},                  // not in 2020
		{NaturalPerson, calendar.Date{}, calendar.Date{}, ""},                    // never received
	}
	in := 0
	for _, k := range add {
		if c.Add(k) {
			in++
		}
	}
	if in != 3 || c.Received != [7]int{0, 1, 0, 0, 0, 1, 2} || c.CarriedIn != [7]int{1, 0, 0, 0, 0, 0, 1} ||
		c.CarriedOut != [7]int{0, 1, 0, 0, 0, 1, 2} || c.Outcomes["other"] != [7]int{1, 0, 0, 0, 0, 0, 1} {
		t.Errorf("counts %+v (%d in the year)", c, in)
	}
}

func TestRunningPeriod(t *testing.T) {
	cal := testCalendar(t)
	a, r := sampleApplication()
	today := day("2026-03-20")
	c, _, err := NewCase(1, ChannelFax, a, r, day("2026-02-06"), today)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := c.RunningPeriod(cal, today); ok {
		t.Error("a period runs while the case is simply in progress")
	}
	if _, err := c.StartConsultation(PauseAgency, day("2026-02-10"), "市财政局", today); err != nil {
		t.Fatal(err)
	}
	// 15 working days from 2026-02-10 over 春节: 2026-03-09 (see TestOtherDeadlines).
	if _, cd, ok := c.RunningPeriod(cal, today); !ok || cd.Due.String() != "2026-03-09" || !cd.Overdue {
		t.Errorf("consultation period %+v", cd)
	}
	if PauseAgency.Label() != "征求其他机关意见" || PauseFee.Label() != "等待缴纳信息处理费" {
		t.Error("pause labels")
	}
}

func TestDeadlineDuringCorrection(t *testing.T) {
	cal := testCalendar(t)
	a, r := sampleApplication()
	today := day("2026-03-02")
	c, _, _ := NewCase(1, ChannelInPerson, a, r, day("2026-02-06"), today)
	if _, ok := c.Deadline(cal, today); !ok {
		t.Fatal("no deadline while in progress")
	}
	c.RequestCorrection(cal, day("2026-02-09"), 5, []string{"请写明文号"}, today)
	if _, ok := c.Deadline(cal, today); ok {
		t.Error("an answer deadline runs while the correction is awaited")
	}
	key := c.DuplicateKey
	c.ReceiveCorrection(day("2026-02-26"), "2025年某文件（文号 长政发〔2025〕1号）", today)
	if c.DuplicateKey == key || c.DuplicateKey != DuplicateKey(c.Applicant, c.Request) {
		t.Error("the duplicate key does not follow the corrected request")
	}
	if c.OriginalRequest != r.Description || c.Request.Description == r.Description {
		t.Errorf("original request %q, corrected %q: the first request is not kept", c.OriginalRequest, c.Request.Description)
	}
	// Restarted from 2026-02-26 (see TestComputeAnswerDeadline).
	if d, ok := c.Deadline(cal, today); !ok || d.Due.String() != "2026-03-25" {
		t.Errorf("deadline after the correction %+v", d)
	}
}

// sampleApplication is a minimal valid applicant and request.
func sampleApplication() (Applicant, Request) {
	return Applicant{Kind: NaturalPerson, Name: "张三", IDType: IDPassport, IDNumber: "E1", Phone: "1"},
		Request{Description: "某文件", Form: FormPaper, Receive: ReceivePost}
}
