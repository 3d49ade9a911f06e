package catalog

import (
	"bytes"
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// ImportHeaders are the column headings a bulk import file may use, in the
// order of the template; 标题 and 成文日期 are required.
var ImportHeaders = []string{"标题", "文号", "发布机构", "成文日期", "发布日期", "栏目", "主题分类", "体裁分类",
	"有效性", "废止/失效日期", "发布渠道", "原创", "文件属性", "认定理由", "法律依据", "正文"}

// MaxImportRows bounds one import file.
const MaxImportRows = 20000

// RowError is why one row of an import file was refused; Row counts the
// heading as row 1, as spreadsheets do.
type RowError struct {
	Row     int
	Message string
}

// ReadImport reads a CSV (UTF-8) file of existing items; a workbook is read
// into rows in the sandbox and given to ReadImportRows. Every row is
// checked; the items are returned only when no row has an error, so an
// import is all or nothing. Rows with a 发布日期 are already published
// items (state Published at that day, China time); others are drafts.
// columns resolves the 栏目 column by name or "上级 / 下级" path.
func ReadImport(name string, data []byte, columns []Column) ([]Item, []RowError, error) {
	rows, err := importRows(name, data)
	if err != nil {
		return nil, nil, err
	}
	return ReadImportRows(rows, columns)
}

// ReadImportRows is ReadImport for a file already read into rows (the first
// row the headings), such as a workbook read in the sandbox.
func ReadImportRows(rows [][]string, columns []Column) ([]Item, []RowError, error) {
	if len(rows) < 2 {
		return nil, nil, errs.Invalid("文件中没有数据行（第一行应为表头）")
	}
	if len(rows)-1 > MaxImportRows {
		return nil, nil, errs.Invalid("一次最多导入 %d 行", MaxImportRows)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, need := range []string{"标题", "成文日期"} {
		if _, ok := col[need]; !ok {
			return nil, nil, errs.Invalid("表头缺少「%s」列", need)
		}
	}
	byName := map[string]int64{}
	for _, c := range columns {
		byName[c.Name] = c.ID
		byName[ColumnPath(columns, c.ID)] = c.ID
	}
	var items []Item
	var bad []RowError
	for i, row := range rows[1:] {
		get := func(h string) string {
			if j, ok := col[h]; ok && j < len(row) {
				return strings.TrimSpace(row[j])
			}
			return ""
		}
		if strings.Join(row, "") == "" {
			continue
		}
		it, err := importItem(get, byName)
		if err == nil {
			err = it.Validate()
		}
		if err != nil {
			msg := errs.Message(err)
			if msg == "" {
				msg = err.Error()
			}
			bad = append(bad, RowError{Row: i + 2, Message: msg})
			continue
		}
		items = append(items, it)
	}
	if len(bad) > 0 {
		return nil, bad, nil
	}
	return items, nil, nil
}

// importItem builds an item from one row's fields.
func importItem(get func(string) string, columns map[string]int64) (Item, error) {
	it := Item{Title: get("标题"), DocNo: get("文号"), Publisher: get("发布机构"), Topic: get("主题分类"), Genre: get("体裁分类"),
		Body: get("正文"), AttributeReason: get("认定理由"), LegalBasis: get("法律依据"), Original: get("原创") != "否", State: Draft}
	var err error
	day := func(h string) calendar.Date {
		v := get(h)
		if v == "" || err != nil {
			return calendar.Date{}
		}
		d, perr := calendar.ParseDate(strings.ReplaceAll(v, "/", "-"))
		if perr != nil {
			err = errs.Invalid("「%s」%q 不是 YYYY-MM-DD 格式的日期", h, v)
		}
		return d
	}
	it.WrittenOn, it.InvalidOn = day("成文日期"), day("废止/失效日期")
	if pub := day("发布日期"); !pub.IsZero() {
		it.State, it.PublishedAt = Published, time.Date(pub.Year, pub.Month, pub.Day, 9, 0, 0, 0, calendar.China).UTC()
		it.CreatedAt = it.PublishedAt
	}
	if err != nil {
		return it, err
	}
	if name := get("栏目"); name != "" {
		if it.ColumnID = columns[name]; it.ColumnID == 0 {
			return it, errs.Invalid("栏目「%s」不存在", name)
		}
	}
	lookup := func(h, v string, labels map[string]string) (string, error) {
		if v == "" {
			return "", nil
		}
		if code, ok := labels[v]; ok {
			return code, nil
		}
		return "", errs.Invalid("「%s」不能是 %q", h, v)
	}
	v, err := lookup("有效性", get("有效性"), map[string]string{"有效": "valid", "废止": "repealed", "失效": "expired"})
	if err != nil {
		return it, err
	}
	it.Validity = Validity(v)
	if v, err = lookup("发布渠道", get("发布渠道"), map[string]string{"门户网站": "website", "网站": "website", "微信公众号": "wechat", "微信": "wechat", "其他": "other", "其他渠道": "other"}); err != nil {
		return it, err
	}
	it.Channel = Channel(v)
	if v, err = lookup("文件属性", get("文件属性"), map[string]string{"主动公开": "proactive", "依申请公开": "on_request", "不予公开": "withheld"}); err != nil {
		return it, err
	}
	it.Attribute = Attribute(v)
	if it.State == Published && it.Attribute != "" && it.Attribute != Proactive {
		return it, errs.Invalid("只有主动公开的信息可以带发布日期导入")
	}
	return it, nil
}

// importRows returns the cells of a CSV file. A workbook (XLSX) is read
// into rows by the caller, in the sandbox, and given to ReadImportRows.
func importRows(name string, data []byte) ([][]string, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
		r.FieldsPerRecord = -1
		var rows [][]string
		for {
			rec, err := r.Read()
			if err == io.EOF {
				return rows, nil
			}
			if err != nil {
				return nil, errs.Invalid("CSV 格式有误：%v", err)
			}
			rows = append(rows, rec)
		}
	}
	return nil, errs.Invalid("只能导入 CSV（UTF-8）或 XLSX 文件")
}
