package auditlog

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// chinaTime is UTC+8, the zone the log's sentences give times in.
var chinaTime = time.FixedZone("CST", 8*3600)

// Object is an entry's object split at its colons: "annual_report:2:2020"
// is kind annual_report, ID 2 and Rest ["2020"].
type Object struct {
	Kind string
	ID   int64
	Rest []string
}

// ParseObject splits an object written kind:id[:more…]; ID is 0 when the
// second part is not a number.
func ParseObject(s string) Object {
	parts := strings.Split(s, ":")
	o := Object{Kind: parts[0]}
	if len(parts) > 1 {
		o.ID, _ = strconv.ParseInt(parts[1], 10, 64)
		o.Rest = parts[2:]
	}
	return o
}

// Names are what the numbers of a page of entries stand for, looked up
// together once per page (Want lists them).
type Names struct {
	DisplayNames map[int64]string // users' display names, for actors
	Usernames    map[int64]string // users' login names, for user objects
	Items        map[int64]string // information items' titles
	Cases        map[int64]string // applications' 查询号
	Agencies     map[int64]string // agencies' names
}

// Wanted lists the numbers to look up for a page of entries.
type Wanted struct {
	Users, Items, Cases, Agencies []int64
}

// Want lists the users, items, cases and agencies the entries name.
func Want(es []Entry) Wanted {
	var w Wanted
	seen := map[string]bool{}
	add := func(list *[]int64, kind string, id int64) {
		if id == 0 || seen[kind+strconv.FormatInt(id, 10)] {
			return
		}
		seen[kind+strconv.FormatInt(id, 10)] = true
		*list = append(*list, id)
	}
	for _, e := range es {
		add(&w.Users, "user", e.ActorID)
		o := ParseObject(e.Object)
		switch o.Kind {
		case "user":
			add(&w.Users, "user", o.ID)
		case "item":
			add(&w.Items, "item", o.ID)
		case "case":
			add(&w.Cases, "case", o.ID)
		case "agency", "letter_settings":
			add(&w.Agencies, "agency", o.ID)
		}
	}
	return w
}

// Actor is who made the change: the user's display name when known, else
// the name the entry recorded (a username, "system", "cli", "demo").
func (n Names) Actor(e Entry) string {
	if d := n.DisplayNames[e.ActorID]; e.ActorID != 0 && d != "" {
		return d
	}
	switch e.Actor {
	case "system":
		return "系统"
	case "cli":
		return "命令行"
	case "anonymous", "public", "":
		return "公众"
	case "demo":
		return "演示数据"
	}
	return e.Actor
}

func named(m map[int64]string, id int64, format, fallback string) string {
	if v, ok := m[id]; ok && v != "" {
		return fmt.Sprintf(format, v)
	}
	return fmt.Sprintf(fallback, id)
}

// Object describes an entry's object in Chinese: "item:12" as the item's
// title, "case:3" by its 查询号, "annual_report:2:2020" as 2020 年度报告.
// An object of a kind it does not know shows as recorded.
func (n Names) Object(s string) string {
	if s == "" {
		return ""
	}
	o := ParseObject(s)
	rest := func(i int) string {
		if i < len(o.Rest) {
			return o.Rest[i]
		}
		return ""
	}
	switch o.Kind {
	case "user":
		return named(n.Usernames, o.ID, "用户 %s", "第 %d 号用户")
	case "item":
		return named(n.Items, o.ID, "信息《%s》", "第 %d 号信息")
	case "case":
		return named(n.Cases, o.ID, "申请（查询号 %s）", "第 %d 号申请")
	case "annual_report":
		return rest(0) + " 年度报告"
	case "holidays":
		return fmt.Sprintf("%d 年节假日安排", o.ID)
	case "api_token":
		return fmt.Sprintf("第 %d 号 API 令牌", o.ID)
	case "column":
		return fmt.Sprintf("第 %d 号栏目", o.ID)
	case "litigation":
		return fmt.Sprintf("第 %d 号复议诉讼记录", o.ID)
	case "letter_settings":
		return named(n.Agencies, o.ID, "%s的文书设置", "第 %d 号机关的文书设置")
	case "letter_template":
		return "「" + rest(0) + "」文书模板"
	case "agency":
		a := named(n.Agencies, o.ID, "%s", "第 %d 号机关")
		switch rest(0) {
		case "":
			return a
		case "taxonomy":
			return a + "的分类（" + rest(1) + "）"
		case "scan_words":
			return a + "的敏感词表"
		case "items":
			return a + "的信息目录"
		}
	}
	return s
}

// Sentence tells an entry in one line: 「张三 于 2026-12-04 10:21 签发 2020
// 年度报告」, the time in China time.
func (n Names) Sentence(e Entry) string {
	head := n.Actor(e) + " 于 " + e.At.In(chinaTime).Format("2006-01-02 15:04") + " "
	info, ok := Lookup(e.Action)
	if !ok {
		return strings.TrimSpace(head + string(e.Action) + " " + e.Object)
	}
	obj := n.Object(e.Object)
	if obj == "" {
		obj = info.Noun
	}
	return head + info.phrase(obj)
}
