package cases

import (
	"fmt"

	"github.com/gongkai/gongkai/internal/errs"
)

// FeeMethod is how a 信息处理费 is computed (国办函〔2020〕109号第三条). An
// agency picks one method per application and may never charge by both.
type FeeMethod string

// The two fee methods.
const (
	// FeeByCount charges by the number of applications the same applicant
	// made in one natural month (按件计收, 第四条).
	FeeByCount FeeMethod = "by_count"
	// FeeByVolume charges by the pages of one application's information
	// (按量计收, 第五条).
	FeeByVolume FeeMethod = "by_volume"
)

// Label returns the method's Chinese name.
func (m FeeMethod) Label() string {
	switch m {
	case FeeByCount:
		return "按件计收"
	case FeeByVolume:
		return "按量计收"
	}
	return string(m)
}

// feeScale is an 超额累进 (progressive) scale: the rate of the nth unit is
// that of the first tier whose UpTo is ≥ n; past the last tier the rate
// rises by Step every Band units, or stays at the last tier's rate when
// Band is 0.
type feeScale struct {
	unit  string
	tiers []feeTier
	band  int
	step  int
	over  int // rate past the last tier when band is 0
}

type feeTier struct{ upTo, rate int }

// feeScales are the standards of 国办函〔2020〕109号, as data.
var feeScales = map[FeeMethod]feeScale{
	// 第四条: 10 件以下不收费; 11—30 件的部分 100 元/件; 31 件以上的部分以
	// 10 件为一档，每增加一档，收费标准提高 100 元/件.
	FeeByCount: {unit: "件", tiers: []feeTier{{10, 0}, {30, 100}}, band: 10, step: 100},
	// 第五条: 30 页以下不收费; 31—100 页的部分 10 元/页; 101—200 页的部分
	// 20 元/页; 201 页以上的部分 40 元/页.
	FeeByVolume: {unit: "页", tiers: []feeTier{{30, 0}, {100, 10}, {200, 20}}, over: 40},
}

// rate returns the fee in 元 of the nth unit (n ≥ 1).
func (s feeScale) rate(n int) int {
	for _, t := range s.tiers {
		if n <= t.upTo {
			return t.rate
		}
	}
	last := s.tiers[len(s.tiers)-1]
	if s.band == 0 {
		return s.over
	}
	bands := (n - last.upTo + s.band - 1) / s.band
	return last.rate + bands*s.step
}

// MaxFeeUnits bounds the units of one fee computation, far above any real
// application, so that the arithmetic cannot overflow.
const MaxFeeUnits = 100000

// FeeRequest is what a fee is computed from.
type FeeRequest struct {
	Method FeeMethod
	// Prior is, for FeeByCount, how many applications (counted by 一事一申请
	// in their smallest reasonable units) the same applicant already made
	// earlier in the same natural month. Must be 0 for FeeByVolume.
	Prior int
	// Units is, for FeeByCount, the number of applications this request
	// counts as; for FeeByVolume, the pages of the information provided.
	Units int
}

// Fee is a computed 信息处理费, with the lines a fee notice must state
// (依据、标准、数额).
type Fee struct {
	Method FeeMethod
	Yuan   int       // total in 元
	Lines  []FeeLine // one per rate band touched, free bands included
}

// FeeLine is one band of a fee: units From..To (1-based, counted within the
// applicant's month for FeeByCount) at Rate 元 each.
type FeeLine struct {
	From, To int
	Unit     string // 件 or 页
	Rate     int    // 元 per unit
	Yuan     int    // (To-From+1) * Rate
}

// String describes the line in Chinese, e.g. "第11—30件，100元/件，计2000元".
func (l FeeLine) String() string {
	return fmt.Sprintf("第%d—%d%s，%d元/%s，计%d元", l.From, l.To, l.Unit, l.Rate, l.Unit, l.Yuan)
}

// ComputeFee computes a 信息处理费 by one method (国办函〔2020〕109号第三条至
// 第五条). It rejects an unknown method, a negative or excessive count, and
// Prior with FeeByVolume (that method does not depend on earlier ones), as
// errs.ErrInvalid errors with Chinese messages.
func ComputeFee(r FeeRequest) (Fee, error) {
	scale, ok := feeScales[r.Method]
	if !ok {
		return Fee{}, errs.Invalid("收费方式 %q 无效，应为按件计收（%s）或按量计收（%s）", r.Method, FeeByCount, FeeByVolume)
	}
	switch {
	case r.Units < 0 || r.Prior < 0:
		return Fee{}, errs.Invalid("计费数量不能为负数")
	case r.Method == FeeByVolume && r.Prior != 0:
		return Fee{}, errs.Invalid("按量计收只按本件申请的页数计算，不应给出本月已申请件数")
	case r.Prior+r.Units > MaxFeeUnits:
		return Fee{}, errs.Invalid("计费数量 %d 超出上限 %d", r.Prior+r.Units, MaxFeeUnits)
	}
	fee := Fee{Method: r.Method}
	for n := r.Prior + 1; n <= r.Prior+r.Units; n++ {
		rate := scale.rate(n)
		if k := len(fee.Lines) - 1; k >= 0 && fee.Lines[k].Rate == rate {
			fee.Lines[k].To = n
			fee.Lines[k].Yuan += rate
		} else {
			fee.Lines = append(fee.Lines, FeeLine{From: n, To: n, Unit: scale.unit, Rate: rate, Yuan: rate})
		}
		fee.Yuan += rate
	}
	return fee, nil
}
