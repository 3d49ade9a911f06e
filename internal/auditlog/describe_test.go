package auditlog

import (
	"slices"
	"testing"
	"time"
)

func TestSentence(t *testing.T) {
	at := time.Date(2026, 12, 4, 2, 21, 0, 0, time.UTC) // 10:21 in China
	names := Names{
		DisplayNames: map[int64]string{7: "张三"},
		Usernames:    map[int64]string{5: "lisi"},
		Items:        map[int64]string{12: "关于春节放假的通知"},
		Cases:        map[int64]string{3: "Q2026-0003"},
		Agencies:     map[int64]string{2: "市教育局"},
	}
	tests := []struct {
		name string
		e    Entry
		want string
	}{
		{"report by display name", Entry{ActorID: 7, Actor: "zhangsan", Action: "report.sign_off", Object: "annual_report:2:2020"},
			"张三 于 2026-12-04 10:21 签发 2020 年度报告"},
		{"item title", Entry{ActorID: 7, Actor: "zhangsan", Action: "item.attach", Object: "item:12"},
			"张三 于 2026-12-04 10:21 为信息《关于春节放假的通知》添加附件"},
		{"case query number", Entry{ActorID: 9, Actor: "wangwu", Action: CaseStep("extend"), Object: "case:3"},
			"wangwu 于 2026-12-04 10:21 申请延长申请（查询号 Q2026-0003）的答复期限"},
		{"user object", Entry{ActorID: 7, Action: "user.disable", Object: "user:5"}, "张三 于 2026-12-04 10:21 停用用户 lisi"},
		{"unknown user", Entry{ActorID: 7, Action: "user.disable", Object: "user:6"}, "张三 于 2026-12-04 10:21 停用第 6 号用户"},
		{"login", Entry{ActorID: 7, Action: "user.login", Object: "user:7"}, "张三 于 2026-12-04 10:21 登录（第 7 号用户）"},
		{"system", Entry{Actor: "system", Action: ItemStep("publish_scheduled"), Object: "item:12"},
			"系统 于 2026-12-04 10:21 按定时发布信息《关于春节放假的通知》"},
		{"agency taxonomy", Entry{Actor: "cli", Action: "catalog.taxonomy", Object: "agency:2:taxonomy:topic"},
			"命令行 于 2026-12-04 10:21 修改市教育局的分类（topic）"},
		{"no object", Entry{Actor: "demo", Action: "demo.seed"}, "演示数据 于 2026-12-04 10:21 写入演示数据"},
		{"unregistered action", Entry{Actor: "x", Action: "old.thing", Object: "thing:1"}, "x 于 2026-12-04 10:21 old.thing thing:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.e.At = at
			if got := names.Sentence(tt.e); got != tt.want {
				t.Fatalf("Sentence = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWant(t *testing.T) {
	es := []Entry{
		{ActorID: 7, Object: "user:5"}, {ActorID: 7, Object: "item:12"}, {ActorID: 5, Object: "case:3"},
		{Object: "annual_report:2:2020"}, {Object: "agency:2:scan_words"}, {Object: "item:12"},
	}
	w := Want(es)
	if !slices.Equal(w.Users, []int64{7, 5}) || !slices.Equal(w.Items, []int64{12}) ||
		!slices.Equal(w.Cases, []int64{3}) || !slices.Equal(w.Agencies, []int64{2}) {
		t.Fatalf("Want = %+v", w)
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, before, after string
		want                []FieldChange
	}{
		{"unchanged fields hidden", `{"title":"甲","state":"draft"}`, `{"title":"甲","state":"published"}`,
			[]FieldChange{{Key: "state", Label: "状态", Before: "draft", After: "published"}}},
		{"creation", "", `{"username":"lisi","disabled":false}`,
			[]FieldChange{{Key: "disabled", Label: "已停用", After: "否"}, {Key: "username", Label: "用户名", After: "lisi"}}},
		{"unknown key", `{"x":1}`, `{"x":2}`, []FieldChange{{Key: "x", Label: "x", Before: "1", After: "2"}}},
		{"not an object", `"draft"`, `"published"`, []FieldChange{{Key: "—", Label: "内容", Before: `"draft"`, After: `"published"`}}},
		{"nothing changed", `{"a":1}`, `{"a":1}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Diff(tt.before, tt.after); !slices.Equal(got, tt.want) {
				t.Fatalf("Diff = %+v, want %+v", got, tt.want)
			}
		})
	}
}
