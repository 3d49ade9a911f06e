package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/gongkai/gongkai/internal/report"
)

func TestJSONGolden(t *testing.T) {
	for name, d := range documents() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := JSON(&buf, d); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".json.golden", buf.Bytes())
		})
	}
}

// TestJSONIsTheCanonicalModel reads the output back into report.Report and
// checks the worked example of docs/report-model.md.
func TestJSONIsTheCanonicalModel(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, seedDocument()); err != nil {
		t.Fatal(err)
	}
	var r report.Report
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want float64
	}{
		{"licensing.change", r.Proactive["licensing"]["change"], 14},
		{"other_services.change", r.Proactive["other_services"]["change"], -3},
		{"procurement.amount_wan", r.Proactive["procurement"]["amount_wan"], 44.2},
		{"received.total", float64(r.Applications["received"][report.ColTotal]), 2},
		{"total.natural_person", float64(r.Applications["total"][report.ColNaturalPerson]), 2},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if r.InfoFeeYuan != nil || r.Format != report.Format2019 || r.Year != 2020 {
		t.Errorf("header = %v %v %v, want nil fee, format 2019, year 2020", r.InfoFeeYuan, r.Format, r.Year)
	}
	if bytes.Contains(buf.Bytes(), []byte(`\u`)) {
		t.Error("JSON escapes characters; want plain UTF-8")
	}
}

func TestRenderersRejectDocumentsWithoutLayout(t *testing.T) {
	for _, d := range []*report.Document{nil, {}, {Report: &report.Report{Format: "1999"}}} {
		for _, f := range Formats {
			if err := Write(&bytes.Buffer{}, f, d); err == nil {
				t.Errorf("%s accepted a document without a known layout", f)
			}
		}
	}
}
