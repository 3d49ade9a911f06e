package extract

import (
	"math"

	"github.com/ledongthuc/pdf"
)

// Limits of one page's text walk, against hostile content streams.
const (
	maxGlyphsPerPage = 1 << 18
	maxStateDepth    = 64
	maxFormDepth     = 8   // Form XObjects drawn inside one another
	maxFormsPerPage  = 256 // Form XObjects drawn in all
	// maxPDFOps bounds the content stream operators run for one document:
	// a report page runs a few thousand, a hostile stream could run forever.
	maxPDFOps = 5_000_000
)

// errPDFOps stops a walk that ran more operators than maxPDFOps.
var errPDFOps = &LimitError{What: "PDF 内容流操作超过 500 万个"}

// pdfMatrix is a PDF transformation matrix [a b 0; c d 0; e f 1].
type pdfMatrix [6]float64

var pdfIdentity = pdfMatrix{1, 0, 0, 1, 0, 0}

// mul returns m × n.
func (m pdfMatrix) mul(n pdfMatrix) pdfMatrix {
	return pdfMatrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func pdfTranslate(x, y float64) pdfMatrix { return pdfMatrix{1, 0, 0, 1, x, y} }

// pdfTextState is the part of the graphics state that places text.
type pdfTextState struct {
	ctm, tm, tlm     pdfMatrix
	font             *pdfFont
	size, tc, tw, th float64
	leading, rise    float64
}

// pdfWalker collects the characters drawn by a page, the vertical rules of
// its tables and the forms it uses.
type pdfWalker struct {
	out    []pdfGlyph
	rules  pdfRules
	forms  int
	budget *pdfBudget // what the document's content streams have used
}

// pdfPageGlyphs walks a page's content stream and returns every character with
// its position and advance width in page space. The library's own walk
// gives composite (CID) fonts no widths, which breaks table rows apart, and
// skips text drawn inside Form XObjects.
//
// budget counts what the document used; past a budget the walk panics with
// a LimitError, which extractPDF recovers.
func pdfPageGlyphs(p pdf.Page, budget *pdfBudget) ([]pdfGlyph, []pdfRule) {
	w := pdfWalker{budget: budget}
	w.run(p.V.Key("Contents"), p.Resources(), pdfIdentity, 0)
	return w.out, w.rules.done
}

// run interprets one content stream with its resources, starting from the
// transformation ctm.
func (w *pdfWalker) run(content, resources pdf.Value, ctm pdfMatrix, depth int) {
	fonts := map[string]*pdfFont{}
	st := pdfTextState{ctm: ctm, tm: pdfIdentity, tlm: pdfIdentity, th: 1}
	var stack []pdfTextState
	w.rules.reset()
	w.budget.checkContent(content)
	pdf.Interpret(content, func(stk *pdf.Stack, op string) {
		if w.budget.ops++; w.budget.ops > maxPDFOps {
			panic(errPDFOps)
		}
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "m", "l", "re", "h", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n":
			w.rules.path(op, args, st.ctm)
		case "q":
			if len(stack) < maxStateDepth {
				stack = append(stack, st)
			}
		case "Q":
			if n := len(stack); n > 0 {
				st, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			st.ctm = pdfMatrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(st.ctm)
		case "Do":
			if len(args) == 1 {
				w.form(resources.Key("XObject").Key(args[0].Name()), resources, st.ctm, depth)
			}
		case "BT":
			st.tm, st.tlm = pdfIdentity, pdfIdentity
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				if fonts[name] == nil {
					fonts[name] = loadPDFFont(resources.Key("Font").Key(name), w.budget)
				}
				st.font, st.size = fonts[name], num(1)
			}
		case "Tc":
			st.tc = num(0)
		case "Tw":
			st.tw = num(0)
		case "Tz":
			st.th = num(0) / 100
		case "TL":
			st.leading = num(0)
		case "Ts":
			st.rise = num(0)
		case "Td", "TD":
			if op == "TD" {
				st.leading = -num(1)
			}
			st.tlm = pdfTranslate(num(0), num(1)).mul(st.tlm)
			st.tm = st.tlm
		case "Tm":
			st.tlm = pdfMatrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			st.tm = st.tlm
		case "T*":
			st.tlm = pdfTranslate(0, -st.leading).mul(st.tlm)
			st.tm = st.tlm
		case "Tj":
			if len(args) == 1 {
				w.show(&st, args[0].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				st.tw, st.tc = num(0), num(1)
			}
			st.tlm = pdfTranslate(0, -st.leading).mul(st.tlm)
			st.tm = st.tlm
			if len(args) > 0 {
				w.show(&st, args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					w.show(&st, x.RawString())
					continue
				}
				st.tm = pdfTranslate(-x.Float64()/1000*st.size*st.th, 0).mul(st.tm)
			}
		}
	})
}

// form draws a Form XObject: its own content and resources (the caller's
// when it has none), under its matrix.
func (w *pdfWalker) form(x, resources pdf.Value, ctm pdfMatrix, depth int) {
	if depth >= maxFormDepth || w.forms >= maxFormsPerPage || x.Kind() != pdf.Stream || x.Key("Subtype").Name() != "Form" {
		return
	}
	w.forms++
	m := pdfIdentity
	if a := x.Key("Matrix"); a.Len() == 6 {
		for i := range m {
			m[i] = a.Index(i).Float64()
		}
	}
	if r := x.Key("Resources"); r.Kind() == pdf.Dict {
		resources = r
	}
	w.run(x, resources, m.mul(ctm), depth+1)
}

// show places the characters of a shown string and advances the text
// matrix past each one.
func (w *pdfWalker) show(st *pdfTextState, raw string) {
	if st.font == nil {
		return
	}
	st.font.glyphs(raw, func(text string, w0 float64, space bool) {
		scale := pdfMatrix{st.size * st.th, 0, 0, st.size, 0, st.rise}
		trm := scale.mul(st.tm).mul(st.ctm)
		tx := (w0/1000*st.size + st.tc) * st.th
		if space {
			tx += st.tw * st.th
		}
		st.tm = pdfTranslate(tx, 0).mul(st.tm)
		end := scale.mul(st.tm).mul(st.ctm)
		if len(w.out) < maxGlyphsPerPage && text != "" {
			w.out = append(w.out, pdfGlyph{x: trm[4], y: trm[5], w: end[4] - trm[4], size: math.Hypot(trm[2], trm[3]), s: text})
		}
	})
}
