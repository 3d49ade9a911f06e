package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// TestCasesAPI lists the bureau's applications over the API: readers of the
// agency only, masked always, ?open=1 without the closed ones.
func TestCasesAPI(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		token := e.token
		type caseJSON struct {
			QueryNo   string  `json:"query_no"`
			Stage     string  `json:"stage"`
			Applicant string  `json:"applicant"`
			Due       *string `json:"due"`
			DaysLeft  *int    `json:"days_left"`
			Overdue   bool    `json:"overdue"`
			Outcome   *string `json:"outcome"`
		}
		call := func(path, secret string) (int, []caseJSON, string) {
			req, _ := http.NewRequest("GET", e.srv.URL+path, nil)
			req.Header.Set("Authorization", "Bearer "+secret)
			res, body := e.anonymous().do(req)
			var out struct {
				Cases []caseJSON `json:"cases"`
			}
			_ = json.Unmarshal([]byte(body), &out)
			return res.StatusCode, out.Cases, body
		}
		path := "/api/v1/agencies/" + itoa(e.ids[demo.Bureau]) + "/cases"
		officer := token("spj-officer")
		status, all, body := call(path, officer)
		if status != http.StatusOK || len(all) < 10 {
			t.Fatalf("status %d, %d cases", status, len(all))
		}
		if strings.Contains(body, "王建国") || strings.Contains(body, "1404021978") {
			t.Error("the API shows unmasked personal data, even to the case officer")
		}
		overdue, closed := 0, 0
		for _, c := range all {
			if c.Overdue && (c.DaysLeft == nil || *c.DaysLeft >= 0) {
				t.Errorf("%s overdue with days_left %v", c.QueryNo, c.DaysLeft)
			}
			if c.Overdue {
				overdue++
			}
			if c.Stage == "closed" {
				closed++
				if c.Outcome == nil || c.Due != nil {
					t.Errorf("closed %s: outcome %v due %v", c.QueryNo, c.Outcome, c.Due)
				}
			}
		}
		if overdue == 0 || closed == 0 {
			t.Errorf("%d overdue, %d closed among the demo cases", overdue, closed)
		}
		_, open, _ := call(path+"?open=1", officer)
		if len(open) != len(all)-closed {
			t.Errorf("open=1 gave %d of %d (%d closed)", len(open), len(all), closed)
		}
		if status, _, _ := call("/api/v1/agencies/"+itoa(e.ids["长治市教育局"])+"/cases", officer); status != http.StatusForbidden {
			t.Errorf("another agency's cases: %d", status)
		}
		if status, _, _ := call(path, token("city-supervisor")); status != http.StatusOK {
			t.Errorf("supervisor: %d", status)
		}
	})
}
