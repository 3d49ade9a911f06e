package cases

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/errs"
)

func TestComposeLetter(t *testing.T) {
	cal := testCalendar(t)
	today := day("2026-03-20")
	a, r := sampleApplication()
	fresh := func() *Case {
		c, _, err := NewCase(1, ChannelInPerson, a, r, day("2026-03-02"), today)
		if err != nil {
			t.Fatal(err)
		}
		c.QueryNo = "GK2026-00000001"
		return c
	}
	data := LetterData{Agency: "长治市教育局", ReviewBody: "长治市人民政府", Consultee: "某公司"}
	// Every kind is refused while the case cannot support it.
	for _, k := range LetterKinds() {
		if _, err := ComposeLetter(k, "", fresh(), data, cal, today); !errors.Is(err, errs.ErrConflict) {
			t.Errorf("%s on a fresh case: %v, want a conflict", k, err)
		}
	}
	tests := []struct {
		kind  LetterKind
		setup func(c *Case)
		title string
		want  []string
	}{
		{LetterAnswer, func(c *Case) {
			c.Close(cal, Closing{Outcome: WithheldStateSecret, Reason: "经审查属于国家秘密。", On: today}, today)
		}, "政府信息公开申请告知书", []string{"张三", "GK2026-00000001", "2026年3月2日", "不予公开：属于国家秘密", "第十四条", "特此告知", "60日内向长治市人民政府申请行政复议", "6个月内"}},
		{LetterAnswer, func(c *Case) {
			c.Close(cal, Closing{Outcome: Disclosed, Reason: "予以公开。", On: today, Attached: "文件一份"}, today)
		}, "政府信息公开申请答复书", []string{"特此答复", "随本答复提供的信息：文件一份"}},
		{LetterCorrection, func(c *Case) {
			c.RequestCorrection(day("2026-03-03"), day("2026-03-13"), "请写明文号", today)
		}, "政府信息公开申请补正告知书", []string{"第三十条", "2026年3月13日前补正", "视为放弃申请"}},
		{LetterExtension, func(c *Case) {
			c.RequestExtension(20, "需调取档案", "officer")
			c.ApproveExtension("boss", today, today)
		}, "政府信息公开申请延长答复期限告知书", []string{"因需调取档案", "延长20个工作日", "2026年4月28日"}},
		{LetterConsultation, func(c *Case) {
			c.StartConsultation(PauseThirdParty, day("2026-03-04"), "某公司", today)
		}, "政府信息公开申请征求意见函", []string{"某公司", "15个工作日"}},
		{LetterFee, func(c *Case) {
			fee, _ := ComputeFee(FeeRequest{Method: FeeByVolume, Units: 101})
			c.IssueFee(fee, day("2026-03-05"), today)
		}, "政府信息公开信息处理费缴费通知书", []string{"按量计收", "合计720元", "第101—101页，20元/页", "20个工作日"}},
	}
	for _, tt := range tests {
		c := fresh()
		tt.setup(c)
		l, err := ComposeLetter(tt.kind, "", c, data, cal, today)
		if err != nil {
			t.Errorf("%s: %v", tt.kind, err)
			continue
		}
		text := strings.Join(l.Paragraphs, "\n")
		if l.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.kind, l.Title, tt.title)
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) && l.Addressee != w {
				t.Errorf("%s: letter lacks %q:\n%s", tt.kind, w, text)
			}
		}
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
