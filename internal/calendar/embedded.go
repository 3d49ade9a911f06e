package calendar

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
)

// holidays holds the official schedules shipped with the binary, copied
// from holiday-cn (MIT, see holidays/LICENSE and holidays/SOURCE.txt).
//
//go:embed holidays/*.json holidays/LICENSE holidays/SOURCE.txt
var holidays embed.FS

// Embedded returns the schedules shipped with the binary, in year order.
// A file with no days (a year whose notice is not out yet, like 2027.json)
// is left out, so its year counts as a year without a schedule.
func Embedded() ([]Schedule, error) {
	names, err := fs.Glob(holidays, "holidays/*.json")
	if err != nil {
		return nil, fmt.Errorf("calendar: list embedded schedules: %w", err)
	}
	var out []Schedule
	for _, name := range names {
		b, err := holidays.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("calendar: read %s: %w", name, err)
		}
		var s Schedule
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("calendar: embedded %s: %w", path.Base(name), err)
		}
		if len(s.Days) == 0 {
			continue
		}
		if err := s.Validate(); err != nil {
			return nil, fmt.Errorf("calendar: embedded %s: %w", path.Base(name), err)
		}
		out = append(out, s)
	}
	return out, nil
}

// License returns the licence notice of the embedded holiday data, which
// must be shipped with it.
func License() string {
	b, err := holidays.ReadFile("holidays/LICENSE")
	if err != nil {
		panic("calendar: embedded LICENSE missing: " + err.Error())
	}
	return string(b)
}

// Default returns a calendar of the schedules shipped with the binary.
func Default() (*Calendar, error) {
	s, err := Embedded()
	if err != nil {
		return nil, err
	}
	return New(s...)
}
