package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/errs"
)

// TaxonomyKind names one of an agency's classifications of its items.
type TaxonomyKind string

// The two classifications Chinese government catalogs print for an item.
const (
	ThemeKind TaxonomyKind = "theme" // 主题分类
	GenreKind TaxonomyKind = "genre" // 体裁分类
)

// TaxonomyKinds lists the kinds in the order pages show them.
var TaxonomyKinds = []TaxonomyKind{ThemeKind, GenreKind}

// Label returns the Chinese name of the kind.
func (k TaxonomyKind) Label() string {
	switch k {
	case ThemeKind:
		return "主题分类"
	case GenreKind:
		return "体裁分类"
	}
	return string(k)
}

// Known reports whether k is one of the defined kinds.
func (k TaxonomyKind) Known() bool { return k == ThemeKind || k == GenreKind }

// Limits of a taxonomy, so that selects and metadata tables stay readable.
const (
	MaxTaxonomyEntries = 100
	MaxTaxonomyCode    = 20
	MaxTaxonomyLabel   = 30
)

// TaxonomyEntry is one class: the code items store, which never changes
// once items use it, and the label pages show, which an agency may rename.
type TaxonomyEntry struct {
	Code  string
	Label string
}

// Taxonomy is an agency's ordered list of classes of one kind.
type Taxonomy struct {
	Kind    TaxonomyKind
	Entries []TaxonomyEntry
}

// DefaultTaxonomy returns the classes every agency starts with: the lists
// Topics and Genres, each label its own code, which is also what items
// stored before taxonomies were configurable hold.
func DefaultTaxonomy(kind TaxonomyKind) Taxonomy {
	list := Topics
	if kind == GenreKind {
		list = Genres
	}
	t := Taxonomy{Kind: kind, Entries: make([]TaxonomyEntry, len(list))}
	for i, s := range list {
		t.Entries[i] = TaxonomyEntry{Code: s, Label: s}
	}
	return t
}

// reservedGenres are the genre codes part 二 of the annual report counts;
// removing them would silently empty that table.
var reservedGenres = []string{GenreRule, GenreNormative}

// Validate trims the entries and checks the taxonomy: a known kind, at
// least one and at most MaxTaxonomyEntries entries, codes and labels
// present, unique, short and free of control characters, and the genres
// the annual report counts kept.
func (t *Taxonomy) Validate() error {
	if !t.Kind.Known() {
		return errs.Invalid("分类种类无效")
	}
	name := t.Kind.Label()
	if len(t.Entries) == 0 {
		return errs.Invalid("%s至少要有一项", name)
	}
	if len(t.Entries) > MaxTaxonomyEntries {
		return errs.Invalid("%s不能超过 %d 项", name, MaxTaxonomyEntries)
	}
	codes, labels := map[string]bool{}, map[string]bool{}
	for i := range t.Entries {
		e := &t.Entries[i]
		e.Code, e.Label = strings.TrimSpace(e.Code), strings.TrimSpace(e.Label)
		if e.Code == "" || e.Label == "" {
			return errs.Invalid("%s第 %d 项缺少代码或名称", name, i+1)
		}
		if utf8.RuneCountInString(e.Code) > MaxTaxonomyCode {
			return errs.Invalid("%s代码不能超过 %d 字：%s", name, MaxTaxonomyCode, e.Code)
		}
		if utf8.RuneCountInString(e.Label) > MaxTaxonomyLabel {
			return errs.Invalid("%s名称不能超过 %d 字：%s", name, MaxTaxonomyLabel, e.Label)
		}
		if !printable(e.Code) || !printable(e.Label) {
			return errs.Invalid("%s第 %d 项含有控制字符或无效字符", name, i+1)
		}
		if codes[e.Code] {
			return errs.Invalid("%s代码重复：%s", name, e.Code)
		}
		if labels[e.Label] {
			return errs.Invalid("%s名称重复：%s", name, e.Label)
		}
		codes[e.Code], labels[e.Label] = true, true
	}
	if t.Kind == GenreKind {
		for _, c := range reservedGenres {
			if !codes[c] {
				return errs.Invalid("体裁分类必须保留代码为「%s」的一项（年度报告第二部分按它统计），可以改名", c)
			}
		}
	}
	return nil
}

// printable reports whether s is valid UTF-8 without control characters.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// Has reports whether code is one of the taxonomy's entries.
func (t Taxonomy) Has(code string) bool {
	for _, e := range t.Entries {
		if e.Code == code {
			return true
		}
	}
	return false
}

// Label returns the label of code, or code itself when the taxonomy does
// not hold it (an item imported with a class the agency never defined).
func (t Taxonomy) Label(code string) string {
	for _, e := range t.Entries {
		if e.Code == code {
			return e.Label
		}
	}
	return code
}

// Codes returns the codes of the entries, in order.
func (t Taxonomy) Codes() []string {
	out := make([]string, len(t.Entries))
	for i, e := range t.Entries {
		out[i] = e.Code
	}
	return out
}

// Code returns the code a file or form means by s: s itself when it is a
// code, else the code of the entry labelled s, else s unchanged (a class
// the agency never defined, kept as written).
func (t Taxonomy) Code(s string) string {
	if t.Has(s) {
		return s
	}
	for _, e := range t.Entries {
		if e.Label == s {
			return e.Code
		}
	}
	return s
}
