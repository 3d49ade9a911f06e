package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// huaianTableLines are the table lines every reader must produce for the
// fixtures of 淮安市人民政府's 2024 report, in this order.
var huaianTableLines = []string{
	"规章 1 0 11",
	"行政规范性文件 8 26 66",
	"行政许可 447228",
	"行政处罚 3985758",
	"行政强制 88283",
	"行政事业性收费 96171.6",
	"一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119",
	"二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34",
	"1.属于国家秘密 2 0 0 0 0 0 2",
	"8.属于行政查询事项 105 0 0 0 0 0 105",
	"1.本机关不掌握相关政府信息 746 12 0 0 10 1 769",
	"3、其他 108 2 0 0 0 0 110",
	"（七）总计 2932 53 0 0 61 4 3050",
	"四、结转下年度继续办理 103 0 0 0 0 0 103",
	"72 64 178 37 351 13 4 8 1 26 12 1 1 6 20",
}

// huaianGridLines are lines only the readers of real tables (HTML, DOCX)
// give: merged labels on lines of their own and wrapped labels joined.
var huaianGridLines = []string{
	"淮安市人民政府",
	"信息内容 本年制发件数 本年废止件数 现行有效件数",
	"自然人 法人或其他组织 总计",
	"商业企业 科研机构 社会公益组织 法律服务机构 其他",
	"三、本年度办理结果",
	"（一）予以公开 1288 21 0 0 50 3 1362",
	"（二）部分公开（区分处理的，只计这一情形，不计其他情形） 447 7 0 0 0 0 454",
	"（三）不予公开",
	"1.属于国家秘密 2 0 0 0 0 0 2",
	"（四）无法提供",
	"（五）不予处理",
	"5.要求行政机关确认或重新出具已获取信息 1 0 0 0 0 0 1",
	"（六）其他处理",
	"1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 67 3 0 0 1 0 71",
	"行政复议 行政诉讼",
	"结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉",
	"72 64 178 37 351 13 4 8 1 26 12 1 1 6 20",
	"六、其他需要报告的事项",
}

func TestExtractHuaian(t *testing.T) {
	tests := []struct {
		file string
		want [][]string // each list must appear as whole lines, in order
	}{
		{"extract_huaian_2024.html", [][]string{huaianTableLines, huaianGridLines}},
		{"extract_huaian_2024.docx", [][]string{huaianTableLines, huaianGridLines}},
		{"extract_huaian_2024_libreoffice.pdf", [][]string{huaianTableLines}},
		{"extract_huaian_2024_cairo.pdf", [][]string{huaianTableLines}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			text := extractFixture(t, tt.file)
			for _, want := range tt.want {
				assertLinesInOrder(t, text, want)
			}
			if strings.Contains(text, "_hmt") || strings.Contains(text, "font-size") {
				t.Errorf("script or style text leaked into the extracted text")
			}
		})
	}
}

func TestExtractPDFWithoutToUnicode(t *testing.T) {
	_, err := Document("r.pdf", readExtractFixture(t, "extract_huaian_2024_no_tounicode.pdf"))
	if err == nil {
		t.Fatal("Extract succeeded on a PDF whose CID fonts have no ToUnicode map")
	}
	for _, want := range []string{"无法从PDF提取文字", "ledongthuc/pdf", "ToUnicode"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestExtractKinds(t *testing.T) {
	html := readExtractFixture(t, "extract_huaian_2024.html")
	tests := []struct {
		name    string
		data    []byte
		want    string // a line the text must hold
		wantErr error
	}{
		{"report.txt", []byte("\xEF\xBB\xBF行政许可 161 +14 12209\n"), "行政许可 161 +14 12209", nil},
		{"report.txt", encodeGBK(t, "行政许可 161 +14 12209\n"), "行政许可 161 +14 12209", nil},
		{"report", []byte("规章 0 0 0\n"), "规章 0 0 0", nil},
		{"notepad.txt", utf16LE("\uFEFF规章 0 0 0\r\n"), "规章 0 0 0", nil},
		{"notepad", utf16LE("\uFEFF规章 0 0 0\r\n"), "规章 0 0 0", nil},
		{"page.bin", html, "规章 1 0 11", nil},                                // sniffed, not by extension
		{"noext.htm", []byte("<span>规章</span>&nbsp;<b>1</b>"), "规章 1", nil}, // by extension
		{"report.xlsx", []byte("PK\x03\x04xl/workbook.xml"), "", ErrUnsupported},
		{"report.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), "", ErrUnsupported},
		{"image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "", ErrUnsupported},
		{"report.docx", []byte("not a zip"), "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := Document(tt.name, tt.data)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("Document(%s) = %q, want an error", tt.name, text)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Fatalf("Document(%s) error %v, want %v", tt.name, err, tt.wantErr)
				}
				if tt.wantErr == ErrUnsupported && !strings.Contains(err.Error(), "不支持的文件类型") {
					t.Errorf("error %q lacks the Chinese message", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Document(%s): %v", tt.name, err)
			}
			assertLinesInOrder(t, text, []string{tt.want})
		})
	}
}

func readExtractFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func extractFixture(t testing.TB, name string) string {
	t.Helper()
	text, err := Document(name, readExtractFixture(t, name))
	if err != nil {
		t.Fatalf("Document(%s): %v", name, err)
	}
	return text
}

// assertLinesInOrder checks that each wanted line is a whole line of text,
// after the previous one.
func assertLinesInOrder(t *testing.T, text string, want []string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	i := 0
	for _, w := range want {
		for i < len(lines) && strings.TrimSpace(lines[i]) != w {
			i++
		}
		if i == len(lines) {
			t.Errorf("line %q missing or out of order in:\n%s", w, text)
			return
		}
		i++
	}
}

// utf16LE encodes s as Windows Notepad saves 「Unicode」 text.
func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
