package extract

import (
	"io"

	"github.com/ledongthuc/pdf"
)

// pdfBudget is what one document's content streams have used so far.
type pdfBudget struct {
	ops      int // operators run
	inflated int // bytes of content streams inflated
	// fonts are the embedded-font decoders read so far (nil for a font
	// that has none), by font name and program length, and fontBytes
	// what their programs inflated to.
	fonts     map[string]*glyphText
	fontBytes int
}

// checkContent inflates a content stream (or an array of them) within the
// budgets and scans its syntax, before the library interprets it: the
// library keeps every operand until the next operator and every string
// whole, so one stream of numbers with no operator, or one long string,
// would take the memory of the whole machine. It panics with a LimitError,
// which extractPDF recovers.
func (b *pdfBudget) checkContent(v pdf.Value) {
	if v.Kind() == pdf.Array {
		for i := 0; i < v.Len(); i++ {
			b.checkContent(v.Index(i))
		}
		return
	}
	if v.Kind() != pdf.Stream {
		return
	}
	rc := v.Reader()
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxPDFStream+1))
	if err != nil {
		return // the library reports a broken stream itself
	}
	if len(data) > maxPDFStream {
		panic(overLimit("PDF 内容流解压后超过 %s", mb(maxPDFStream)))
	}
	if b.inflated += len(data); b.inflated > maxPDFStreams {
		panic(overLimit("PDF 内容流解压后合计超过 %s", mb(maxPDFStreams)))
	}
	if err := scanContent(data); err != nil {
		panic(err)
	}
}

// scanContent reads the tokens of a content stream and checks the
// operands before each operator, the length of strings and the nesting of
// arrays and dictionaries against their budgets.
func scanContent(data []byte) error {
	operands, depth := 0, 0
	operand := func() error {
		if operands++; operands > maxPDFOperands {
			return overLimit("PDF 内容流中一个操作的操作数超过 %d 个", maxPDFOperands)
		}
		return nil
	}
	nest := func(d int) error {
		if depth += d; depth > maxPDFNesting {
			return overLimit("PDF 内容流中数组或字典嵌套超过 %d 层", maxPDFNesting)
		}
		depth = max(depth, 0)
		return nil
	}
	for i := 0; i < len(data); {
		c := data[i]
		var err error
		switch {
		case pdfSpace(c):
			i++
			continue
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
			continue
		case c == '(':
			i, err = skipLiteral(data, i)
			if err == nil {
				err = operand()
			}
		case c == '<' && i+1 < len(data) && data[i+1] == '<':
			i += 2
			err = nest(1)
		case c == '>' && i+1 < len(data) && data[i+1] == '>':
			i += 2
			err = nest(-1)
		case c == '<':
			start := i
			for i < len(data) && data[i] != '>' {
				i++
			}
			if i++; i-start > 2*maxPDFString {
				err = overLimit("PDF 内容流中字符串超过 %s", mb(maxPDFString))
			} else {
				err = operand()
			}
		case c == '[' || c == '{':
			i++
			err = nest(1)
		case c == ']' || c == '}':
			i++
			err = nest(-1)
		case c == '/':
			i = skipRegular(data, i+1)
			err = operand()
		default:
			start := i
			i = max(skipRegular(data, i), i+1)
			word := string(data[start:i])
			switch {
			case pdfNumberStart(c), word == "true", word == "false", word == "null":
				err = operand()
			case word == "ID":
				operands, i = 0, skipInlineImage(data, i)
			default:
				operands = 0 // an operator takes its operands
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// skipLiteral returns the index after the literal string starting at i,
// with its nested parentheses and escapes.
func skipLiteral(data []byte, i int) (int, error) {
	start, level := i, 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '(':
			level++
		case ')':
			if level--; level == 0 {
				i++
				if i-start > maxPDFString {
					return i, overLimit("PDF 内容流中字符串超过 %s", mb(maxPDFString))
				}
				return i, nil
			}
		}
		if i-start > maxPDFString {
			return i, overLimit("PDF 内容流中字符串超过 %s", mb(maxPDFString))
		}
	}
	return i, nil
}

// skipInlineImage returns the index after an inline image's data, which
// runs from after the ID operator to the EI operator.
func skipInlineImage(data []byte, i int) int {
	for ; i+2 < len(data); i++ {
		if pdfSpace(data[i]) && data[i+1] == 'E' && data[i+2] == 'I' && (i+3 == len(data) || pdfSpace(data[i+3])) {
			return i + 3
		}
	}
	return len(data)
}

// skipRegular returns the index after the run of regular characters
// starting at i.
func skipRegular(data []byte, i int) int {
	for i < len(data) && !pdfSpace(data[i]) && !pdfDelimiter(data[i]) {
		i++
	}
	return i
}

func pdfSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func pdfDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func pdfNumberStart(c byte) bool {
	return c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')
}
