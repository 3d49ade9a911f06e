package render

import (
	"encoding/json"
	"github.com/gongkai/gongkai/internal/report"
	"io"
)

// JSON writes exactly the canonical model (report.Report's JSON, the shape
// of docs/report-model.md), indented, with Chinese unescaped. The
// prose, charts and version are not part of the canonical model.
func JSON(w io.Writer, d *report.Document) error {
	if _, err := layout(d); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d.Report); err != nil {
		return errorf("json", err)
	}
	return nil
}
