package extract

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
)

// openZipPart opens the part of an OOXML package (DOCX, XLSX) named name.
// Reading it past maxZipPart inflated bytes fails with a LimitError, against
// zip bombs; found is false when the package has no such part.
func openZipPart(zr *zip.Reader, name string) (rc io.ReadCloser, found bool, err error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return nil, true, fmt.Errorf("打开 %s: %w", name, err)
		}
		return &cappedReader{r: r, name: name, left: maxZipPart}, true, nil
	}
	return nil, false, nil
}

// cappedReader fails, instead of stopping quietly, past its budget.
type cappedReader struct {
	r    io.ReadCloser
	name string
	left int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, overLimit("%s 解压后超过 %s", c.name, mb(maxZipPart))
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

func (c *cappedReader) Close() error { return c.r.Close() }

// walkXML decodes an XML part token by token (raw tokens: names keep
// their prefixes, which the readers ignore), calling each for every token,
// within the budgets of elements and nesting; an error from each stops the
// walk.
func walkXML(r io.Reader, each func(xml.Token) error) error {
	d := xml.NewDecoder(r)
	d.Strict = false
	elements := 0
	var open []xml.Name // raw tokens leave matching tags to the caller
	for {
		tok, err := d.RawToken()
		if err == io.EOF && len(open) > 0 {
			return fmt.Errorf("XML 不完整：<%s> 没有结束", open[len(open)-1].Local)
		}
		if err == io.EOF {
			return nil
		}
		if c, ok := r.(*cappedReader); ok && err != nil && c.left <= 0 {
			return overLimit("%s 解压后超过 %s", c.name, mb(maxZipPart))
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if elements++; elements > maxXMLElements {
				return overLimit("XML 元素超过 %d 个", maxXMLElements)
			}
			if open = append(open, t.Name); len(open) > maxXMLDepth {
				return overLimit("XML 嵌套超过 %d 层", maxXMLDepth)
			}
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != t.Name {
				return fmt.Errorf("XML 格式错误：第 %d 行 </%s> 与开始标签不匹配", lineOf(d), t.Name.Local)
			}
			open = open[:len(open)-1]
		}
		if err := each(tok); err != nil {
			return err
		}
	}
}

// lineOf returns the line the decoder is on.
func lineOf(d *xml.Decoder) int {
	line, _ := d.InputPos()
	return line
}
