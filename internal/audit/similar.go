package audit

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"unicode"

	"github.com/gongkai/gongkai/internal/report"
)

// RuleSimilar marks a report whose part 一 or 五 largely repeats the same
// part of the agency's report for the year before, or of another agency's
// report for the same year (雷同, which 国办公开办函〔2021〕30号 asks
// agencies to avoid).
const RuleSimilar = "text.similar"

// The 雷同 check compares shingles: every run of SimilarShingle characters
// of a part's text once spaces and punctuation are removed and each run of
// digits is read as one placeholder, so that a copy with this year's
// figures put in still matches. The share of a report's shingles that the
// other report's same part also has (containment) at or above
// SimilarThreshold is reported. Parts with fewer than SimilarMinShingles
// shingles (a line or two, or 「无」) are not compared.
const (
	SimilarShingle     = 8
	SimilarThreshold   = 0.6
	SimilarMinShingles = 30
)

// shingles is one part's text prepared for comparison.
type shingles struct {
	text []rune   // the compact text, punctuation kept
	pos  []int    // for each normalised rune, its index in text
	hash []uint64 // the shingle starting at each normalised rune
	set  []uint64 // the distinct shingles, sorted
}

// shingle prepares text; nil when it is too short to compare.
func shingle(text string) *shingles {
	s := &shingles{text: []rune(text)}
	var norm []rune
	for i, r := range s.text {
		switch {
		case unicode.IsDigit(r):
			if i > 0 && unicode.IsDigit(s.text[i-1]) {
				continue
			}
			r = '#'
		case !unicode.IsLetter(r):
			continue
		}
		norm = append(norm, r)
		s.pos = append(s.pos, i)
	}
	if len(norm) < SimilarShingle {
		return nil
	}
	h := fnv.New64a()
	for i := 0; i+SimilarShingle <= len(norm); i++ {
		h.Reset()
		h.Write([]byte(string(norm[i : i+SimilarShingle])))
		s.hash = append(s.hash, h.Sum64())
	}
	s.set = slices.Compact(slices.Sorted(slices.Values(s.hash)))
	if len(s.set) < SimilarMinShingles {
		return nil
	}
	return s
}

// containment is the share of a's distinct shingles that b also has.
func containment(a, b *shingles) float64 {
	n, j := 0, 0
	for _, v := range a.set {
		for j < len(b.set) && b.set[j] < v {
			j++
		}
		if j == len(b.set) {
			break
		}
		if b.set[j] == v {
			n++
		}
	}
	return float64(n) / float64(len(a.set))
}

// has reports whether s has shingle v.
func (s *shingles) has(v uint64) bool {
	_, ok := slices.BinarySearch(s.set, v)
	return ok
}

// sharedPassage is the longest passage of a (punctuation kept) whose
// shingles b all has, cut to n runes.
func sharedPassage(a, b *shingles, n int) string {
	bestFrom, bestLen, from := 0, 0, -1
	for i := 0; i <= len(a.hash); i++ {
		if i < len(a.hash) && b.has(a.hash[i]) {
			if from < 0 {
				from = i
			}
			continue
		}
		if from >= 0 && i-from > bestLen {
			bestFrom, bestLen = from, i-from
		}
		from = -1
	}
	if bestLen == 0 {
		return ""
	}
	last := bestFrom + bestLen - 1 + SimilarShingle - 1
	return sample(string(a.text[a.pos[bestFrom]:a.pos[last]+1]), n)
}

// proseParts are the parts the 雷同 check compares, with their text.
var proseParts = []struct {
	name string
	text func(*Prose) string
}{
	{"一", func(p *Prose) string { return p.Overall }},
	{"五", func(p *Prose) string { return p.Problems }},
}

// signatures holds each result's prepared parts, made once per Audit.
type signatures map[*Result][]*shingles

func (sg signatures) of(r *Result) []*shingles {
	if s, ok := sg[r]; ok {
		return s
	}
	s := make([]*shingles, len(proseParts))
	if r.Prose != nil {
		for i, p := range proseParts {
			s[i] = shingle(p.text(r.Prose))
		}
	}
	sg[r] = s
	return s
}

// similarity is how much of one part of a report another report repeats.
type similarity struct {
	other    *Result
	share    float64
	cur, oth *shingles // the two parts compared
}

// similarTo returns, for each part, how much of cur's text other repeats,
// nil where that is below SimilarThreshold or a part is not compared.
func (sg signatures) similarTo(cur, other *Result) []*similarity {
	out := make([]*similarity, len(proseParts))
	a, b := sg.of(cur), sg.of(other)
	for i := range proseParts {
		if a[i] == nil || b[i] == nil {
			continue
		}
		if c := containment(a[i], b[i]); c >= SimilarThreshold {
			out[i] = &similarity{other: other, share: c, cur: a[i], oth: b[i]}
		}
	}
	return out
}

// addSimilar adds cur's text.similar finding for part i; what names the
// other report (「上一年度报告」, 「同年度 某局 的报告」), more counts further
// reports above the threshold that are not named.
func addSimilar(cur *Result, i int, s *similarity, what string, more int) {
	share := math.Round(s.share*100) / 100
	msg := fmt.Sprintf("第%s部分正文有 %.0f%% 与%s（%s）相同，如「%s」：年度报告应如实反映本年度工作，不应照搬",
		proseParts[i].name, share*100, what, s.other.File, sharedPassage(s.cur, s.oth, 40))
	if more > 0 {
		msg += fmt.Sprintf("（另有 %d 份同年度报告也超过 %.0f%%）", more, SimilarThreshold*100)
	}
	cur.Findings = append(cur.Findings, report.Finding{
		Rule: RuleSimilar, Severity: report.SeverityWarning, Part: proseParts[i].name, Actual: &share, Message: msg})
}

// compareYearText adds cur's text.similar findings against the agency's
// report for the year before.
func (sg signatures) compareYearText(prev, cur *Result) {
	for i, s := range sg.similarTo(cur, prev) {
		if s != nil {
			addSimilar(cur, i, s, "上一年度报告", 0)
		}
	}
}

// compareSameYear adds to each report the text.similar findings against
// the reports of other agencies for the same year that come before it in
// results: for each part, the most similar one.
func (sg signatures) compareSameYear(results []*Result) {
	byYear := map[int][]*Result{}
	var years []int
	for _, r := range results {
		if r == nil || r.Prose == nil || r.Agency == "" || r.Year == 0 {
			continue
		}
		if byYear[r.Year] == nil {
			years = append(years, r.Year)
		}
		byYear[r.Year] = append(byYear[r.Year], r)
	}
	for _, y := range years {
		rs := byYear[y]
		for j, cur := range rs {
			best := make([]*similarity, len(proseParts))
			count := make([]int, len(proseParts))
			for _, other := range rs[:j] {
				if other.Agency == cur.Agency {
					continue
				}
				for i, s := range sg.similarTo(cur, other) {
					if s == nil {
						continue
					}
					count[i]++
					if best[i] == nil || s.share > best[i].share {
						best[i] = s
					}
				}
			}
			for i, s := range best {
				if s != nil {
					addSimilar(cur, i, s, fmt.Sprintf("同年度%s的报告", s.other.Agency), count[i]-1)
				}
			}
		}
	}
}
