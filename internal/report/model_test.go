package report

import (
	"encoding/json"
	"testing"
)

func TestNewHasEveryCanonicalKey(t *testing.T) {
	tests := []struct {
		format      Format
		proactive   int
		application int
		hasRow      string
		lacksRow    string
	}{
		{Format2019, 8, 23, "other", "other.other"},
		{Format2021, 6, 25, "other.fee_unpaid", "other"},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			r := New("x", 2020, tt.format)
			if len(r.Proactive) != tt.proactive {
				t.Errorf("proactive rows = %d, want %d", len(r.Proactive), tt.proactive)
			}
			if len(r.Applications) != tt.application {
				t.Errorf("application rows = %d, want %d", len(r.Applications), tt.application)
			}
			if _, ok := r.Applications[tt.hasRow]; !ok {
				t.Errorf("missing row %q", tt.hasRow)
			}
			if _, ok := r.Applications[tt.lacksRow]; ok {
				t.Errorf("unexpected row %q", tt.lacksRow)
			}
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"agency", "year", "format", "proactive", "applications", "review_litigation", "info_fee_yuan"} {
				if _, ok := m[k]; !ok {
					t.Errorf("JSON lacks %q", k)
				}
			}
			if m["info_fee_yuan"] != nil {
				t.Errorf("info_fee_yuan = %v, want null", m["info_fee_yuan"])
			}
		})
	}
}

func TestFormatForYear(t *testing.T) {
	for year, want := range map[int]Format{2019: Format2019, 2020: Format2019, 2021: Format2021, 2026: Format2021} {
		if got := FormatForYear(year); got != want {
			t.Errorf("FormatForYear(%d) = %s, want %s", year, got, want)
		}
	}
}
