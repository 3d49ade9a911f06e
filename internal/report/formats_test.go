package report

import (
	"slices"
	"strings"
	"testing"
)

// TestFormatRegistry checks each registered format is complete and agrees
// with its own layout, so a new entry cannot be half filled in.
func TestFormatRegistry(t *testing.T) {
	names := map[string]Format{}
	prevYear := 0
	for i, s := range Formats() {
		if s.Format == "" || s.Name == "" || s.FullName == "" || s.Layout == nil {
			t.Fatalf("format %d (%q) lacks a name, full name or layout", i, s.Format)
		}
		if s.Layout.Format != s.Format {
			t.Errorf("%s: layout is of format %s", s.Format, s.Layout.Format)
		}
		for _, n := range []string{string(s.Format), s.Name, s.FullName} {
			if other, ok := names[n]; ok {
				t.Errorf("%s: name %q is also %s's", s.Format, n, other)
			}
			names[n] = s.Format
		}
		if s.FromYear <= prevYear {
			t.Errorf("%s: FromYear %d not after the previous format's %d", s.Format, s.FromYear, prevYear)
		}
		prevYear = s.FromYear
		if got, ok := SpecOf(s.Format); !ok || got.Format != s.Format {
			t.Errorf("SpecOf(%s) = %v, %v", s.Format, got, ok)
		}
		if FormatForYear(s.FromYear) != s.Format {
			t.Errorf("FormatForYear(%d) = %s, want %s", s.FromYear, FormatForYear(s.FromYear), s.Format)
		}
		outcomes := map[string]bool{}
		for _, k := range s.Layout.Outcomes {
			outcomes[k] = true
		}
		for from, to := range s.Folds {
			if outcomes[from] || !outcomes[to] {
				t.Errorf("%s: folds %q (a row: %v) into %q (a row: %v)", s.Format, from, outcomes[from], to, outcomes[to])
			}
		}
		for _, r := range s.CrossYear {
			if crossYearRules[r] == nil {
				t.Errorf("%s: unknown cross-year rule %q", s.Format, r)
			}
		}
		if len(s.Signals) == 0 {
			t.Errorf("%s: no signals to detect it by", s.Format)
		}
		for _, row := range s.Layout.Proactive {
			if !CatalogRows[row.Key] {
				continue
			}
			d := s.Documents
			var keys []string
			for _, k := range []string{d.Made, d.Published, d.Repealed, d.InForce, d.Total} {
				if k != "" {
					keys = append(keys, k)
				}
			}
			var cols []string
			for _, c := range row.Columns {
				cols = append(cols, c.Key)
			}
			slices.Sort(keys)
			slices.Sort(cols)
			if strings.Join(keys, ",") != strings.Join(cols, ",") {
				t.Errorf("%s: document columns %v, row %s has %v", s.Format, keys, row.Key, cols)
			}
		}
		d := s.DraftDocuments
		if strings.Count(d.Text, "%g") != 2*len(d.Columns) || len(d.NonZero) == 0 {
			t.Errorf("%s: draft sentence %q takes %d figures, has %d columns", s.Format, d.Text, strings.Count(d.Text, "%g"), 2*len(d.Columns))
		}
	}
	if _, ok := SpecOf("1999"); ok {
		t.Error("SpecOf of an unknown format succeeded")
	}
	if FormatForYear(2010) != Formats()[0].Format {
		t.Error("years before every format should take the oldest")
	}
}

// TestFormatBySignals tells each format from its own signals and refuses
// to choose on a tie.
func TestFormatBySignals(t *testing.T) {
	for _, s := range Formats() {
		if f, ok := FormatBySignals(strings.Join(s.Signals, "|")); !ok || f != s.Format {
			t.Errorf("signals of %s read as %q, %v", s.Format, f, ok)
		}
	}
	a, b := Formats()[0], Formats()[1]
	tables := a.Signals[0] + b.Signals[0]
	if f, ok := FormatBySignals(tables); ok {
		t.Errorf("a tie read as %s", f)
	}
	if f, ok := FormatBySignals("规章"); ok {
		t.Errorf("no signal read as %s", f)
	}
}

// TestFormatFold: the 2019 format counts the three 其他处理 outcomes in one
// row; the 2021 format counts each in its own.
func TestFormatFold(t *testing.T) {
	s19, _ := SpecOf(Format2019)
	s21, _ := SpecOf(Format2021)
	for _, k := range []string{"other.no_correction", "other.fee_unpaid", "other.other"} {
		if got := s19.Fold(k); got != "other" {
			t.Errorf("2019 folds %s into %s", k, got)
		}
		if got := s21.Fold(k); got != k {
			t.Errorf("2021 folds %s into %s", k, got)
		}
	}
	if got := s19.Fold("disclosed"); got != "disclosed" {
		t.Errorf("2019 folds disclosed into %s", got)
	}
}
