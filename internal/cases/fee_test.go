package cases

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/errs"
)

func TestComputeFeeTotals(t *testing.T) {
	tests := []struct {
		method       FeeMethod
		prior, units int
		want         int
	}{
		// 按件计收: cumulative in the month, starting from the first.
		{FeeByCount, 0, 0, 0},
		{FeeByCount, 0, 10, 0},
		{FeeByCount, 0, 11, 100},
		{FeeByCount, 0, 30, 2000},
		{FeeByCount, 0, 31, 2200},
		{FeeByCount, 0, 40, 4000},
		{FeeByCount, 0, 41, 4300},
		{FeeByCount, 0, 50, 7000},
		{FeeByCount, 0, 51, 7400},
		// One more application, given what came earlier that month.
		{FeeByCount, 9, 1, 0},
		{FeeByCount, 10, 1, 100},
		{FeeByCount, 29, 1, 100},
		{FeeByCount, 30, 1, 200},
		{FeeByCount, 39, 1, 200},
		{FeeByCount, 40, 1, 300},
		{FeeByCount, 60, 1, 500},
		{FeeByCount, 29, 3, 500}, // the 30th at 100, the 31st and 32nd at 200
		// 按量计收: pages of one application.
		{FeeByVolume, 0, 30, 0},
		{FeeByVolume, 0, 31, 10},
		{FeeByVolume, 0, 100, 700},
		{FeeByVolume, 0, 101, 720},
		{FeeByVolume, 0, 200, 2700},
		{FeeByVolume, 0, 201, 2740},
		{FeeByVolume, 0, 250, 4700},
	}
	for _, tt := range tests {
		fee, err := ComputeFee(FeeRequest{Method: tt.method, Prior: tt.prior, Units: tt.units})
		if err != nil {
			t.Errorf("%s prior %d units %d: %v", tt.method, tt.prior, tt.units, err)
			continue
		}
		if fee.Yuan != tt.want {
			t.Errorf("%s prior %d units %d = %d 元, want %d", tt.method, tt.prior, tt.units, fee.Yuan, tt.want)
		}
		sum := 0
		for _, l := range fee.Lines {
			sum += l.Yuan
		}
		if sum != fee.Yuan {
			t.Errorf("%s prior %d units %d: lines sum to %d, total %d", tt.method, tt.prior, tt.units, sum, fee.Yuan)
		}
	}
}

func TestComputeFeeLines(t *testing.T) {
	fee, err := ComputeFee(FeeRequest{Method: FeeByVolume, Units: 201})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range fee.Lines {
		got = append(got, l.String())
	}
	want := "第1—30页，0元/页，计0元|第31—100页，10元/页，计700元|第101—200页，20元/页，计2000元|第201—201页，40元/页，计40元"
	if strings.Join(got, "|") != want {
		t.Errorf("lines = %q\nwant    %q", strings.Join(got, "|"), want)
	}
	fee, err = ComputeFee(FeeRequest{Method: FeeByCount, Prior: 28, Units: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(fee.Lines) != 2 || fee.Lines[0] != (FeeLine{29, 30, "件", 100, 200}) || fee.Lines[1] != (FeeLine{31, 32, "件", 200, 400}) {
		t.Errorf("lines = %+v", fee.Lines)
	}
}

func TestComputeFeeRejects(t *testing.T) {
	tests := []struct {
		req  FeeRequest
		want string
	}{
		{FeeRequest{Method: "both", Units: 1}, "收费方式"},
		{FeeRequest{Units: 1}, "收费方式"},
		{FeeRequest{Method: FeeByCount, Units: -1}, "负数"},
		{FeeRequest{Method: FeeByCount, Prior: -1, Units: 1}, "负数"},
		{FeeRequest{Method: FeeByVolume, Prior: 3, Units: 40}, "按量计收只按本件申请的页数"},
		{FeeRequest{Method: FeeByVolume, Units: MaxFeeUnits + 1}, "超出上限"},
	}
	for _, tt := range tests {
		if _, err := ComputeFee(tt.req); !errors.Is(err, errs.ErrInvalid) || !strings.Contains(errs.Message(err), tt.want) {
			t.Errorf("ComputeFee(%+v) error = %v, want %q", tt.req, err, tt.want)
		}
	}
	if FeeByCount.Label() != "按件计收" || FeeByVolume.Label() != "按量计收" {
		t.Error("wrong method labels")
	}
}
