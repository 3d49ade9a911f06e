package web

import (
	"net/http"

	"github.com/gongkai/gongkai/internal/store"
)

// apiCaseJSON is an application as the API shows it: personal data masked
// always, since an API client is an export.
type apiCaseJSON struct {
	ID            int64   `json:"id"`
	QueryNo       string  `json:"query_no"`
	AgencyID      int64   `json:"agency_id"`
	Channel       string  `json:"channel"`
	Stage         string  `json:"stage"`
	ApplicantKind string  `json:"applicant_kind"`
	Applicant     string  `json:"applicant"`
	Request       string  `json:"request"`
	Received      *string `json:"received"`
	Due           *string `json:"due"`
	DaysLeft      *int    `json:"days_left"`
	Overdue       bool    `json:"overdue"`
	Paused        bool    `json:"paused"`
	Outcome       *string `json:"outcome"`
	Closed        *string `json:"closed"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// apiCases lists an agency's applications, newest first; ?open=1 keeps
// those not yet closed.
func (s *Server) apiCases(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	list, err := s.db.Cases(r.Context(), store.CaseFilter{AgencyIDs: []int64{st.agency.ID}, Open: r.URL.Query().Get("open") == "1", Limit: 5000})
	if err != nil {
		return err
	}
	out := struct {
		Cases []apiCaseJSON `json:"cases"`
	}{Cases: make([]apiCaseJSON, 0, len(list))}
	today := s.today()
	for _, c := range list {
		m := c.Masked()
		j := apiCaseJSON{ID: m.ID, QueryNo: m.QueryNo, AgencyID: m.AgencyID, Channel: string(m.Channel), Stage: string(m.Stage),
			ApplicantKind: string(m.Applicant.Kind), Applicant: m.Applicant.Name, Request: m.Request.Description,
			Received: strPtr(dateText(m.Received))}
		if d, ok := c.Deadline(cal, today); ok {
			left := d.DaysLeft
			j.Due, j.DaysLeft, j.Overdue, j.Paused = strPtr(d.Due.String()), &left, d.Overdue, d.Paused
		}
		if m.Closing.Outcome != "" {
			j.Outcome, j.Closed = strPtr(string(m.Closing.Outcome)), strPtr(dateText(m.Closing.On))
		}
		out.Cases = append(out.Cases, j)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
