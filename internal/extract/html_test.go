package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func encodeGBK(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExtractHTMLCharsets(t *testing.T) {
	page := readExtractFixture(t, "extract_huaian_2024.html")
	want := extractFixture(t, "extract_huaian_2024.html")
	gbPage := bytes.Replace(page, []byte("charset=utf-8"), []byte("charset=gb2312"), 1)
	tests := []struct {
		name string
		data []byte
	}{
		{"meta gb2312", encodeGBK(t, string(gbPage))},
		{"no meta, GBK bytes", encodeGBK(t, strings.Replace(string(page), "charset=utf-8", "", 1))},
		{"UTF-8 BOM", append([]byte("\xEF\xBB\xBF"), page...)},
		{"meta says utf-8, bytes are GBK", encodeGBK(t, string(page))},
		{"meta says iso-8859-1, bytes are GBK", encodeGBK(t, strings.Replace(string(page), "charset=utf-8", "charset=iso-8859-1", 1))},
		{"meta charset attribute", bytes.Replace(page, []byte(`http-equiv="Content-Type" content="text/html; charset=utf-8"`), []byte(`charset="UTF-8"`), 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Document("page.html", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("text differs from the UTF-8 page's:\n%s", got)
			}
		})
	}
}

func TestExtractHTMLTables(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []string
	}{
		{
			name: "rowspan label on its own line, items keep their labels",
			html: `<table><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>2</td><td>0</td></tr>
				<tr><td>2.其他法律行政法规禁止公开</td><td>30</td><td>1</td></tr></table>`,
			want: []string{"（三）不予公开", "1.属于国家秘密 2 0", "2.其他法律行政法规禁止公开 30 1"},
		},
		{
			name: "colspan label and figure, signed and decimal figures",
			html: `<table><tr><td colspan="2">行政&nbsp;许可</td><td>161</td><td>＋14</td><td>12,209</td></tr>
				<tr><td colspan="2">政府集中采购</td><td>12</td><td colspan="2">44.2</td></tr></table>`,
			want: []string{"行政许可 161 +14 12209", "政府集中采购 12 44.2"},
		},
		{
			name: "empty and dash cells keep their column",
			html: `<table><tr><td>规章</td><td>1</td><td></td><td>—</td><td></td></tr><tr><td>规范性文件</td><td>1</td><td>2</td><td>3</td></tr></table>`,
			want: []string{"规章 1 — —", "规范性文件 1 2 3"},
		},
		{
			name: "figure with a unit under a merged header stays a figure",
			html: `<table><tr><td>信息内容</td><td>采购项目数量</td><td colspan="2">采购总金额</td></tr>
				<tr><td>政府集中采购</td><td>12</td><td colspan="2">12,345,678.90元</td></tr></table>`,
			want: []string{"信息内容 采购项目数量 采购总金额", "政府集中采购 12 12345678.90元"},
		},
		{
			name: "a column no row fills keeps its blank cells when a header names it",
			html: `<table><tr><td>申请人情况</td><td>自然人</td><td>其他</td><td>总计</td></tr>
				<tr><td>一、本年新收</td><td>5</td><td>&nbsp;</td><td> </td></tr>
				<tr><td>（一）予以公开</td><td>&nbsp;</td><td>&nbsp;</td><td></td></tr></table>`,
			want: []string{"申请人情况 自然人 其他 总计", "一、本年新收 5 — —", "（一）予以公开 — — —"},
		},
		{
			name: "vertical header and wrapped label",
			html: `<table><tr><td rowspan="2">三<br>、<br>本<br>年</td><td>（一）予以<br/>公开</td><td>1</td></tr>
				<tr><td><p>（二）部分公开</p></td><td>2</td></tr></table>`,
			want: []string{"三、本年", "（一）予以公开 1", "（二）部分公开 2"},
		},
		{
			name: "layout table around a data table reads as flow",
			html: `<table><tr><td><h2>标题</h2><div>正文第一段</div>
				<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>`,
			want: []string{"标题", "正文第一段", "规章 0"},
		},
		{
			name: "paragraphs, br and hidden parts",
			html: `<html><head><title>不要</title><style>p{}</style></head><body><script>var x="不要";</script>
				<p>第一行<br>第二行</p><div><span>一、</span><span>总体情况</span></div></body></html>`,
			want: []string{"第一行", "第二行", "一、总体情况"},
		},
		{
			name: "Word-exported HTML: MsoNormal paragraphs, o:p, conditional comments, spacer row",
			html: `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN>
				<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
				<p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:黑体'>二、主动公开政府信息情况<span lang=EN-US><o:p></o:p></span></span></b></p>
				<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>
				<tr><td width=120 rowspan=2 style='border:solid windowtext 1.0pt'><p class=MsoNormal><span style='font-size:10.5pt'>行政<br>许可</span></p></td>
				<td width=60><p class=MsoNormal align=center><span lang=EN-US>161<o:p></o:p></span></p></td>
				<td width=60><p class=MsoNormal align=center><span lang=EN-US>+14<o:p></o:p></span></p></td></tr>
				<tr><td width=60><p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p></td><td width=60><p class=MsoNormal><span lang=EN-US>3<o:p></o:p></span></p></td></tr>
				<![if !supportMisalignedColumns]><tr height=0><td width=120 style='border:none'></td><td width=60 style='border:none'></td></tr><![endif]>
				</table></body></html>`,
			want: []string{"二、主动公开政府信息情况", "行政许可 161 +14", "行政许可 — 3"},
		},
		{
			name: "absurd spans are clamped",
			html: `<table><tr><td colspan="99999" rowspan="99999">合计</td><td>7</td></tr><tr><td>8</td></tr></table>`,
			want: []string{"合计 7", "合计 8"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractHTML([]byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.Join(tt.want, "\n") + "\n"; got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
