package catalog

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/errs"
)

func TestDefaultTaxonomy(t *testing.T) {
	for _, k := range TaxonomyKinds {
		d := DefaultTaxonomy(k)
		if err := d.Validate(); err != nil {
			t.Fatalf("default %s: %v", k, err)
		}
	}
	g := DefaultTaxonomy(GenreKind)
	if len(g.Entries) != len(Genres) || g.Entries[0].Code != GenreRule || !g.Has(GenreNormative) {
		t.Fatalf("default genres: %+v", g.Entries)
	}
	if th := DefaultTaxonomy(ThemeKind); th.Entries[0].Label != Topics[0] || th.Has(GenreRule) {
		t.Fatalf("default themes: %+v", th.Entries)
	}
}

func TestTaxonomyValidate(t *testing.T) {
	e := func(code, label string) TaxonomyEntry { return TaxonomyEntry{Code: code, Label: label} }
	rule, norm := e(GenreRule, "规章"), e(GenreNormative, "规范性文件")
	many := make([]TaxonomyEntry, MaxTaxonomyEntries+1)
	for i := range many {
		many[i] = e(strings.Repeat("a", i%10+1)+string(rune('A'+i/10)), strings.Repeat("甲", i%10+1)+string(rune('A'+i/10)))
	}
	tests := []struct {
		name string
		tax  Taxonomy
		bad  string // part of the message; "" when valid
	}{
		{"ok theme", Taxonomy{ThemeKind, []TaxonomyEntry{e("zw", "综合政务"), e("qt", " 其他 ")}}, ""},
		{"ok genre renamed", Taxonomy{GenreKind, []TaxonomyEntry{e(GenreRule, "政府规章"), norm}}, ""},
		{"unknown kind", Taxonomy{"colour", []TaxonomyEntry{e("a", "甲")}}, "种类"},
		{"empty", Taxonomy{ThemeKind, nil}, "至少"},
		{"too many", Taxonomy{ThemeKind, many}, "不能超过"},
		{"blank label", Taxonomy{ThemeKind, []TaxonomyEntry{e("a", "  ")}}, "缺少"},
		{"blank code", Taxonomy{ThemeKind, []TaxonomyEntry{e("", "甲")}}, "缺少"},
		{"long code", Taxonomy{ThemeKind, []TaxonomyEntry{e(strings.Repeat("a", MaxTaxonomyCode+1), "甲")}}, "代码不能超过"},
		{"long label", Taxonomy{ThemeKind, []TaxonomyEntry{e("a", strings.Repeat("甲", MaxTaxonomyLabel+1))}}, "名称不能超过"},
		{"control", Taxonomy{ThemeKind, []TaxonomyEntry{e("a", "甲\x07乙")}}, "控制字符"},
		{"bad utf8", Taxonomy{ThemeKind, []TaxonomyEntry{e("a\xff", "甲")}}, "控制字符"},
		{"dup code", Taxonomy{ThemeKind, []TaxonomyEntry{e("a", "甲"), e("a ", "乙")}}, "代码重复"},
		{"dup label", Taxonomy{ThemeKind, []TaxonomyEntry{e("a", "甲"), e("b", "甲")}}, "名称重复"},
		{"genre without rules", Taxonomy{GenreKind, []TaxonomyEntry{norm, e("tz", "通知")}}, "规章"},
		{"genre without normative", Taxonomy{GenreKind, []TaxonomyEntry{rule}}, "规范性文件"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.tax.Validate()
			if tt.bad == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				for _, en := range tt.tax.Entries {
					if en.Label != strings.TrimSpace(en.Label) {
						t.Fatalf("label not trimmed: %q", en.Label)
					}
				}
				return
			}
			if !errors.Is(err, errs.ErrInvalid) || !strings.Contains(err.Error(), tt.bad) {
				t.Fatalf("want invalid with %q, got %v", tt.bad, err)
			}
		})
	}
}

func TestTaxonomyLabel(t *testing.T) {
	tax := Taxonomy{ThemeKind, []TaxonomyEntry{{"zw", "综合政务"}}}
	if tax.Label("zw") != "综合政务" || tax.Label("旧分类") != "旧分类" || !tax.Has("zw") || tax.Has("x") {
		t.Fatal("label lookup")
	}
	if tax.Code("综合政务") != "zw" || tax.Code("zw") != "zw" || tax.Code("旧分类") != "旧分类" {
		t.Fatal("code lookup")
	}
	if got := tax.Codes(); len(got) != 1 || got[0] != "zw" {
		t.Fatalf("codes %v", got)
	}
}
