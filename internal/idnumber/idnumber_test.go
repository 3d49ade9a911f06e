package idnumber

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// The valid numbers below were computed by hand with the GB 11643 and
// GB 32100 algorithms; the first of each is the standard's own example.
var idToday = calendar.NewDate(2026, 11, 27)

func TestParseResident(t *testing.T) {
	valid := []struct {
		in, number, birth string
		female            bool
	}{
		{"11010519491231002X", "11010519491231002X", "1949-12-31", true},
		{" 11010519491231002x ", "11010519491231002X", "1949-12-31", true},
		{"440524188001010014", "440524188001010014", "1880-01-01", false},
		{"510108200002291239", "510108200002291239", "2000-02-29", false},
		{"810000198506150020", "810000198506150020", "1985-06-15", true},
		{"110101202611270011", "110101202611270011", "2026-11-27", false},
	}
	for _, tt := range valid {
		id, err := ParseResident(tt.in, idToday)
		if err != nil {
			t.Errorf("ParseResident(%q): %v", tt.in, err)
			continue
		}
		if id.Number != tt.number || id.Birth.String() != tt.birth || id.Female() != tt.female {
			t.Errorf("ParseResident(%q) = %+v female=%v", tt.in, id, id.Female())
		}
	}
	invalid := []struct{ in, want string }{
		{"", "应为 18 位，实际 0 位"},
		{"11010519491231002", "应为 18 位，实际 17 位"},
		{"11010519491231002X1", "应为 18 位，实际 19 位"},
		{"11010519491231002Ｘ", "第 18 位只能是数字或 X，而不是 'Ｘ'"},
		{"1101051949123100AX", "前 17 位只能是数字，第 17 位"},
		{"11010519491231002Y", "第 18 位只能是数字或 X"},
		{"110105194912310021", "校验码不正确"},
		{"00010119900101001X", "行政区划代码 000101 不存在"},
		{"510108200102291236", "出生日期 20010229 不是有效日期"},
		{"110101199013010012", "出生日期 19901301 不是有效日期"},
		{"110101202611280017", "出生日期 2026-11-28 不合理"},
		{"110101187001010017", "出生日期 1870-01-01 不合理"},
	}
	for _, tt := range invalid {
		_, err := ParseResident(tt.in, idToday)
		if !errors.Is(err, errs.ErrInvalid) || !strings.HasPrefix(errs.Message(err), "居民身份证号码无效：") || !strings.Contains(errs.Message(err), tt.want) {
			t.Errorf("ParseResident(%q) error = %v, want an invalid-input error containing %q", tt.in, err, tt.want)
		}
	}
}

func TestResidentAge(t *testing.T) {
	id, err := ParseResident("11010519491231002X", idToday)
	if err != nil {
		t.Fatal(err)
	}
	for on, want := range map[string]int{"2026-11-27": 76, "2026-12-31": 77, "1949-12-31": 0, "1950-12-30": 0} {
		d, _ := calendar.ParseDate(on)
		if got := id.Age(d); got != want {
			t.Errorf("Age(%s) = %d, want %d", on, got, want)
		}
	}
}

func TestParseCreditCode(t *testing.T) {
	valid := map[string]string{
		"91350100M000100Y43":   "91350100M000100Y43",
		"91110000600037341L":   "91110000600037341L",
		"12100000400000891N":   "12100000400000891N",
		"53100000500021676K":   "53100000500021676K",
		" 91440300ma5f00001a ": "91440300MA5F00001A",
	}
	for in, want := range valid {
		if got, err := ParseCreditCode(in); err != nil || got != want {
			t.Errorf("ParseCreditCode(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	invalid := []struct{ in, want string }{
		{"91350100M000100Y4", "应为 18 位，实际 17 位"},
		{"91350100M000100Y432", "应为 18 位，实际 19 位"},
		{"91350100M000100Y44", "校验码不正确"},
		{"91350100M000100I43", "第 16 位 'I' 不是允许的字符"},
		{"91350100O000100Y43", "第 9 位 'O' 不是允许的字符"},
		{"91A50100M000100Y42", "第 3—8 位应为行政区划代码"},
		{"91350100M000100Y4-", "第 18 位 '-' 不是允许的字符"},
		{"913501００M000100Y43", "第 7 位 '０' 不是允许的字符"},
	}
	for _, tt := range invalid {
		_, err := ParseCreditCode(tt.in)
		if !errors.Is(err, errs.ErrInvalid) || !strings.HasPrefix(errs.Message(err), "统一社会信用代码无效：") || !strings.Contains(errs.Message(err), tt.want) {
			t.Errorf("ParseCreditCode(%q) error = %v, want an invalid-input error containing %q", tt.in, err, tt.want)
		}
	}
}

func FuzzParseResident(f *testing.F) {
	f.Add("11010519491231002X")
	f.Add("440524188001010014")
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseResident(s, idToday)
		if err != nil {
			return
		}
		if len(id.Number) != 18 || id.Birth.After(idToday) {
			t.Fatalf("accepted %q as %+v", s, id)
		}
		// Changing any one of the first 17 digits must break the checksum.
		b := []byte(id.Number)
		b[16] = '0' + (b[16]-'0'+1)%10
		if _, err := ParseResident(string(b), idToday); err == nil {
			t.Fatalf("accepted %q after changing a digit of %q", b, id.Number)
		}
	})
}

func FuzzParseCreditCode(f *testing.F) {
	f.Add("91350100M000100Y43")
	f.Fuzz(func(t *testing.T, s string) {
		code, err := ParseCreditCode(s)
		if err != nil {
			return
		}
		if len(code) != 18 || strings.ContainsAny(code, "IOSVZ") {
			t.Fatalf("accepted %q as %q", s, code)
		}
	})
}
