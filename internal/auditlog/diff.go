package auditlog

import (
	"encoding/json"
	"sort"
)

// FieldChange is one field of a changed object: its Chinese name where
// the log knows it, what it was and what it became.
type FieldChange struct {
	Key, Label, Before, After string
}

// FieldLabels names in Chinese the fields the services record in their
// before and after states; a field not listed shows by its key.
var FieldLabels = map[string]string{
	"username": "用户名", "display_name": "姓名", "disabled": "已停用", "role": "角色", "user_id": "用户",
	"agency_id": "机关", "failed_logins": "连续输错密码次数", "locked_until": "锁定至", "revoked_api_tokens": "撤销的API令牌数",
	"name": "名称", "title": "标题", "index_no": "索引号", "doc_no": "文号", "state": "状态",
	"attribute": "公开属性", "validity": "有效性", "reason": "理由", "attachment": "附件", "imported": "导入条数",
	"Name": "名称", "Code": "代码", "Kind": "类别", "ParentID": "上级机关", "Status": "状态", "Year": "年度",
	"Stage": "办理阶段", "QueryNo": "查询号", "Received": "收到日期", "Due": "答复期限", "Outcome": "答复结果",
	"Applicant": "申请人", "Request": "申请内容", "Channel": "渠道", "SubmittedAt": "提交时间",
	"CorrectionNoticeOn": "补正通知日期", "CorrectionDue": "补正期限", "CorrectedReceived": "收到补正日期",
	"CorrectionItems": "补正事项", "CorrectionDays": "补正期限（工作日）", "CorrectionDelivered": "补正通知送达日期",
	"OriginalRequest": "原申请内容", "Position": "排序", "Title": "标题",
}

// Diff compares an entry's before and after JSON field by field, in key
// order, and returns the fields that changed; a state that is not a JSON
// object shows whole, under the key "—".
func Diff(before, after string) []FieldChange {
	b, a := jsonObject(before), jsonObject(after)
	if (before != "" && b == nil) || (after != "" && a == nil) {
		if before == after {
			return nil
		}
		return []FieldChange{{Key: "—", Label: "内容", Before: before, After: after}}
	}
	keys := make([]string, 0, len(a)+len(b))
	for k := range b {
		keys = append(keys, k)
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []FieldChange
	for _, k := range keys {
		bv, av := jsonText(b[k]), jsonText(a[k])
		if bv == av {
			continue
		}
		label := FieldLabels[k]
		if label == "" {
			label = k
		}
		out = append(out, FieldChange{Key: k, Label: label, Before: bv, After: av})
	}
	return out
}

func jsonObject(s string) map[string]json.RawMessage {
	if s == "" {
		return map[string]json.RawMessage{}
	}
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(s), &m) != nil {
		return nil
	}
	return m
}

// jsonText shows a JSON value plainly: strings without quotes, true and
// false as 是 and 否, null as nothing.
func jsonText(v json.RawMessage) string {
	if v == nil {
		return ""
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	switch string(v) {
	case "true":
		return "是"
	case "false":
		return "否"
	case "null":
		return ""
	}
	return string(v)
}
