// Package search is the Chinese full-text search of the catalog without a
// search server: text is cut into overlapping Han bigrams (each Han
// character starts a token: the bigram with the next Han character, or a
// unigram at the end of a run) and ASCII words, joined by spaces, so that
// SQLite FTS5 (unicode61) and PostgreSQL to_tsvector('simple', …) index the
// same tokens (PostgreSQL also each Han character, see Chars, and finds
// candidates by their grams, see Grams). Queries are built for both
// engines from one parse. A larger deployment can feed the
// same tokens, or the raw text, to a search server (OpenSearch,
// Meilisearch) behind the store's search method.
package search

import (
	"strings"
	"unicode"
)

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// fold turns full-width ASCII (２０２０, ＡＢ) into half-width and upper case
// into lower case, so that both spellings find each other.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	return unicode.ToLower(r)
}

// isWord reports whether r belongs to a non-Han word (letters, digits).
func isWord(r rune) bool { return !isHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// run is a stretch of text of one kind: Han characters or a word.
type run struct {
	text []rune
	han  bool
}

// runs cuts text into Han runs and words; everything else separates them.
func runs(text string) []run {
	var out []run
	var cur []rune
	curHan := false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, run{text: cur, han: curHan})
			cur = nil
		}
	}
	for _, r := range text {
		r = fold(r)
		switch {
		case isHan(r):
			if !curHan {
				flush()
			}
			curHan = true
			cur = append(cur, r)
		case isWord(r):
			if curHan {
				flush()
			}
			curHan = false
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// MaxWord bounds the length of a non-Han token; longer words are cut.
const MaxWord = 64

// Tokens returns the index tokens of text in order.
func Tokens(text string) []string {
	var out []string
	for _, r := range runs(text) {
		out = appendRun(out, r)
	}
	return out
}

func appendRun(out []string, r run) []string {
	if !r.han {
		for w := r.text; len(w) > 0; {
			n := min(len(w), MaxWord)
			out = append(out, string(w[:n]))
			w = w[n:]
		}
		return out
	}
	for i := range r.text {
		if i+1 < len(r.text) {
			out = append(out, string(r.text[i:i+2]))
		} else {
			out = append(out, string(r.text[i]))
		}
	}
	return out
}

// Join returns the tokens of text joined by spaces, the form both engines
// index.
func Join(text string) string { return strings.Join(Tokens(text), " ") }

// Chars returns every distinct Han character of text once, joined by
// spaces. PostgreSQL indexes them beside the bigrams so that a
// one-character query is one exact token, whose posting list GIN can skip
// through when a filter narrows the search, instead of a prefix that
// gathers the posting lists of every bigram the character starts.
func Chars(text string) string {
	var set tokenSet
	for _, r := range runs(text) {
		if !r.han {
			continue
		}
		for _, c := range r.text {
			set.add(string(c))
		}
	}
	return set.b.String()
}

// tokenSet joins tokens by spaces, each once.
type tokenSet struct {
	seen map[string]bool
	b    strings.Builder
}

func (s *tokenSet) add(tok string) {
	if s.seen[tok] {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[tok] = true
	if s.b.Len() > 0 {
		s.b.WriteByte(' ')
	}
	s.b.WriteString(tok)
}

// ChunkTokens is the most tokens one index row holds: PostgreSQL keeps
// positions up to 16383 only, so longer texts go in several rows.
const ChunkTokens = 12000

// ChunkOverlap is how many tokens consecutive chunks share, so that a
// phrase across a chunk boundary (up to this many characters) is found.
const ChunkOverlap = 64

// Chunks splits the tokens of text into space-joined chunks of at most
// ChunkTokens tokens; there is always at least one, maybe empty.
func Chunks(text string) []string {
	toks := Tokens(text)
	if len(toks) <= ChunkTokens {
		return []string{strings.Join(toks, " ")}
	}
	var out []string
	for start := 0; ; start += ChunkTokens - ChunkOverlap {
		end := min(start+ChunkTokens, len(toks))
		out = append(out, strings.Join(toks[start:end], " "))
		if end == len(toks) {
			return out
		}
	}
}
