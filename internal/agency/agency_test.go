package agency

import (
	"errors"
	"testing"

	"github.com/gongkai/gongkai/internal/errs"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		a    Agency
		ok   bool
	}{
		{"valid", Agency{Name: " 长治市人民政府 ", Code: "0142768-8", Kind: Government}, true},
		{"no name", Agency{Code: "01", Kind: Government}, false},
		{"bad code", Agency{Name: "x", Code: "<script>", Kind: Department}, false},
		{"sql code", Agency{Name: "x", Code: "1' OR '1'='1", Kind: Department}, false},
		{"bad kind", Agency{Name: "x", Code: "01", Kind: "bureau"}, false},
		{"bidi override", Agency{Name: "长治市\u202e局", Code: "01", Kind: Department}, false},
		{"control character", Agency{Name: "长治\x00市", Code: "01", Kind: Department}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.a.Validate()
			if tt.ok && err != nil {
				t.Fatalf("Validate() = %v, want nil", err)
			}
			if !tt.ok && !errors.Is(err, errs.ErrInvalid) {
				t.Fatalf("Validate() = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestReportDeadline(t *testing.T) {
	gov := Agency{Kind: Government}
	dep := Agency{Kind: Department}
	if got := gov.ReportDeadline(2020).Format("2006-01-02"); got != "2021-03-31" {
		t.Errorf("government deadline = %s", got)
	}
	if got := dep.ReportDeadline(2020).Format("2006-01-02"); got != "2021-01-31" {
		t.Errorf("department deadline = %s", got)
	}
}

func TestTree(t *testing.T) {
	tree := NewTree([]Agency{{ID: 1}, {ID: 2, ParentID: 1}, {ID: 3, ParentID: 2}, {ID: 4}})
	tests := []struct {
		id, anc int64
		want    bool
	}{
		{3, 1, true}, {3, 2, true}, {3, 3, true}, {1, 3, false}, {4, 1, false}, {2, 4, false},
	}
	for _, tt := range tests {
		if got := tree.Within(tt.id, tt.anc); got != tt.want {
			t.Errorf("Within(%d, %d) = %v, want %v", tt.id, tt.anc, got, tt.want)
		}
	}
	if !tree.WouldCycle(1, 3) {
		t.Error("making 3 the parent of 1 must be a cycle")
	}
	if tree.WouldCycle(4, 3) {
		t.Error("making 3 the parent of 4 is not a cycle")
	}
}
