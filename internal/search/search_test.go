package search

import (
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"行政许可", "行政 政许 许可 可"},
		{"长政发〔2020〕12号", "长政 政发 发 2020 12 号"},
		{"ＡＢＣ１２３ 公开", "abc123 公开 开"},
		{"许", "许"},
		{"GB/T 7714", "gb t 7714"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Join(tt.in); got != tt.want {
			t.Errorf("Join(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestChars(t *testing.T) {
	tests := []struct{ in, want string }{
		{"行政许可，许可证", "行 政 许 可 证"},
		{"长政发〔2020〕12号", "长 政 发 号"},
		{"GB/T 7714", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Chars(tt.in); got != tt.want {
			t.Errorf("Chars(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct{ in, fts, ts string }{
		{"许", `"许" *`, `'许'`},
		{"公开", `"公开"`, `'公开'`},
		{"行政许可", `"行政 政许 许可"`, `('行政' <-> '政许' <-> '许可')`},
		{"长政发〔2020〕12号", `"长政 政发" AND "2020" AND "12" AND "号" *`, `('长政' <-> '政发') & '2020' & '12' & '号'`},
		{"Ａ'B", `"a" AND "b"`, `'a' & 'b'`},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		if got := q.FTS5(); got != tt.fts {
			t.Errorf("FTS5(%q) = %s, want %s", tt.in, got, tt.fts)
		}
		if got := q.TSQuery(); got != tt.ts {
			t.Errorf("TSQuery(%q) = %s, want %s", tt.in, got, tt.ts)
		}
	}
	for _, bad := range []string{"", "  ", "〔〕！", strings.Repeat("字", MaxQuery+1)} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func TestAgencyFilter(t *testing.T) {
	q, _ := Parse("许可")
	m := Match{Query: q}
	m.Filter(AgencyToken(12))
	if m.FTS5() != `("zzagency12") AND ("许可")` || m.TSQuery() != `('zzagency12') & ('许可')` || len(m.Query.Terms) != 1 {
		t.Fatalf("agency filter: %s / %s", m.FTS5(), m.TSQuery())
	}
	// The filter is not a term of the query, so it is never highlighted.
	if got := Snippet("前文许可", m.Query); got != "前文<mark>许可</mark>" {
		t.Fatalf("Snippet with the agency filter: %s", got)
	}
}

func TestChunks(t *testing.T) {
	text := strings.Repeat("政府信息公开", 5000) // 30000 characters
	chunks := Chunks(text)
	if len(chunks) != 3 {
		t.Fatalf("%d chunks", len(chunks))
	}
	total := 0
	for _, c := range chunks {
		n := len(strings.Fields(c))
		if n > ChunkTokens {
			t.Fatalf("chunk of %d tokens", n)
		}
		total += n
	}
	if want := 30000 + (len(chunks)-1)*ChunkOverlap; total != want {
		t.Fatalf("%d tokens over the chunks, want %d", total, want)
	}
}

func TestSnippet(t *testing.T) {
	q, _ := Parse("许可 <b>")
	got := Snippet("关于行政许可事项的通知 <b>粗体</b>", q)
	if got != "关于行政<mark>许可</mark>事项的通知 &lt;<mark>b</mark>&gt;粗体&lt;/<mark>b</mark>&gt;" {
		t.Fatalf("Snippet = %s", got)
	}
	long := strings.Repeat("前文", 100) + "许可" + strings.Repeat("后文", 100)
	got = Snippet(long, q)
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "<mark>许可</mark>") {
		t.Fatalf("long Snippet = %s", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"许", "长政发〔2020〕12号", "a'b", "\"*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			return
		}
		for _, term := range q.Terms {
			for _, tok := range append(term.Tokens, term.Grams()...) {
				if tok == "" || strings.ContainsAny(tok, `'"*:&|!()<> `) {
					t.Fatalf("token or gram %q of %q would break a query", tok, s)
				}
			}
		}
	})
}

func TestGrams(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{Join("行政许可")}, "行 行政 行政许 政 政许 政许可 许 许可 可"},
		{[]string{Join("长政发〔2020〕12号")}, "长 长政 长政发 政 政发 发 2020 12 号"},
		// Runs apart make no trigram: 许可 ends one, 证 starts the next.
		{[]string{Join("许可，证明")}, "许 许可 可 证 证明 明"},
		// Several texts (title, chunk, filter tokens) share their grams.
		{[]string{Join("公开"), Join("公开") + " zzagency1"}, "公 公开 开 zzagency1"},
		{[]string{""}, ""},
	}
	for _, tt := range tests {
		if got := Grams(tt.in...); got != tt.want {
			t.Errorf("Grams(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGramsQuery(t *testing.T) {
	tests := []struct {
		in, want string
		exact    bool
	}{
		{"许", `'许'`, true},
		{"公开", `'公开'`, true},
		{"政务公", `'政务公'`, true},
		{"行政许可", `'行政许' & '政许可'`, false},
		{"长政发〔2020〕12号", `'长政发' & '2020' & '12' & '号'`, true},
		{"一网通办 Ａ", `'一网通' & '网通办' & 'a'`, false},
		{strings.Repeat("x", MaxWord+1), `'` + strings.Repeat("x", MaxWord) + `' & 'x'`, false},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		if got := q.GramsQuery(); got != tt.want {
			t.Errorf("GramsQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if q.Exact() != tt.exact {
			t.Errorf("Exact(%q) = %v, want %v", tt.in, q.Exact(), tt.exact)
		}
	}
	q, _ := Parse("行政许可")
	m := Match{Query: q}
	m.Filter(AgencyToken(3))
	if got := m.GramsQuery(); got != `('zzagency3') & ('行政许' & '政许可')` {
		t.Errorf("Match.GramsQuery = %s", got)
	}
}
