package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gongkai/gongkai/internal/spreadsheet"
	"github.com/gongkai/gongkai/internal/store"
)

// caseListCSV exports the agency's applications as CSV, always with the
// applicants' personal data masked, whoever downloads it: an export leaves
// the system's access control behind. Every cell is defused against
// formulas (spreadsheet.CSV): masking keeps the start of an ID number, so
// "=HYPERLINK(…)" typed there would survive it.
func (s *Server) caseListCSV(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	all, err := s.db.Agencies(r.Context())
	if err != nil {
		return err
	}
	list, err := s.db.Cases(r.Context(), store.CaseFilter{AgencyIDs: []int64{st.agency.ID}, Limit: 100000})
	if err != nil {
		return err
	}
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	names, today := agencyNames(all), s.today()
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="cases-%d.csv"`, st.agency.ID))
	_, _ = w.Write([]byte("\ufeff")) // so spreadsheet programs read UTF-8
	cw := spreadsheet.NewCSV(w)
	_ = cw.Write("查询号", "机关", "申请人类型", "申请人", "证件号码", "联系电话", "电子邮箱", "渠道", "阶段",
		"收到申请之日", "答复期限", "剩余工作日", "办理结果", "办结之日")
	for _, c := range list {
		m := c.Masked()
		row := []string{m.QueryNo, names[m.AgencyID], m.Applicant.Kind.Label(), m.Applicant.Name, m.Applicant.IDNumber,
			m.Applicant.Phone, m.Applicant.Email, m.Channel.Label(), m.Stage.Label(), dateText(m.Received), "", "", "", ""}
		if d, ok := c.Deadline(cal, today); ok {
			row[10], row[11] = d.Due.String(), strconv.Itoa(d.DaysLeft)
		}
		if m.Closing.Outcome != "" {
			row[12], row[13] = m.Closing.Outcome.Label(), dateText(m.Closing.On)
		}
		if err := cw.Write(row...); err != nil {
			return nil // the client went away; nothing else to tell it
		}
	}
	_ = cw.Flush() // as above: an error means the client went away
	return nil
}
