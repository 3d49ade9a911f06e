package catalog

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gongkai/gongkai/internal/extract"
)

func TestReadImport(t *testing.T) {
	cols := []Column{{ID: 1, Name: "行政权力"}, {ID: 2, ParentID: 1, Name: "权责清单"}}
	good := "\ufeff标题,文号,成文日期,发布日期,栏目,有效性,发布渠道,原创\n" +
		"行政许可事项清单,长审管发〔2020〕1号,2020-01-02,2020-01-10,行政权力 / 权责清单,有效,网站,是\n" +
		"微信推送,,2020/03/01,,,,微信,否\n\n"
	items, bad, err := ReadImport("a.csv", []byte(good), cols)
	if err != nil || len(bad) != 0 || len(items) != 2 {
		t.Fatalf("good file: %d items, %+v, %v", len(items), bad, err)
	}
	if it := items[0]; it.ColumnID != 2 || it.State != Published || it.PublishedAt.IsZero() || it.DocNo != "长审管发〔2020〕1号" {
		t.Fatalf("first row %+v", it)
	}
	if it := items[1]; it.State != Draft || it.Channel != WeChat || it.Original || it.WrittenOn.String() != "2020-03-01" {
		t.Fatalf("second row %+v", it)
	}

	badFile := "标题,成文日期,栏目,有效性,文件属性,发布日期\n" +
		",2020-01-02,,,,\n" +
		"无日期,,,,,\n" +
		"错栏目,2020-01-02,不存在,,,\n" +
		"错有效性,2020-01-02,,可能,,\n" +
		"不公开却发布,2020-01-02,,,不予公开,2020-02-01\n" +
		"好的一行,2020-01-02,,,,\n"
	items, bad, err = ReadImport("b.csv", []byte(badFile), cols)
	if err != nil || items != nil {
		t.Fatalf("bad file: %v, %d items", err, len(items))
	}
	wantRows := []int{2, 3, 4, 5, 6}
	if len(bad) != len(wantRows) {
		t.Fatalf("row errors %+v", bad)
	}
	for i, r := range wantRows {
		if bad[i].Row != r || bad[i].Message == "" {
			t.Errorf("error %d = %+v, want row %d", i, bad[i], r)
		}
	}
	for _, tt := range []struct{ name, data string }{{"x.txt", "标题"}, {"x.csv", "标题,文号\n"}, {"x.csv", "文号\n1\n"}, {"x.csv", "\"a\n"}} {
		if _, _, err := ReadImport(tt.name, []byte(tt.data), cols); err == nil {
			t.Errorf("ReadImport(%s, %q) accepted", tt.name, tt.data)
		}
	}
}

func TestReadImportXLSX(t *testing.T) {
	f := excelize.NewFile()
	for i, row := range [][]any{{"标题", "成文日期"}, {"表格导入", "2021-05-06"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := extract.FirstSheet([]byte(b.String()), MaxImportRows+1)
	if err != nil {
		t.Fatal(err)
	}
	items, bad, err := ReadImportRows(rows, nil)
	if err != nil || len(bad) != 0 || len(items) != 1 || items[0].Title != "表格导入" {
		t.Fatalf("xlsx: %+v, %+v, %v", items, bad, err)
	}
}
