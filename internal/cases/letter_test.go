package cases

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/errs"
)

var update = flag.Bool("update", false, "rewrite the golden letter texts in testdata")

// letterSettings are an agency's confirmed settings, as the web layer
// passes them.
var letterSettings = LetterData{Agency: "长治市教育局", ReviewBody: "长治市人民政府", Court: "长治市潞州区人民法院",
	Payment: "通过山西省非税收入电子缴款平台缴纳，缴款码随本通知书送达"}

// letterCase returns a case received 2026-03-02 (answer due 2026-03-30).
func letterCase(t *testing.T) *Case {
	t.Helper()
	a, r := sampleApplication()
	r.Description = "2025年本市义务教育阶段学校划片方案"
	c, _, err := NewCase(1, ChannelInPerson, a, r, day("2026-03-02"), day("2026-03-02"))
	if err != nil {
		t.Fatal(err)
	}
	c.QueryNo = "GK2026-00000001"
	return c
}

// letterText is a letter as read: title, addressee, paragraphs.
func letterText(l Letter) string {
	return l.Title + "\n\n" + l.Addressee + "：\n\n" + strings.Join(l.Paragraphs, "\n\n") + "\n"
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "letters", name+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestLetterContents -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s:\n%s", name, path, got)
	}
}

func TestLetterContents(t *testing.T) {
	cal := testCalendar(t)
	today := day("2026-03-20")
	must := func(_ Event, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		kind    LetterKind
		setup   func(c *Case)
		title   string
		to      string
		want    []string
		notWant []string
	}{
		{"correction", LetterCorrection, func(c *Case) {
			must(c.RequestCorrection(cal, day("2026-03-03"), 10, []string{"请写明所需方案的学年（如2025—2026学年）", "请说明所需的是城区还是全市的方案；"}, today))
		}, "政府信息公开申请补正告知书", "张三", []string{"1. 请写明所需方案的学年（如2025—2026学年）", "2. 请说明所需的是城区还是全市的方案；",
			"自收到本告知书之日起10个工作日内", "第三十条", "视为放弃申请", "答复期限自本机关收到补正后的申请之日起计算"}, nil},
		{"extension", LetterExtension, func(c *Case) {
			must(c.RequestExtension(cal, 20, "所需信息分散保存于三个年度的档案中，需调取整理。", "officer", day("2026-03-20")))
			must(c.ApproveExtension(cal, "boss", day("2026-03-20"), today))
		}, "政府信息公开申请延期答复告知书", "张三", []string{"因所需信息分散保存于三个年度的档案中，需调取整理，", "延长20个工作日", "延长后的答复期限至2026年4月28日", "第三十三条第二款"}, nil},
		{"consultation", LetterConsultation, func(c *Case) {
			must(c.StartConsultation(PauseThirdParty, day("2026-03-04"), "长治市某某建设有限公司", today))
		}, "政府信息公开征求意见书", "长治市某某建设有限公司", []string{"第三十二条", "15个工作日", "不同意公开且有合理理由的，本机关不予公开", "公共利益"},
			[]string{"第三十四条", "视为同意"}},
		{"agency_consultation", LetterAgencyConsultation, func(c *Case) {
			must(c.StartConsultation(PauseAgency, day("2026-03-04"), "长治市财政局", today))
		}, "政府信息公开征求意见函", "长治市财政局", []string{"第三十四条", "共同制作", "15个工作日", "逾期未提出意见的，视为同意公开"},
			[]string{"第三十二条", "合法权益"}},
		{"fee", LetterFee, func(c *Case) {
			fee, _ := ComputeFee(FeeRequest{Method: FeeByVolume, Units: 101})
			must(c.IssueFee(fee, day("2026-03-05"), today))
		}, "政府信息公开信息处理费缴费通知书", "张三", []string{"计费方式：按量计收", "合计720元", "第101—101页，20元/页", "国办函〔2020〕109号",
			"缴费方式：通过山西省非税收入电子缴款平台缴纳，缴款码随本通知书送达。", "自收到本通知之日起20个工作日内"}, []string{"按按"}},
		{"answer_disclosed", LetterAnswer, func(c *Case) {
			must(c.Close(cal, Closing{Outcome: Disclosed, Reason: "该方案由本机关制作并保存", On: today, Attached: "划片方案一份。"}, today))
		}, "政府信息公开申请答复书", "张三", []string{"您申请获取的政府信息属于可以公开的政府信息，本机关予以公开。理由：该方案由本机关制作并保存。",
			"第三十六条第（二）项的规定，特此答复", "随本答复书向您提供：划片方案一份。", "六十日内向长治市人民政府申请行政复议", "六个月内向长治市潞州区人民法院提起行政诉讼"},
			[]string{"第（一）项", "申请人张三"}},
		{"answer_published", LetterAnswer, func(c *Case) {
			must(c.Close(cal, Closing{Outcome: Disclosed, Reason: "该方案已在本机关门户网站公开", On: today, CatalogRef: "本机关门户网站“政策文件”栏目"}, today))
		}, "政府信息公开申请答复书", "张三", []string{"第三十六条第（一）项", "获取方式：本机关门户网站“政策文件”栏目。"}, []string{"第（二）项"}},
		{"answer_partial", LetterAnswer, func(c *Case) {
			must(c.Close(cal, Closing{Outcome: PartiallyDisclosed, Withheld: WithheldThirdParty, Reason: "方案附件含学生家庭住址，已作区分处理", On: today}, today))
		}, "政府信息公开申请答复书", "张三", []string{"第三十七条、第三十六条第（二）项和第十五条", "不予公开部分的理由：保护第三方合法权益"}, nil},
		{"answer_withheld_third_party", LetterAnswer, func(c *Case) {
			must(c.Close(cal, Closing{Outcome: WithheldThirdParty, Reason: "第三方不同意公开且理由合理", On: today}, today))
		}, "政府信息公开申请告知书", "张三", []string{"第十五条、第三十六条第（三）项的规定，特此告知", "本机关决定不予公开"},
			[]string{"第三十二条", "不予公开：保护第三方合法权益"}},
		{"answer_not_held", LetterAnswer, func(c *Case) {
			must(c.Close(cal, Closing{Outcome: UnavailableNotHeld, Reason: "经检索本机关档案", On: today}, today))
		}, "政府信息公开申请告知书", "张三", []string{"第三十六条第（四）项", "该政府信息不存在"}, []string{"第（五）项"}},
		{"answer_elsewhere", LetterAnswer, func(c *Case) {
			must(c.Close(cal, Closing{Outcome: UnavailableNotHeld, Elsewhere: true, Responsible: "长治市潞州区教育局",
				ResponsibleContact: "0355-1234567", Reason: "义务教育学校划片由区县教育行政部门负责", On: today}, today))
		}, "政府信息公开申请告知书", "张三", []string{"第三十六条第（五）项", "负责公开该政府信息的行政机关为长治市潞州区教育局，联系方式：0355-1234567。"},
			[]string{"第（四）项"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := letterCase(t)
			tt.setup(c)
			l, err := ComposeLetter(tt.kind, "", c, letterSettings, cal, today, today)
			if err != nil {
				t.Fatal(err)
			}
			text := letterText(l)
			if l.Title != tt.title || l.Addressee != tt.to || l.IssuedOn != today {
				t.Errorf("title %q to %q on %s, want %q to %q on %s", l.Title, l.Addressee, l.IssuedOn, tt.title, tt.to, today)
			}
			for _, w := range append(tt.want, "2026年3月2日") {
				if !strings.Contains(text, w) {
					t.Errorf("letter lacks %q:\n%s", w, text)
				}
			}
			for _, w := range append(tt.notWant, "《政府信息公开条例》") {
				if strings.Contains(text, w) {
					t.Errorf("letter has %q:\n%s", w, text)
				}
			}
			if tt.kind.ToApplicant() != (tt.to == "张三") {
				t.Errorf("%s: ToApplicant() = %v", tt.kind, tt.kind.ToApplicant())
			}
			golden(t, tt.name, text)
		})
	}
}

func TestLetterRefused(t *testing.T) {
	cal := testCalendar(t)
	today := day("2026-03-20")
	closed := func(c *Case) {
		if _, err := c.Close(cal, Closing{Outcome: Disclosed, Reason: "r", On: today}, today); err != nil {
			t.Fatal(err)
		}
	}
	fee := func(c *Case) {
		f, _ := ComputeFee(FeeRequest{Method: FeeByVolume, Units: 101})
		if _, err := c.IssueFee(f, day("2026-03-05"), today); err != nil {
			t.Fatal(err)
		}
	}
	without := func(change func(d *LetterData)) LetterData { d := letterSettings; change(&d); return d }
	tests := []struct {
		name  string
		kind  LetterKind
		setup func(c *Case)
		data  LetterData
		on    string
		kindE error
		says  string
	}{
		{"unset 复议机关", LetterAnswer, closed, without(func(d *LetterData) { d.ReviewBody = "" }), "2026-03-20", errs.ErrInvalid, "复议机关"},
		{"unset 管辖法院", LetterAnswer, closed, without(func(d *LetterData) { d.Court = " " }), "2026-03-20", errs.ErrInvalid, "管辖法院"},
		{"unset 复议机关 on a notice", LetterFee, fee, without(func(d *LetterData) { d.ReviewBody = "" }), "2026-03-20", errs.ErrInvalid, "复议机关"},
		{"fee without payment details", LetterFee, fee, without(func(d *LetterData) { d.Payment = "" }), "2026-03-20", errs.ErrInvalid, "缴费方式"},
		{"dated in the future", LetterAnswer, closed, letterSettings, "2026-03-21", errs.ErrInvalid, "不能晚于今天"},
		{"dated before receipt", LetterAnswer, closed, letterSettings, "2026-03-01", errs.ErrInvalid, "不能早于收到申请之日"},
		{"correction recorded without items", LetterCorrection, func(c *Case) {
			c.Stage, c.CorrectionNoticeOn, c.CorrectionDue = StageCorrection, day("2026-03-03"), day("2026-03-13")
		}, letterSettings, "2026-03-20", errs.ErrInvalid, "需要补正的事项"},
		{"answer before closing", LetterAnswer, func(*Case) {}, letterSettings, "2026-03-20", errs.ErrConflict, "尚未办结"},
		{"agency letter without an agency consulted", LetterAgencyConsultation, func(c *Case) {
			if _, err := c.StartConsultation(PauseThirdParty, day("2026-03-04"), "某公司", today); err != nil {
				t.Fatal(err)
			}
		}, letterSettings, "2026-03-20", errs.ErrConflict, "征求其他机关意见"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := letterCase(t)
			tt.setup(c)
			_, err := ComposeLetter(tt.kind, "", c, tt.data, cal, day(tt.on), today)
			if !errors.Is(err, tt.kindE) || !strings.Contains(errs.Message(err), tt.says) {
				t.Errorf("got %v, want %v naming %q", err, tt.kindE, tt.says)
			}
		})
	}
	// A case closed with the old combined citation gets the outcome's one.
	old := letterCase(t)
	closed(old)
	old.Closing.Basis = "《政府信息公开条例》第三十六条第（一）项、第（二）项"
	if l, err := ComposeLetter(LetterAnswer, "", old, letterSettings, cal, today, today); err != nil ||
		!strings.Contains(strings.Join(l.Paragraphs, ""), "根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定") {
		t.Errorf("old closing: %v %v", l.Paragraphs, err)
	}
	// An extension approved before the new deadline was kept still states it.
	ext := letterCase(t)
	ext.Extension = Extension{RequestedDays: 20, Reason: "需调取档案", Days: 20, ApprovedBy: "boss"}
	if l, err := ComposeLetter(LetterExtension, "", ext, letterSettings, cal, today, today); err != nil ||
		!strings.Contains(strings.Join(l.Paragraphs, ""), "延长后的答复期限至2026年4月28日") {
		t.Errorf("old extension: %v %v", l.Paragraphs, err)
	}
	// A template that leaves a sentence empty or doubles its end is refused.
	c := letterCase(t)
	closed(c)
	if _, err := ComposeLetter(LetterAnswer, "经审查，{{.Decision}}。{{.Reason}}", c, letterSettings, cal, today, today); !errors.Is(err, errs.ErrInvalid) {
		t.Errorf("a letter with 「。。」 was issued: %v", err)
	}
	if err := CheckTemplate(LetterAnswer, "{{.Agency"); !errors.Is(err, errs.ErrInvalid) {
		t.Errorf("broken template accepted: %v", err)
	}
	for _, k := range LetterKinds() {
		if err := CheckTemplate(k, k.DefaultText()); err != nil {
			t.Errorf("built-in %s template refused: %v", k, err)
		}
	}
}

func TestEveryOutcomeHasADecision(t *testing.T) {
	for _, o := range Outcomes() {
		d := Closing{Outcome: o.Outcome}.Decision()
		if d == "" || !strings.HasSuffix(d, "。") || !strings.Contains(d, "您") && o.Outcome != OtherOther {
			t.Errorf("%s: decision %q does not speak to the applicant in a full sentence", o.Outcome, d)
		}
		if strings.Count(o.Basis, "第三十六条") > 1 || strings.Contains(o.Basis, "）项、第（") || strings.Contains(o.Basis, "《政府信息公开条例》") {
			t.Errorf("%s: basis %q cites more than one item or misnames the 条例", o.Outcome, o.Basis)
		}
	}
}
