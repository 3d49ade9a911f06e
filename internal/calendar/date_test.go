package calendar

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestDateJSON(t *testing.T) {
	type rec struct {
		Received  Date `json:"received"`
		Corrected Date `json:"corrected"`
	}
	b, err := json.Marshal(rec{Received: NewDate(2020, time.February, 30)})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"received":"2020-03-01","corrected":""}` {
		t.Errorf("Marshal = %s", b)
	}
	var back rec
	if err := json.Unmarshal(b, &back); err != nil || back.Received.String() != "2020-03-01" || !back.Corrected.IsZero() {
		t.Errorf("Unmarshal = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"received":"2020-02-30"}`), &back); err == nil {
		t.Error("Unmarshal accepted 2020-02-30")
	}
}

func TestZeroCalendar(t *testing.T) {
	var c Calendar
	due, w := c.AddWorkingDays(d("2024-09-27"), 1, nil)
	if due.String() != "2024-09-30" || len(w.MissingYears) != 1 || w.MissingYears[0] != 2024 {
		t.Errorf("zero Calendar: due %s, warnings %v; want 2024-09-30 (weekend skipped) with a 2024 warning", due, w)
	}
	if err := c.Load(strings.NewReader(schedule2028)); err != nil {
		t.Fatalf("Load into the zero Calendar: %v", err)
	}
	if !c.HasSchedule(2028) {
		t.Error("zero Calendar did not keep the loaded schedule")
	}
}
