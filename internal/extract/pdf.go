package extract

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the pages read; annual reports have a dozen.
const maxPDFPages = 500

// errPDF starts every PDF error message, so users see one phrase for all.
var errPDF = errors.New("无法从PDF提取文字")

// extractPDF returns the text of a PDF's pages, one line per printed line,
// with cells of a table row separated by a space, much as `pdftotext`
// prints it. It uses github.com/ledongthuc/pdf, which decodes simple fonts
// and CID fonts that carry a ToUnicode map; it refuses PDFs whose text it
// cannot decode rather than return garbage.
func extractPDF(data []byte) (text string, err error) {
	defer func() {
		p := recover()
		switch {
		case p == nil:
		case isLimit(p):
			text, err = "", fmt.Errorf("%w: %w", errPDF, p.(error))
		default:
			text, err = "", fmt.Errorf("%w: ledongthuc/pdf 解析失败（文件损坏或不受支持）: %v", errPDF, p)
		}
	}()
	br := &budgetReader{r: bytes.NewReader(data), left: pdfReadBudget(len(data))}
	r, err := pdf.NewReader(br, int64(len(data)))
	if err != nil && bytes.Contains(data, []byte("/Encrypt")) {
		return "", fmt.Errorf("%w: PDF 已加密，ledongthuc/pdf 只能解密无打开密码的 RC4/AES-128 文件（AES-256 或有打开密码的请先解密）: %v", errPDF, err)
	}
	if err != nil {
		return "", fmt.Errorf("%w: ledongthuc/pdf 无法打开: %v", errPDF, err)
	}
	n := r.NumPage()
	if n > maxPDFPages {
		return "", fmt.Errorf("%w: 页数 %d 超过上限 %d", errPDF, n, maxPDFPages)
	}
	var lines []string
	var budget pdfBudget // what the content streams used, over all pages
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		if err := checkPDFFonts(p, &budget); err != nil {
			return "", fmt.Errorf("%w: 第 %d 页: %w", errPDF, i, err)
		}
		lines = append(lines, pdfPageLines(pdfPageGlyphs(p, &budget))...)
	}
	out := strings.Join(lines, "\n")
	if err := checkPDFText(out); err != nil {
		return "", fmt.Errorf("%w: %w", errPDF, err)
	}
	return out + "\n", nil
}

// checkPDFFonts refuses pages with composite (CID) fonts that have no
// ToUnicode map and no Unicode encoding: their codes are glyph numbers that
// ledongthuc/pdf cannot turn into characters.
func checkPDFFonts(p pdf.Page, budget *pdfBudget) error {
	var bad []string
	for _, name := range p.Fonts() {
		f := p.Font(name)
		if f.V.Key("Subtype").Name() != "Type0" || f.V.Key("ToUnicode").Kind() == pdf.Stream {
			continue
		}
		if enc := f.V.Key("Encoding"); enc.Kind() == pdf.Name && enc.Name() == "UniGB-UCS2-H" {
			continue
		}
		if budget.glyphText(f.V) != nil {
			continue
		}
		bad = append(bad, f.BaseFont())
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("ledongthuc/pdf 无法解码字体 %s（CID 字体缺少 ToUnicode 映射，需 OCR 或另存为带文字层的 PDF）", strings.Join(bad, "、"))
}

// checkPDFText refuses text that is empty (a scan) or mostly undecodable.
func checkPDFText(s string) error {
	total, bad := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		total++
		if r == unicode.ReplacementChar || unicode.Is(unicode.Co, r) || unicode.IsControl(r) {
			bad++
		}
	}
	switch {
	case total == 0:
		return errors.New("PDF 没有文字层（可能是扫描件，需要 OCR）")
	case bad*10 > total:
		return fmt.Errorf("ledongthuc/pdf 只能解码部分文字（%d/%d 个字符无法识别），字体缺少可用的编码映射", bad, total)
	}
	return nil
}

// pdfGlyph is one character placed on the page.
type pdfGlyph struct {
	x, y, w, size float64
	s             string
}

// pdfPageLines groups a page's characters into printed lines (top to bottom)
// and writes each line left to right, with a space where a gap shows; a
// line of a table row with figures is written cell by cell between the
// table's rules, an empty cell as 「—」 (pdfRowCells).
func pdfPageLines(gs []pdfGlyph, rules []pdfRule) []string {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y > gs[j].y })
	var printed [][]pdfGlyph
	for i := 0; i < len(gs); {
		j := i + 1
		tol := max(gs[i].size*0.5, 1)
		for j < len(gs) && gs[i].y-gs[j].y <= tol {
			j++
		}
		printed = append(printed, gs[i:j])
		i = j
	}
	rows := make([]pdfRowCells, len(printed))
	cut := make([]bool, len(printed))
	for i, p := range printed {
		if len(printed)*len(rules) <= maxRuleChecks {
			rows[i], cut[i] = rowCells(p, rules)
		}
	}
	var lines []string
	for i := 0; i < len(printed); {
		if !cut[i] {
			if l := pdfLineText(printed[i]); l != "" {
				lines = append(lines, l)
			}
			i++
			continue
		}
		// A table: the run of lines crossed by rules.
		j := i
		for j < len(printed) && cut[j] {
			j++
		}
		edge := labelEdge(rows[i:j])
		for _, r := range rows[i:j] {
			if l := r.text(edge); l != "" {
				lines = append(lines, l)
			}
		}
		i = j
	}
	return lines
}

// pdfLineText writes one printed line. A character drawn again over itself
// (fake bold, or a form drawn twice) is written once.
func pdfLineText(gs []pdfGlyph) string {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].x < gs[j].x })
	var b strings.Builder
	end := 0.0
	var kept []pdfGlyph
	for _, g := range gs {
		if overprints(kept, g) {
			continue
		}
		if len(kept) > 0 && g.x-end > g.size*0.3 {
			b.WriteByte(' ')
		}
		b.WriteString(g.s)
		end = max(end, g.x+g.w)
		kept = append(kept, g)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// overprints reports whether g repeats one of the last characters kept at
// nearly the same place.
func overprints(kept []pdfGlyph, g pdfGlyph) bool {
	for i := len(kept) - 1; i >= 0 && i >= len(kept)-4; i-- {
		k := kept[i]
		if k.s == g.s && math.Abs(k.x-g.x) < g.size*0.2 && math.Abs(k.y-g.y) < g.size*0.2 {
			return true
		}
	}
	return false
}

// isLimit reports whether a recovered panic is a budget's LimitError.
func isLimit(p any) bool {
	err, ok := p.(error)
	return ok && errors.Is(err, ErrLimit)
}
