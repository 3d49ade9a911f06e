package agency

import (
	"errors"
	"testing"

	"github.com/gongkai/gongkai/internal/errs"
)

func TestDefaultReviewBody(t *testing.T) {
	province := Agency{ID: 1, Name: "山西省人民政府", Kind: Government}
	city := Agency{ID: 2, ParentID: 1, Name: "长治市人民政府", Kind: Government}
	bureau := Agency{ID: 3, ParentID: 2, Name: "长治市行政审批服务管理局", Kind: Department}
	office := Agency{ID: 4, ParentID: 3, Name: "长治市行政审批服务管理局某派出机构", Kind: Department}
	tests := []struct {
		name      string
		a         Agency
		ancestors []Agency
		want      string
	}{
		// After the 2023 revision a department is appealed to its own
		// government, not to a parent bureau.
		{"department", bureau, []Agency{city, province}, "长治市人民政府"},
		{"department under a department", office, []Agency{bureau, city, province}, "长治市人民政府"},
		{"government", city, []Agency{province}, "山西省人民政府"},
		{"top of the tree", province, nil, ""},
	}
	for _, tt := range tests {
		if got := DefaultReviewBody(tt.a, tt.ancestors); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestLetterSettingsValidate(t *testing.T) {
	tests := []struct {
		s  LetterSettings
		ok bool
	}{
		{LetterSettings{ReviewBody: " 长治市人民政府 ", Court: "长治市潞州区人民法院"}, true},
		{LetterSettings{}, true}, // unset: the letters are refused, not the settings
		{LetterSettings{ReviewBody: "长治市人民政府", Court: "人民法院"}, false},
		{LetterSettings{ReviewBody: "长治市人民政府", Court: "潞州区"}, false},
		{LetterSettings{ReviewBody: "政府", Court: "长治市潞州区人民法院"}, false},
		{LetterSettings{ReviewBody: "长治市\u202e人民政府", Court: "长治市潞州区人民法院"}, false},
	}
	for _, tt := range tests {
		err := tt.s.Validate()
		if tt.ok != (err == nil) || err != nil && !errors.Is(err, errs.ErrInvalid) {
			t.Errorf("%+v: %v", tt.s, err)
		}
	}
}
