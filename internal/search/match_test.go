package search

import (
	"strings"
	"testing"
	"time"
)

func TestMatchExpressions(t *testing.T) {
	q, err := Parse("许 行政许可")
	if err != nil {
		t.Fatal(err)
	}
	m := Match{Query: q}
	m.Filter(AgencyToken(7))
	m.Filter(ColumnToken(3), ColumnToken(4))
	m.Filter() // no alternatives: no filter
	if got, want := m.FTS5(), `("zzagency7") AND ("zzcolumn3" OR "zzcolumn4") AND ("许" * AND "行政 政许 许可")`; got != want {
		t.Errorf("FTS5 = %s\nwant %s", got, want)
	}
	want := `('zzagency7') & ('zzcolumn3' | 'zzcolumn4') & ('许' & ('行政' <-> '政许' <-> '许可'))`
	if got := m.TSQuery(); got != want {
		t.Errorf("TSQuery = %s\nwant %s", got, want)
	}
	if got := (Match{Filters: [][]string{{"zzagency1"}}}).FTS5(); got != `("zzagency1")` {
		t.Errorf("filters alone: %s", got)
	}
}

func TestFilterTokens(t *testing.T) {
	toks := []string{TopicToken("行政审批"), TopicToken("政务公开"), GenreToken("行政审批"), ValidityToken("valid"), ColumnToken(12)}
	seen := map[string]bool{}
	for _, tok := range toks {
		// Each must survive tokenising as one word, or the index would split it.
		if got := Tokens(tok); len(got) != 1 || got[0] != tok || !strings.HasPrefix(tok, "zz") {
			t.Errorf("token %q tokenises as %q", tok, got)
		}
		if seen[tok] {
			t.Errorf("token %q repeats", tok)
		}
		seen[tok] = true
	}
	if TopicToken("行政审批") != toks[0] {
		t.Error("a topic's token is not stable")
	}
}

func TestSortKey(t *testing.T) {
	at := time.Date(2020, 5, 1, 8, 0, 0, 0, time.UTC)
	k1, err := SortKey(at, 42)
	if err != nil || KeyID(k1) != 42 {
		t.Fatalf("SortKey: %d, %v", k1, err)
	}
	k2, _ := SortKey(at, 43)
	k3, _ := SortKey(at.Add(time.Second), 1)
	if !(k1 < k2 && k2 < k3) {
		t.Errorf("keys do not order by date, then id: %d %d %d", k1, k2, k3)
	}
	if _, err := SortKey(at, MaxKeyID+1); err == nil {
		t.Error("an id beyond the key's bits was accepted")
	}
	if k, _ := SortKey(time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), 5); k != 5 {
		t.Errorf("a date before 1970: %d", k)
	}
	lo, hi := KeyRange(at, at.Add(time.Second))
	if !(lo <= k1 && k2 <= hi && k3 > hi) {
		t.Errorf("range [%d, %d] for %d %d %d", lo, hi, k1, k2, k3)
	}
	if lo, hi := KeyRange(time.Time{}, time.Time{}); lo != 0 || hi < k3 {
		t.Errorf("open range [%d, %d]", lo, hi)
	}
}
