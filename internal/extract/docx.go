package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// extractDOCX returns the text of a Word document: paragraphs as lines and
// each table through tableLines, with merged cells (gridSpan, vMerge) turned
// into spans.
func extractDOCX(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("DOCX 不是有效的 ZIP 文件: %w", err)
	}
	rc, found, err := openZipPart(zr, "word/document.xml")
	if !found {
		return "", errors.New("DOCX 缺少 word/document.xml")
	}
	if err != nil {
		return "", fmt.Errorf("DOCX: %w", err)
	}
	defer rc.Close()
	lines, err := docxLines(rc)
	if err != nil {
		return "", fmt.Errorf("DOCX 读取 word/document.xml: %w", err)
	}
	return strings.Join(lines, "\n") + "\n", nil
}

// docxReader walks document.xml and collects lines.
type docxReader struct {
	lines  []string
	para   strings.Builder // paragraph text outside tables
	tables []*docxTable    // open tables, innermost last
	cells  int             // table cells read so far
	text   int             // bytes of text read so far
	over   error           // the budget exceeded, if any
}

func docxLines(r io.Reader) ([]string, error) {
	var dr docxReader
	inText := false
	err := walkXML(r, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			inText = t.Name.Local == "t"
			dr.start(t)
		case xml.EndElement:
			inText = false
			dr.end(t.Name.Local)
		case xml.CharData:
			if inText {
				dr.write(string(t))
			}
		}
		return dr.over
	})
	if err != nil {
		return nil, err
	}
	dr.flushPara()
	return dr.lines, nil
}

// top returns the innermost open table, or nil.
func (dr *docxReader) top() *docxTable {
	if len(dr.tables) == 0 {
		return nil
	}
	return dr.tables[len(dr.tables)-1]
}

// write adds text to the open cell or paragraph.
func (dr *docxReader) write(s string) {
	if dr.text += len(s); dr.text > maxText {
		dr.over = overLimit("文字超过 %s", mb(maxText))
		return
	}
	if t := dr.top(); t != nil && t.tcell != nil {
		t.tcell.WriteString(s)
		t.cellPara.WriteString(s)
		return
	}
	dr.para.WriteString(s)
}

func (dr *docxReader) flushPara() {
	if l := squashSpace(dr.para.String()); l != "" {
		dr.lines = append(dr.lines, l)
	}
	dr.para.Reset()
}

func (dr *docxReader) start(e xml.StartElement) {
	t := dr.top()
	switch e.Name.Local {
	case "tab":
		dr.write(" ")
	case "br", "cr":
		if t == nil {
			dr.flushPara() // a line break outside tables ends the line
			return
		}
		if t.tcell != nil {
			t.endCellPara()
		}
	case "tbl":
		if t == nil {
			dr.flushPara()
		}
		if len(dr.tables) < maxHTMLDepth {
			dr.tables = append(dr.tables, &docxTable{mergeTop: map[int][2]int{}})
		}
	case "tr":
		if t != nil {
			t.row, t.col = nil, 0
		}
	case "tc":
		if dr.cells++; dr.cells > maxTableCells {
			dr.over = overLimit("表格单元格超过 %d 个", maxTableCells)
			return
		}
		if t != nil && t.tcell == nil {
			t.tcell, t.span, t.vmerge, t.cellLines = &strings.Builder{}, 1, "", nil
			t.cellPara.Reset()
		}
	case "gridBefore":
		// Columns left empty at the start of a row.
		if t != nil && t.tcell == nil {
			if v, err := strconv.Atoi(xmlAttr(e, "val")); err == nil && v > 0 {
				v = clampSpan(v, 1, maxSpan)
				t.row = append(t.row, tcell{rows: 1, cols: v})
				t.col += v
			}
		}
	case "gridSpan":
		if t != nil && t.tcell != nil {
			if v, err := strconv.Atoi(xmlAttr(e, "val")); err == nil && v > 0 {
				t.span = v
			}
		}
	case "vMerge":
		if t != nil && t.tcell != nil {
			t.vmerge = "continue"
			if xmlAttr(e, "val") == "restart" {
				t.vmerge = "restart"
			}
		}
	}
}

func (dr *docxReader) end(local string) {
	t := dr.top()
	switch local {
	case "p":
		if t != nil && t.tcell != nil {
			t.endCellPara()
			return
		}
		if t == nil {
			dr.flushPara()
		}
	case "tc":
		if t != nil && t.tcell != nil {
			t.endCell()
		}
	case "tr":
		if t != nil {
			t.rows = append(t.rows, t.row)
			t.row = nil
		}
	case "tbl":
		if t == nil {
			return
		}
		dr.tables = dr.tables[:len(dr.tables)-1]
		lines := t.lines()
		if outer := dr.top(); outer != nil && outer.tcell != nil {
			// A table inside a cell: the cell's text in a grid, its
			// lines when the outer table is read as flow.
			outer.endCellPara()
			outer.tcell.WriteString(strings.Join(lines, " ") + "\n")
			outer.cellLines = append(outer.cellLines, lines...)
			outer.layout = true
			return
		}
		dr.lines = append(dr.lines, lines...)
	}
}

// xmlAttr returns the value of the attribute with the given local name.
func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
