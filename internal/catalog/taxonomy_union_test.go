package catalog

import (
	"reflect"
	"testing"
)

func TestUnionTaxonomy(t *testing.T) {
	e := func(code, label string) TaxonomyEntry { return TaxonomyEntry{Code: code, Label: label} }
	theme := func(es ...TaxonomyEntry) Taxonomy { return Taxonomy{ThemeKind, es} }
	defaults := DefaultTaxonomy(ThemeKind)
	tests := []struct {
		name string
		in   []Taxonomy
		want []TaxonomyEntry
	}{
		{"every agency on the defaults", []Taxonomy{defaults, defaults}, defaults.Entries},
		{"none", nil, nil},
		{
			// Defaults first in their own order whatever order the agency
			// keeps them in; the rest by pinyin: 安 an, 卫 wei, 征 zheng.
			"own classes after the defaults, by pinyin",
			[]Taxonomy{theme(e("征地", "征地拆迁"), e("其他", "其他"), e("ws", "卫生健康"), e("政务公开", "政务公开"), e("aq", "安全生产"))},
			[]TaxonomyEntry{e("政务公开", "政务公开"), e("其他", "其他"), e("aq", "安全生产"), e("ws", "卫生健康"), e("征地", "征地拆迁")},
		},
		{
			"a code once, with the first agency's label",
			[]Taxonomy{theme(e("其他", "其他事项"), e("ws", "卫生健康")), theme(e("其他", "其他"), e("ws", "卫生与健康"))},
			[]TaxonomyEntry{e("其他", "其他事项"), e("ws", "卫生健康")},
		},
		{
			"one label under two codes is told apart",
			[]Taxonomy{theme(e("pf", "批复")), theme(e("批复", "批复"), e("其他", "其他"))},
			[]TaxonomyEntry{e("其他", "其他"), e("pf", "批复"), e("批复", "批复（批复）")},
		},
		{
			"equal labels under the defaults keep the default plain",
			[]Taxonomy{theme(e("qt", "其他")), defaults},
			append(append([]TaxonomyEntry{}, defaults.Entries...), e("qt", "其他（qt）")),
		},
	}
	for _, tt := range tests {
		got := UnionTaxonomy(ThemeKind, tt.in)
		if got.Kind != ThemeKind || !reflect.DeepEqual(got.Entries, tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got.Entries, tt.want)
		}
	}
	// Genres keep their defaults (规章 first) before an agency's own.
	g := UnionTaxonomy(GenreKind, []Taxonomy{{GenreKind, []TaxonomyEntry{e("pf", "批复"), e(GenreNormative, "规范性文件"), e(GenreRule, "政府规章")}}})
	if want := []TaxonomyEntry{e(GenreRule, "政府规章"), e(GenreNormative, "规范性文件"), e("pf", "批复")}; !reflect.DeepEqual(g.Entries, want) {
		t.Errorf("genres: got %v, want %v", g.Entries, want)
	}
}
