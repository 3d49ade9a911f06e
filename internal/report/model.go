// Package report holds the annual report on government information
// disclosure (政府信息公开工作年度报告): its canonical model, the official
// formats as data and the consistency rules (勾稽关系). The model's JSON is
// exactly the canonical shape of docs/report-model.md, so a report
// built from records and one read from a published document compare key by key.
package report

// Report is the canonical model of one agency's report for one year.
type Report struct {
	Agency           string                        `json:"agency"`
	Year             int                           `json:"year"`
	Format           Format                        `json:"format"`
	Proactive        map[string]map[string]float64 `json:"proactive"`
	Applications     map[string][7]int             `json:"applications"`
	ReviewLitigation ReviewLitigation              `json:"review_litigation"`
	// InfoFeeYuan is the 信息处理费 collected in the year, in 元; nil when the
	// report says nothing about the fee.
	InfoFeeYuan *float64 `json:"info_fee_yuan"`
}

// ReviewLitigation is part 四: administrative review and lawsuits.
type ReviewLitigation struct {
	Review                ReviewRow `json:"review"`
	LitigationDirect      ReviewRow `json:"litigation_direct"`
	LitigationAfterReview ReviewRow `json:"litigation_after_review"`
}

// ReviewRow is one group of part 四.
type ReviewRow struct {
	Upheld    int `json:"upheld"`
	Corrected int `json:"corrected"`
	Other     int `json:"other"`
	Pending   int `json:"pending"`
	Total     int `json:"total"`
}

// Group returns a pointer to the group with the given key of ReviewGroups.
func (rl *ReviewLitigation) Group(key string) *ReviewRow {
	switch key {
	case "review":
		return &rl.Review
	case "litigation_direct":
		return &rl.LitigationDirect
	case "litigation_after_review":
		return &rl.LitigationAfterReview
	}
	return nil
}

// New returns an empty report in the given format with every cell present
// and zero, as the canonical JSON requires.
func New(agency string, year int, f Format) *Report {
	r := &Report{
		Agency:       agency,
		Year:         year,
		Format:       f,
		Proactive:    map[string]map[string]float64{},
		Applications: map[string][7]int{},
	}
	l, ok := LayoutOf(f)
	if !ok {
		return r
	}
	for _, row := range l.Proactive {
		cells := make(map[string]float64, len(row.Columns))
		for _, c := range row.Columns {
			cells[c.Key] = 0
		}
		r.Proactive[row.Key] = cells
	}
	for _, row := range l.Applications {
		r.Applications[row.Key] = [7]int{}
	}
	return r
}
