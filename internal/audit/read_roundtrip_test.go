package audit

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/report/render"
)

// TestReadOwnRenderings renders the synthetic reports of both formats with
// gongkai's own renderers and reads each output back: an agency must be
// able to audit the report it published, so every cell must come back as
// the model it was rendered from, and the reader must doubt nothing.
func TestReadOwnRenderings(t *testing.T) {
	renderers := []struct {
		ext    string
		render func(io.Writer, *report.Document) error
	}{
		{"pdf", render.PDF},
		{"docx", render.DOCX},
		{"html", render.HTMLPage},
	}
	for _, model := range []string{"layout_2019.want.json", "layout_2021.want.json"} {
		want := wantReport(t, model)
		d := renderedDocument(want)
		for _, r := range renderers {
			t.Run(string(want.Format)+"."+r.ext, func(t *testing.T) {
				var b bytes.Buffer
				if err := r.render(&b, d); err != nil {
					t.Fatal(err)
				}
				got, err := readDocument("report."+r.ext, b.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range got.Findings {
					t.Errorf("finding %s %s/%s: %s", f.Rule, f.Part, f.Row, f.Message)
				}
				if got.Agency != want.Agency || got.Year != want.Year || got.Format != string(want.Format) {
					t.Errorf("read %s %d %s, want %s %d %s", got.Agency, got.Year, got.Format, want.Agency, want.Year, want.Format)
				}
				assertSameJSON(t, got.Report, want)
			})
		}
	}
}

// renderedDocument is a model with the little prose a renderer needs: part
// 六 states the fee, so that the fee reads back too.
func renderedDocument(r *report.Report) *report.Document {
	return &report.Document{
		Report:    r,
		Overview:  []report.Section{{Paragraphs: []string{"本年度政府信息公开工作有序开展。"}}},
		Problems:  []report.Section{{Paragraphs: []string{"公开的及时性有待提高。"}}},
		Other:     []report.Section{{Paragraphs: []string{"本年度未收取信息处理费。"}}},
		Published: time.Date(r.Year+1, 1, 20, 0, 0, 0, 0, time.UTC),
		Version:   1,
	}
}
