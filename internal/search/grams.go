package search

import (
	"strings"
	"unicode/utf8"
)

// PostgreSQL finds candidates in a second index beside the positional one:
// the grams of a text, every distinct Han character, bigram and trigram
// and every word, without positions. GIN answers a term of up to three
// Han characters exactly from one gram, and a longer phrase from its
// trigrams, whose posting lists hold about the phrase's own matches: the
// bigrams of a frequent phrase (行政 and 许可 of 行政许可) are each in most
// texts, and intersecting their lists reads them all. Only a phrase of
// four characters or more is then checked against the positions.

// Grams returns the grams of texts already cut into index tokens (Join,
// Chunks): each once, joined by spaces.
func Grams(joined ...string) string {
	var set tokenSet
	add := set.add
	for _, text := range joined {
		toks := strings.Fields(text)
		for i, tok := range toks {
			first, size := utf8.DecodeRuneInString(tok)
			if !isHan(first) {
				add(tok)
				continue
			}
			add(tok[:size])
			if len(tok) == size {
				continue // a run's final character
			}
			add(tok)
			// A bigram is always followed by the next character's token
			// of the same run (Tokens): a bigram there makes a trigram.
			if i+1 < len(toks) {
				next := toks[i+1]
				if r, n := utf8.DecodeRuneInString(next); len(next) > n && isHan(r) {
					add(tok + next[n:])
				}
			}
		}
	}
	return set.b.String()
}

// Grams returns the grams a term needs (see Grams): its word, its Han
// characters' own gram for up to three of them, or the trigrams of a
// longer phrase.
func (t Term) Grams() []string {
	text := []rune(t.Text)
	switch {
	case len(text) == 0 || !isHan(text[0]) || len(text) <= 2:
		return t.Tokens
	case len(text) == 3:
		return []string{t.Text}
	}
	out := make([]string, 0, len(text)-2)
	for i := 0; i+3 <= len(text); i++ {
		out = append(out, string(text[i:i+3]))
	}
	return out
}

// Phrase reports whether the term is a phrase its grams do not answer
// exactly: four Han characters or more, whose trigrams could be apart, or
// a word long enough to be cut in several tokens.
func (t Term) Phrase() bool {
	text := []rune(t.Text)
	if len(text) == 0 {
		return len(t.Tokens) > 1
	}
	return isHan(text[0]) && len(text) > 3 || !isHan(text[0]) && len(t.Tokens) > 1
}

// GramsQuery returns the query for PostgreSQL to_tsquery('simple', …) over
// the grams: every gram of every term, joined by &.
func (q Query) GramsQuery() string {
	var parts []string
	for _, t := range q.Terms {
		for _, g := range t.Grams() {
			parts = append(parts, "'"+g+"'")
		}
	}
	return strings.Join(parts, " & ")
}

// Exact reports whether the grams answer the query without the positions:
// whether it has no phrase of four Han characters or more.
func (q Query) Exact() bool {
	for _, t := range q.Terms {
		if t.Phrase() {
			return false
		}
	}
	return true
}
