package cases

import (
	"errors"
	"testing"

	"github.com/gongkai/gongkai/internal/errs"
)

// TestExtensionOnlyWithinPeriod: a case received 2026-03-02 is due
// 2026-03-30; an extension may be asked for and approved up to that day and
// not after (第三十三条第二款), and a pending request can always be refused.
func TestExtensionOnlyWithinPeriod(t *testing.T) {
	cal := testCalendar(t)
	requested := func(t *testing.T) *Case {
		c := letterCase(t)
		if _, err := c.RequestExtension(cal, 20, "需调取档案", "officer", day("2026-03-20")); err != nil {
			t.Fatal(err)
		}
		return c
	}
	if due, err := letterCase(t).OriginalDue(cal, day("2026-03-20")); err != nil || due.String() != "2026-03-30" {
		t.Fatalf("original due %s, %v", due, err)
	}
	tests := []struct {
		name string
		run  func(c *Case) (Event, error)
		want error
	}{
		{"approved on the last day", func(c *Case) (Event, error) {
			return c.ApproveExtension(cal, "boss", day("2026-03-30"), day("2026-04-02"))
		}, nil},
		{"approved after the period", func(c *Case) (Event, error) {
			return c.ApproveExtension(cal, "boss", day("2026-03-31"), day("2026-04-02"))
		}, errs.ErrConflict},
		{"approved by the requester", func(c *Case) (Event, error) {
			return c.ApproveExtension(cal, "officer", day("2026-03-25"), day("2026-03-25"))
		}, errs.ErrForbidden},
		{"approved before it was asked for", func(c *Case) (Event, error) {
			return c.ApproveExtension(cal, "boss", day("2026-03-19"), day("2026-03-25"))
		}, errs.ErrInvalid},
		{"refused after the period", func(c *Case) (Event, error) {
			return c.RefuseExtension("boss", "理由不充分", day("2026-03-31"), day("2026-04-02"))
		}, nil},
		{"refused without a reason", func(c *Case) (Event, error) {
			return c.RefuseExtension("boss", " ", day("2026-03-25"), day("2026-03-25"))
		}, errs.ErrInvalid},
		{"asked again after the period", func(c *Case) (Event, error) {
			if _, err := c.RefuseExtension("boss", "理由不充分", day("2026-03-25"), day("2026-03-31")); err != nil {
				return Event{}, err
			}
			return c.RequestExtension(cal, 10, "再次申请", "officer", day("2026-03-31"))
		}, errs.ErrConflict},
		{"asked again within the period", func(c *Case) (Event, error) {
			if _, err := c.RefuseExtension("boss", "理由不充分", day("2026-03-25"), day("2026-03-25")); err != nil {
				return Event{}, err
			}
			return c.RequestExtension(cal, 10, "补充理由后再次申请", "officer", day("2026-03-26"))
		}, nil},
		{"notice before approval", func(c *Case) (Event, error) { return c.RecordExtensionNotice(day("2026-03-25"), day("2026-03-25")) }, errs.ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := requested(t)
			_, err := tt.run(c)
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}

	c := requested(t)
	if _, err := c.ApproveExtension(cal, "boss", day("2026-03-25"), day("2026-03-25")); err != nil {
		t.Fatal(err)
	}
	if c.Extension.NewDue.String() != "2026-04-28" || !c.Extension.NoticeOn.IsZero() {
		t.Errorf("approved: new due %s, notice %s", c.Extension.NewDue, c.Extension.NoticeOn)
	}
	if _, err := c.RecordExtensionNotice(day("2026-03-24"), day("2026-03-27")); !errors.Is(err, errs.ErrInvalid) {
		t.Errorf("notice before the approval day: %v", err)
	}
	if _, err := c.RecordExtensionNotice(day("2026-03-27"), day("2026-03-27")); err != nil || c.Extension.NoticeOn.String() != "2026-03-27" {
		t.Errorf("notice: %v, %s", err, c.Extension.NoticeOn)
	}
	if d, ok := c.Deadline(cal, day("2026-04-02")); !ok || d.Due.String() != "2026-04-28" {
		t.Errorf("deadline with the extension %+v", d)
	}
}
