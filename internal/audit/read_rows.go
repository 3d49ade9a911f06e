package audit

import (
	"regexp"
	"strings"
)

// rowLabelAliases are other printed labels of a canonical row, tried after
// the official label.
var rowLabelAliases = map[string][]string{
	"normative_documents": {"规范性文件"},
	"other_services":      {"其他对外管理服务"},
	"fees":                {"事业性收费"},
	"procurement":         {"集中采购"},
	"total":               {"总计"},
	"other.other":         {"其他"},
}

// labelCore is how many label characters after the item number identify a
// row: enough to tell rows apart, few enough to sit on the label's first
// printed line.
const labelCore = 6

// itemNumber matches the numbering in front of a printed label: 「1.」,
// 「（一）」, 「一、」.
var itemNumber = regexp.MustCompile(`^(?:\d+[.、]|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)`)

// rowKeys returns the strings that find a row's label in a stream, most
// specific first: item number and label start, label start, aliases.
func rowKeys(key, label string) []string {
	number := itemNumber.FindString(label)
	core := []rune(labelKey(strings.TrimPrefix(label, number)))
	if len(core) > labelCore {
		core = core[:labelCore]
	}
	var keys []string
	if n := labelKey(number); n != "" {
		keys = append(keys, n+string(core))
	}
	keys = append(keys, string(core))
	return append(keys, rowLabelAliases[key]...)
}

// placedRow is a row found in a stream: where its label starts and the
// cells printed between it and the next row found.
type placedRow struct {
	key   string
	found bool
	at    int
	cells []streamCell
}

// placeRows finds each row's label in order, each after the one before,
// and gives every cell to the last row whose label starts before it. Cells
// before the first label are returned as orphans.
func placeRows(s *tableStream, keys []string, labels map[string]string) (rows []placedRow, orphans []streamCell) {
	rows = make([]placedRow, len(keys))
	from := 0
	for i, k := range keys {
		rows[i].key = k
		for _, probe := range rowKeys(k, labels[k]) {
			if probe == "" {
				continue
			}
			if j := strings.Index(s.labels[from:], probe); j >= 0 {
				rows[i].found, rows[i].at = true, from+j
				from += j + len(probe)
				break
			}
		}
	}
	owner := -1
	next := 0
	for _, c := range s.cells {
		// A cell read at offset at comes after the label characters before at:
		// it belongs to the last row whose label starts strictly before at.
		for next < len(rows) && (!rows[next].found || rows[next].at < c.at) {
			if rows[next].found {
				owner = next
			}
			next++
		}
		if owner < 0 {
			orphans = append(orphans, c)
			continue
		}
		rows[owner].cells = append(rows[owner].cells, c)
	}
	return rows, orphans
}
