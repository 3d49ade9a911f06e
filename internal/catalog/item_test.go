package catalog

import (
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
)

func TestIndexNo(t *testing.T) {
	if got, err := IndexNo("0142768-8", 2022, 185); err != nil || got != "0142768-8/2022-00185" {
		t.Fatalf("IndexNo = %q, %v", got, err)
	}
	for _, bad := range []struct {
		code         string
		year, serial int
	}{{"", 2022, 1}, {"a/b", 2022, 1}, {"x", 2022, 0}, {"x", 2022, 100000}, {"x", 10000, 1}} {
		if _, err := IndexNo(bad.code, bad.year, bad.serial); err == nil {
			t.Errorf("IndexNo(%+v) accepted", bad)
		}
	}
}

func TestSanitize(t *testing.T) {
	in := `<p onclick="x()">正文<script>alert(1)</script><a href="javascript:alert(1)">链接</a><table><tr><td colspan="2" style="color:red">格</td></tr></table></p>`
	out := Sanitize(in)
	for _, bad := range []string{"script", "onclick", "javascript:", "style="} {
		if strings.Contains(out, bad) {
			t.Errorf("Sanitize kept %q: %s", bad, out)
		}
	}
	if !strings.Contains(out, `colspan="2"`) || !strings.Contains(out, "正文") {
		t.Errorf("Sanitize lost content: %s", out)
	}
	if got := PlainText("<p>第一段</p><p>第二段 &amp; 更多</p>"); got != "第一段\n第二段 & 更多" {
		t.Errorf("PlainText = %q", got)
	}
}

func TestLate(t *testing.T) {
	cal, err := calendar.Default()
	if err != nil {
		t.Fatal(err)
	}
	// 2020-09-25 (Friday) + 20 working days, skipping the National Day
	// holiday (10-01..10-08) and counting the make-up days 09-27 and 10-10, is 10-29.
	written := calendar.NewDate(2020, 9, 25)
	at := func(m time.Month, d int) time.Time { return time.Date(2020, m, d, 3, 0, 0, 0, time.UTC) }
	tests := []struct {
		name      string
		published time.Time
		now       time.Time
		want      bool
	}{
		{"published on the last day", at(10, 29), at(12, 1), false},
		{"published a day late", at(10, 30), at(12, 1), true},
		{"unpublished, still in time", time.Time{}, at(10, 20), false},
		{"unpublished, overdue", time.Time{}, at(11, 2), true},
	}
	for _, tt := range tests {
		it := Item{WrittenOn: written, PublishedAt: tt.published, Attribute: Proactive}
		if got := it.Late(cal, tt.now); got != tt.want {
			t.Errorf("%s: Late = %v", tt.name, got)
		}
	}
}

func TestApplyRules(t *testing.T) {
	now := time.Date(2026, 1, 5, 2, 0, 0, 0, time.UTC)
	author, other := Actor{ID: 1, Name: "a"}, Actor{ID: 2, Name: "b"}
	it := Item{State: Draft, AuthorID: 1}
	if _, err := it.Apply(Step{Action: Publish, By: other}, now); err == nil {
		t.Fatal("published a draft")
	}
	if _, err := it.Apply(Step{Action: Submit, By: author}, now); err != nil {
		t.Fatal(err)
	}
	if _, err := it.Apply(Step{Action: Approve, By: other, Blocking: 2}, now); err == nil {
		t.Fatal("approved with findings and no reason")
	}
	ev, err := it.Apply(Step{Action: Approve, By: other, Blocking: 2, Reason: "已核实为虚构号码"}, now)
	if err != nil || it.Override != "已核实为虚构号码" || ev.From != Submitted || ev.To != Reviewed {
		t.Fatalf("override: %+v, %v", ev, err)
	}
	if _, err := it.Apply(Step{Action: Schedule, By: other, When: now.Add(-time.Hour)}, now); err == nil {
		t.Fatal("scheduled in the past")
	}
	if _, err := it.Apply(Step{Action: Schedule, By: other, When: now.Add(time.Hour)}, now); err != nil || !it.Due(now.Add(2*time.Hour)) || it.Due(now) {
		t.Fatalf("schedule: %v", err)
	}
}

func TestValidateRefusesUnbelievableDates(t *testing.T) {
	for _, tt := range []struct {
		day calendar.Date
		ok  bool
	}{
		{calendar.NewDate(2020, 3, 1), true},
		{calendar.NewDate(9999, 12, 31), false},
		{calendar.NewDate(1900, 1, 1), false},
	} {
		it := Item{Title: "通知", WrittenOn: tt.day}
		if err := it.Validate(); (err == nil) != tt.ok {
			t.Errorf("成文日期 %s: Validate() = %v, want ok=%v", tt.day, err, tt.ok)
		}
	}
}
