package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
)

// catalogStore is what the catalog demo needs from storage.
type catalogStore interface {
	SaveColumn(ctx context.Context, c *catalog.Column, ch auditlog.Change) error
	ImportItems(ctx context.Context, agencyID int64, items []catalog.Item, c auditlog.Change) error
	CreateItem(ctx context.Context, it *catalog.Item, c auditlog.Change) error
	TransitionItem(ctx context.Context, agencyID, itemID int64, step catalog.Step, c auditlog.Change) (*catalog.Item, error)
}

// demoColumn is a column of the seed bureau with how many website items it
// got in 2020: 758 in all, as the seed report says.
type demoColumn struct {
	name, parent string
	items2020    int
	titles       []string
}

var demoColumns = []demoColumn{
	{name: "公开规定", items2020: 12, titles: []string{"长治市行政审批服务管理局政府信息公开工作制度", "关于进一步做好政务公开工作的通知"}},
	{name: "组织机构", items2020: 6, titles: []string{"长治市行政审批服务管理局机构职能", "局领导分工调整情况"}},
	{name: "工作动态", items2020: 520, titles: []string{"市行政审批局召开“放管服效”改革推进会", "市行政审批局开展“一枚印章管审批”业务培训", "市政务服务中心推行“一网通办”", "市行政审批局深入企业开展帮办服务"}},
	{name: "行政权力"},
	{name: "权责清单", parent: "行政权力", items2020: 60, titles: []string{"行政许可事项权责清单", "其他行政权力事项权责清单"}},
	{name: "运行流程图", parent: "行政权力", items2020: 60, titles: []string{"建设工程规划许可运行流程图", "食品经营许可运行流程图"}},
	{name: "依法行政"},
	{name: "制度建设", parent: "依法行政", items2020: 30, titles: []string{"行政审批“容缺受理”实施办法", "关于规范行政审批中介服务的通知"}},
	{name: "法制信息", parent: "依法行政", items2020: 40, titles: []string{"行政执法公示", "法治政府建设年度报告"}},
	{name: "推进“放管服效”改革", items2020: 30, titles: []string{"深化“放管服效”改革优化营商环境实施方案", "“承诺制+标准地+全代办”改革工作动态"}},
}

// The seed report's new-media figures for 2020.
const (
	wechat2020         = 1427
	wechatOriginal2020 = 1100
)

// seedCatalog gives the bureau its columns and catalog: the 2020 website
// items and WeChat posts in the seed report's numbers, all imported in one
// transaction, and a draft with a personal ID number waiting for review.
func seedCatalog(ctx context.Context, db catalogStore, bureauID int64, c auditlog.Change) error {
	ids := map[string]int64{}
	for i, dc := range demoColumns {
		col := &catalog.Column{AgencyID: bureauID, Name: dc.name, ParentID: ids[dc.parent], Position: i}
		if err := db.SaveColumn(ctx, col, c); err != nil {
			return fmt.Errorf("demo: column %s: %w", dc.name, err)
		}
		ids[dc.name] = col.ID
	}
	var items []catalog.Item
	n := 0
	add := func(title string, column int64, ch catalog.Channel, original bool) {
		n++
		published := time.Date(2020, 1, 2, 1, 0, 0, 0, time.UTC).Add(time.Duration(n%360) * 24 * time.Hour).Add(time.Duration(n) * time.Minute)
		written := calendar.DateOf(published).AddDays(-(n % 9))
		items = append(items, catalog.Item{ColumnID: column, Publisher: Bureau, Title: title, Channel: ch, Original: original,
			Body:      fmt.Sprintf("<p>%s。长治市行政审批服务管理局坚持以公开为常态、不公开为例外，持续深化“放管服效”改革，推进行政许可事项标准化。</p><p>（第 %d 号）</p>", title, n),
			WrittenOn: written, PublishedAt: published, CreatedAt: published, Topic: "行政审批", Genre: "动态",
			Attribute: catalog.Proactive, State: catalog.Published, Validity: catalog.Valid})
	}
	for _, dc := range demoColumns {
		for i := 0; i < dc.items2020; i++ {
			add(fmt.Sprintf("%s（%d）", dc.titles[i%len(dc.titles)], i+1), ids[dc.name], catalog.Website, true)
		}
	}
	for i := 0; i < wechat2020; i++ {
		add(fmt.Sprintf("“长治市行政审批服务管理局”微信推送第 %d 期", i+1), 0, catalog.WeChat, i < wechatOriginal2020)
	}
	// A policy and its interpretation, in force, for the portal's links.
	add("长治市行政审批服务管理局关于推行告知承诺制审批的规定", ids["制度建设"], catalog.Website, true)
	items[len(items)-1].DocNo, items[len(items)-1].Genre = "长审管发〔2021〕3号", catalog.GenreNormative
	items[len(items)-1].PublishedAt = time.Date(2021, 3, 5, 2, 0, 0, 0, time.UTC)
	items[len(items)-1].WrittenOn = calendar.NewDate(2021, 3, 1)
	if err := db.ImportItems(ctx, bureauID, items, c); err != nil {
		return fmt.Errorf("demo: catalog: %w", err)
	}
	draft := &catalog.Item{AgencyID: bureauID, ColumnID: ids["工作动态"], Publisher: Bureau, Title: "关于公布行政许可办理结果的通知（待审核）",
		Body:      "<p>申请人：王某，身份证号 140402198506121232，已准予许可。</p>",
		WrittenOn: calendar.DateOf(time.Now()), Channel: catalog.Website, Original: true, Attribute: catalog.Proactive}
	if err := db.CreateItem(ctx, draft, c); err != nil {
		return fmt.Errorf("demo: draft: %w", err)
	}
	if _, err := db.TransitionItem(ctx, bureauID, draft.ID, catalog.Step{Action: catalog.Submit, By: catalog.Actor{Name: "demo"}}, c); err != nil {
		return fmt.Errorf("demo: submit draft: %w", err)
	}
	return nil
}
