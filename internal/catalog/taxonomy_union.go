package catalog

import (
	"bytes"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// UnionTaxonomy merges taxonomies of one kind, one per agency, into the
// list a filter across agencies offers, so that a class any agency added
// can be searched for everywhere.
//
// Each code appears once, with the label of the first taxonomy that holds
// it (the store passes agencies in id order). The codes of DefaultTaxonomy
// come first, in its order, where readers of every agency look for them;
// the other codes follow in the pinyin order of their labels (Chinese
// collation), so a reader finds a class where the alphabet puts it. Two
// codes with the same label keep the order of the taxonomies, and the
// later one shows its code in brackets: a filter matches codes, not labels.
func UnionTaxonomy(kind TaxonomyKind, ts []Taxonomy) Taxonomy {
	label := map[string]string{}
	var own []TaxonomyEntry
	for _, t := range ts {
		for _, e := range t.Entries {
			if _, ok := label[e.Code]; ok {
				continue
			}
			label[e.Code] = e.Label
			own = append(own, e)
		}
	}
	out, defaults := Taxonomy{Kind: kind}, DefaultTaxonomy(kind)
	for _, d := range defaults.Entries {
		if l, ok := label[d.Code]; ok {
			out.Entries = append(out.Entries, TaxonomyEntry{Code: d.Code, Label: l})
		}
	}
	own = slices.DeleteFunc(own, func(e TaxonomyEntry) bool { return defaults.Has(e.Code) })
	// Sort by collation keys, made once per label: comparing strings with
	// the collator costs a key per comparison.
	byPinyin, buf := collate.New(language.Chinese), &collate.Buffer{}
	keyed := make([]keyedEntry, len(own))
	for i, e := range own {
		keyed[i] = keyedEntry{e, byPinyin.KeyFromString(buf, e.Label)}
	}
	slices.SortStableFunc(keyed, func(a, b keyedEntry) int { return bytes.Compare(a.key, b.key) })
	for _, k := range keyed {
		out.Entries = append(out.Entries, k.TaxonomyEntry)
	}
	seen := map[string]bool{}
	for i := range out.Entries {
		e := &out.Entries[i]
		if seen[e.Label] {
			e.Label += "（" + e.Code + "）"
		}
		seen[e.Label] = true
	}
	return out
}

// keyedEntry is an entry with the collation key of its label.
type keyedEntry struct {
	TaxonomyEntry
	key []byte
}
