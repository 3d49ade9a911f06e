package search

import (
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/errs"
)

// Term is one part of a query: a phrase of tokens that must appear in
// order, or a single token that may be a prefix.
type Term struct {
	Tokens []string
	Prefix bool
	// Text is what the user typed for this term, for highlighting.
	Text string
}

// Query is a parsed search: every term must match.
type Query struct {
	Terms []Term
}

// MaxQuery bounds the length of a query in characters.
const MaxQuery = 100

// Parse reads what a user typed. Each Han run becomes a term: one
// character a prefix (it finds the bigrams it starts and its unigram), two
// characters one bigram, n characters the phrase of their n−1 bigrams.
// Words and numbers are exact tokens. Punctuation separates terms, so a
// 文号 such as 长政发〔2020〕12号 becomes 长政发, 2020, 12 and 号.
func Parse(q string) (Query, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return Query{}, errs.Invalid("请输入检索词")
	}
	if utf8.RuneCountInString(q) > MaxQuery {
		return Query{}, errs.Invalid("检索词不能超过 %d 个字", MaxQuery)
	}
	var out Query
	for _, r := range runs(q) {
		t := Term{Text: string(r.text)}
		switch {
		case !r.han:
			t.Tokens = appendRun(nil, r)
		case len(r.text) == 1:
			t.Tokens, t.Prefix = []string{string(r.text)}, true
		default:
			for i := 0; i+1 < len(r.text); i++ {
				t.Tokens = append(t.Tokens, string(r.text[i:i+2]))
			}
		}
		out.Terms = append(out.Terms, t)
	}
	if len(out.Terms) == 0 {
		return Query{}, errs.Invalid("检索词中没有可检索的文字或数字")
	}
	return out, nil
}

// FTS5 returns the query in SQLite FTS5 syntax: terms joined by AND, each a
// quoted phrase, a one-character term with the prefix operator.
func (q Query) FTS5() string {
	parts := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		parts[i] = `"` + strings.Join(t.Tokens, " ") + `"`
		if t.Prefix {
			parts[i] += " *"
		}
	}
	return strings.Join(parts, " AND ")
}

// TSQuery returns the query for PostgreSQL to_tsquery('simple', …): terms
// joined by &, phrases with <->. A one-character term is that character's
// own token (PostgreSQL indexes every Han character, see Chars), which
// finds what FTS5's prefix finds: every character of a Han run starts a
// bigram or is the run's final unigram. Tokens hold only letters and
// digits, so quoting them is safe.
func (q Query) TSQuery() string {
	parts := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		toks := make([]string, len(t.Tokens))
		for j, tok := range t.Tokens {
			toks[j] = "'" + tok + "'"
		}
		parts[i] = strings.Join(toks, " <-> ")
		if len(toks) > 1 {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, " & ")
}
