package extract

import (
	"strings"
	"testing"
)

// wordCell writes a w:tc with the given properties and paragraphs.
func wordCell(props string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<w:tc><w:tcPr>" + props + "</w:tcPr>")
	for _, p := range paras {
		b.WriteString("<w:p><w:r><w:t xml:space=\"preserve\">" + p + "</w:t></w:r></w:p>")
	}
	return b.String() + "</w:tc>"
}

func TestExtractDOCXTables(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	tests := []struct {
		name string
		body string
		want []string
	}{
		{
			name: "vMerge label on its own line, items keep their labels",
			body: "<w:tbl><w:tr>" + wordCell(`<w:vMerge w:val="restart"/>`, "（三）不予公开") + wordCell("", "1.属于国家秘密") + wordCell("", "2") + "</w:tr>" +
				"<w:tr>" + wordCell("<w:vMerge/>") + wordCell("", "2.其他法律行政法规禁止公开") + wordCell("", "30") + "</w:tr></w:tbl>",
			want: []string{"（三）不予公开", "1.属于国家秘密 2", "2.其他法律行政法规禁止公开 30"},
		},
		{
			name: "gridSpan label, wrapped label paragraphs joined, gridBefore",
			body: "<w:tbl><w:tr>" + wordCell(`<w:gridSpan w:val="2"/>`, "（二）部分公开（区分处理的，只计这一情", "形，不计其他情形）") + wordCell("", "447") + "</w:tr>" +
				`<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>` + wordCell("", "7") + "</w:tr></w:tbl>",
			want: []string{"（二）部分公开（区分处理的，只计这一情形，不计其他情形） 447", "7"},
		},
		{
			name: "paragraphs, line breaks and tabs outside tables",
			body: `<w:p><w:r><w:t>淮安市人民政府</w:t><w:br/><w:t>2024年政府信息公开工作年度报告</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t>总体情况</w:t></w:r><w:r><w:delText>删除的字</w:delText></w:r></w:p>`,
			want: []string{"淮安市人民政府", "2024年政府信息公开工作年度报告", "一、总体情况"},
		},
		{
			name: "a table holding a table lays out the page and is read as flow",
			body: "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:p><w:r><w:t>正文</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>" +
				"<w:tbl><w:tr>" + wordCell("", "行政许可") + wordCell("", "161") + "</w:tr></w:tbl></w:tc>" + wordCell("", "二、主动公开") + "</w:tr></w:tbl>",
			want: []string{"一、总体情况", "正文", "第二行", "行政许可 161", "二、主动公开"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := docxOf(t, "<w:document "+ns+"><w:body>"+tt.body+"</w:body></w:document>")
			got, err := Document("t.docx", doc)
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.Join(tt.want, "\n") + "\n"; got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestExtractDOCXBroken(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"no document.xml", docxOfFile(t, "word/other.xml", "<x/>"), "缺少 word/document.xml"},
		{"truncated zip", readExtractFixture(t, "extract_huaian_2024.docx")[:5000], "ZIP"},
		{"bad XML", docxOf(t, "<w:document><w:body><w:p></w:body>"), "word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Document("r.docx", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}
