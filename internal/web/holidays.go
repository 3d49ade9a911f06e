package web

import (
	"io"
	"net/http"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
)

// holidayYear is one year of the working-day calendar as the page lists it.
type holidayYear struct {
	Year     int
	Days     int
	MakeUp   []calendar.Date
	Loaded   *store.StoredSchedule
	Built    bool
	Schedule calendar.Schedule
}

type holidaysPage struct {
	Page
	Years []holidayYear
	Error string
}

func (s *Server) holidays(w http.ResponseWriter, r *http.Request) error {
	return s.renderHolidays(w, r, http.StatusOK, "")
}

func (s *Server) renderHolidays(w http.ResponseWriter, r *http.Request, status int, msg string) error {
	ctx := r.Context()
	cal, err := s.db.Calendar(ctx)
	if err != nil {
		return err
	}
	stored, err := s.db.HolidaySchedules(ctx)
	if err != nil {
		return err
	}
	built, err := calendar.Embedded()
	if err != nil {
		return err
	}
	p := &holidaysPage{Page: s.page(r, "节假日安排"), Error: msg}
	for _, y := range cal.Years() {
		sch, _ := cal.Schedule(y)
		hy := holidayYear{Year: y, Days: len(sch.Days), MakeUp: sch.MakeUpDays(), Schedule: sch}
		for i := range stored {
			if stored[i].Year == y {
				hy.Loaded = &stored[i]
			}
		}
		for _, b := range built {
			hy.Built = hy.Built || b.Year == y
		}
		p.Years = append(p.Years, hy)
	}
	s.render(w, r, status, "holidays", p)
	return nil
}

// holidaysLoad stores an uploaded schedule (holiday-cn JSON) for one year.
func (s *Server) holidaysLoad(w http.ResponseWriter, r *http.Request) error {
	f, _, err := r.FormFile("schedule")
	if err != nil {
		return s.renderHolidays(w, r, http.StatusBadRequest, "请选择节假日安排文件（JSON）")
	}
	defer f.Close()
	sch, err := calendar.ParseSchedule(io.LimitReader(f, 1<<20))
	if err != nil {
		return s.renderHolidays(w, r, http.StatusBadRequest, "无法载入节假日安排："+err.Error())
	}
	if err := s.db.SaveHolidaySchedule(r.Context(), sch, s.change(r, "holidays.load")); err != nil {
		if m := errs.Message(err); m != "" {
			return s.renderHolidays(w, r, http.StatusBadRequest, m)
		}
		return err
	}
	http.Redirect(w, r, "/office/platform/holidays?ok=saved", http.StatusSeeOther)
	return nil
}
