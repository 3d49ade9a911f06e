// Package catalog is proactive disclosure (主动公开): the information items an
// agency publishes, their catalog metadata, the columns (栏目) they are filed
// under, the review before publishing (「先审核、后公开」), the privacy and
// secrecy scan, and the figures the annual report takes from them. It holds
// no SQL and no HTTP.
package catalog

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// Validity is an item's 有效性.
type Validity string

// The validities of a document.
const (
	Valid    Validity = "valid"    // 有效
	Repealed Validity = "repealed" // 废止
	Expired  Validity = "expired"  // 失效
)

// validityLabels names each Validity in Chinese.
var validityLabels = map[Validity]string{Valid: "有效", Repealed: "废止", Expired: "失效"}

// Label returns the Chinese name, or the raw value when it is unknown.
func (v Validity) Label() string {
	if l, ok := validityLabels[v]; ok {
		return l
	}
	return string(v)
}

// Known reports whether v is one of the defined values.
func (v Validity) Known() bool {
	_, ok := validityLabels[v]
	return ok
}

// Attribute is the 文件属性认定 of a document.
type Attribute string

// The attributes every document gets.
const (
	Proactive Attribute = "proactive"  // 主动公开
	OnRequest Attribute = "on_request" // 依申请公开
	Withheld  Attribute = "withheld"   // 不予公开
)

// attributeLabels names each Attribute in Chinese.
var attributeLabels = map[Attribute]string{Proactive: "主动公开", OnRequest: "依申请公开", Withheld: "不予公开"}

// Label returns the Chinese name, or the raw value when it is unknown.
func (a Attribute) Label() string {
	if l, ok := attributeLabels[a]; ok {
		return l
	}
	return string(a)
}

// Known reports whether a is one of the defined values.
func (a Attribute) Known() bool {
	_, ok := attributeLabels[a]
	return ok
}

// Channel is where an item went out.
type Channel string

// The channels of the seed report: the portal website and new media.
const (
	Website Channel = "website" // 门户网站
	WeChat  Channel = "wechat"  // 微信公众号
	Other   Channel = "other"   // 其他新媒体
)

// channelLabels names each Channel in Chinese.
var channelLabels = map[Channel]string{Website: "门户网站", WeChat: "微信公众号", Other: "其他渠道"}

// Label returns the Chinese name, or the raw value when it is unknown.
func (c Channel) Label() string {
	if l, ok := channelLabels[c]; ok {
		return l
	}
	return string(c)
}

// Known reports whether c is one of the defined values.
func (c Channel) Known() bool {
	_, ok := channelLabels[c]
	return ok
}

// Genres are the 体裁分类 offered by default. 规章 and 规范性文件 feed part 二
// of the annual report.
var Genres = []string{GenreRule, GenreNormative, "通知", "公告", "意见", "办法", "报告", "计划", "动态", "图片", "其他"}

// Topics are the 主题分类 offered by default.
var Topics = []string{"综合政务", "政务公开", "行政审批", "经济管理", "财政金融", "城乡建设", "市场监管", "民政社会", "教育卫生", "其他"}

// The genres counted in part 二 of the annual report.
const (
	GenreRule      = "规章"
	GenreNormative = "规范性文件"
)

// Article20Items are the items of 条例第二十条 an item may fall under, by
// number; 0 means none.
var Article20Items = []string{"",
	"（一）行政法规、规章和规范性文件", "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
	"（三）国民经济和社会发展规划、专项规划、区域规划及相关政策", "（四）国民经济和社会发展统计信息",
	"（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", "（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
	"（七）财政预算、决算信息", "（八）行政事业性收费项目及其依据、标准", "（九）政府集中采购项目的目录、标准及实施情况",
	"（十）重大建设项目的批准和实施情况", "（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
	"（十二）突发公共事件的应急预案、预警信息及应对情况", "（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
	"（十四）公务员招考的职位、名额、报考条件等事项以及录用结果", "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"}

// Item is one piece of government information in the catalog.
type Item struct {
	ID       int64
	AgencyID int64
	ColumnID int64 // 栏目; 0 for none
	IndexNo  string
	// Publisher is the 发布机构, the agency's name unless another body issued it.
	Publisher string
	Title     string
	DocNo     string // 文号, e.g. 长政发〔2020〕12号
	Body      string // sanitised HTML
	WrittenOn calendar.Date
	// PublishedAt is when it reached the portal; zero until then.
	PublishedAt time.Time
	// ScheduledAt is a publication time chosen by the reviewer; zero for none.
	ScheduledAt     time.Time
	Topic           string // 主题分类
	Genre           string // 体裁分类
	Validity        Validity
	ValidFrom       calendar.Date
	InvalidOn       calendar.Date // the day it was repealed or expired
	Article20       int
	Channel         Channel
	Original        bool
	Attribute       Attribute
	AttributeReason string
	LegalBasis      string
	// InterpretsID is the policy this item interprets (政策解读); 0 for none.
	InterpretsID int64
	State        State
	AuthorID     int64
	ReviewerID   int64
	// Override is the reviewer's written reason to approve despite scan findings.
	Override  string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Limits on what an editor may type.
const (
	MaxTitle = 300
	MaxBody  = 2 << 20
)

// Validate checks what an editor must fill in and normalises the rest; it
// sanitises the body. Errors are errs.ErrInvalid with Chinese messages.
func (it *Item) Validate() error {
	it.Title = strings.TrimSpace(it.Title)
	it.DocNo = strings.TrimSpace(it.DocNo)
	it.Publisher = strings.TrimSpace(it.Publisher)
	switch {
	case it.Title == "":
		return errs.Invalid("请填写标题")
	case utf8.RuneCountInString(it.Title) > MaxTitle:
		return errs.Invalid("标题不能超过 %d 字", MaxTitle)
	case len(it.Body) > MaxBody:
		return errs.Invalid("正文过长")
	case it.WrittenOn.IsZero():
		return errs.Invalid("请填写成文日期")
	case it.WrittenOn.Year < 1949 || it.WrittenOn.Year > 2200:
		return errs.Invalid("成文日期 %s 不合理，请检查年份", it.WrittenOn)
	case it.Article20 < 0 || it.Article20 >= len(Article20Items):
		return errs.Invalid("第二十条事项无效")
	}
	if it.Validity == "" {
		it.Validity = Valid
	}
	if !it.Validity.Known() {
		return errs.Invalid("有效性无效")
	}
	if it.Validity != Valid && it.InvalidOn.IsZero() {
		return errs.Invalid("废止或失效的文件请填写废止/失效日期")
	}
	if it.Channel == "" {
		it.Channel = Website
	}
	if !it.Channel.Known() {
		return errs.Invalid("发布渠道无效")
	}
	if it.Attribute == "" {
		it.Attribute = Proactive
	}
	if !it.Attribute.Known() {
		return errs.Invalid("文件属性无效")
	}
	if it.Attribute != Proactive && (strings.TrimSpace(it.AttributeReason) == "" || strings.TrimSpace(it.LegalBasis) == "") {
		return errs.Invalid("认定为%s的文件须写明理由和法律依据", it.Attribute.Label())
	}
	if it.InterpretsID != 0 && it.InterpretsID == it.ID {
		return errs.Invalid("政策解读不能解读自身")
	}
	it.Body = Sanitize(it.Body)
	return nil
}

// Public reports whether the portal shows the item: published (or repealed
// or expired after publication) and 主动公开.
func (it *Item) Public() bool {
	return it.Attribute == Proactive && (it.State == Published || it.State == StateRepealed || it.State == StateExpired)
}
