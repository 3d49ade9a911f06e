package catalog

import (
	"slices"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/errs"
)

// State is where an item is in the review before publishing.
type State string

// The states: draft → submitted → reviewed → published → withdrawn, or
// repealed/expired by validity. A rejected item goes back to draft.
const (
	Draft         State = "draft"
	Submitted     State = "submitted"
	Reviewed      State = "reviewed"
	Published     State = "published"
	Withdrawn     State = "withdrawn"
	StateRepealed State = "repealed"
	StateExpired  State = "expired"
)

// States lists every state in workflow order, for lists and filters.
var States = []State{Draft, Submitted, Reviewed, Published, Withdrawn, StateRepealed, StateExpired}

// Label returns the Chinese name.
func (s State) Label() string {
	switch s {
	case Draft:
		return "草稿"
	case Submitted:
		return "待审核"
	case Reviewed:
		return "已审核待发布"
	case Published:
		return "已发布"
	case Withdrawn:
		return "已撤回"
	case StateRepealed:
		return "已废止"
	case StateExpired:
		return "已失效"
	}
	return string(s)
}

// Known reports whether s is one of the defined states.
func (s State) Known() bool { return slices.Contains(States, s) }

// Editable reports whether the item's content may still change.
func (s State) Editable() bool { return s == Draft }

// Action is a step of the workflow.
type Action string

// The workflow's actions.
const (
	Create   Action = "create"
	Edit     Action = "edit"
	Submit   Action = "submit"
	Reject   Action = "reject"
	Approve  Action = "approve"
	Publish  Action = "publish"
	Schedule Action = "schedule"
	Withdraw Action = "withdraw"
	Repeal   Action = "repeal"
	Expire   Action = "expire"
)

// Label returns the Chinese name.
func (a Action) Label() string {
	return map[Action]string{Create: "新建", Edit: "修改", Submit: "提交审核", Reject: "退回", Approve: "审核通过",
		Publish: "发布", Schedule: "定时发布", Withdraw: "撤回", Repeal: "废止", Expire: "失效"}[a]
}

// Actor is who takes a step.
type Actor struct {
	ID   int64
	Name string
}

// Event is one step in an item's history: who, what, why and when.
type Event struct {
	ItemID  int64
	Action  Action
	From    State
	To      State
	ActorID int64
	Actor   string
	Reason  string
	At      time.Time
}

// Step asks for a transition. Reason is the comment of a rejection, the
// written override of scan findings on approval, or why an item is
// withdrawn; When is the scheduled time of a Schedule and the day of a
// Repeal or Expire.
type Step struct {
	Action Action
	By     Actor
	Reason string
	When   time.Time
	// Blocking is the number of unresolved scan findings, unreadable
	// attachments and attachments still being read (approval only).
	Blocking int
	// Reading is how many of Blocking are attachments whose text is still
	// being read, which the scan has not seen yet.
	Reading int
}

// Apply moves it through step at time now, or says in Chinese why it may
// not. It returns the event to record. The permission to take the step is
// the caller's to check; Apply checks the rules of the workflow itself:
// the order of states, that a reviewer is not the author (「谁上网、谁负责」
// needs two people), comments on rejection and reasons on withdrawal, and
// that scan findings block approval unless overridden in writing.
func (it *Item) Apply(step Step, now time.Time) (Event, error) {
	orig := it
	next := *it
	it = &next
	reason := strings.TrimSpace(step.Reason)
	ev := Event{ItemID: it.ID, Action: step.Action, From: it.State, ActorID: step.By.ID, Actor: step.By.Name, Reason: reason, At: now}
	need := func(from ...State) error {
		for _, s := range from {
			if it.State == s {
				return nil
			}
		}
		return errs.Conflict("「%s」状态的信息不能%s", it.State.Label(), step.Action.Label())
	}
	notAuthor := func() error {
		if step.By.ID != 0 && step.By.ID == it.AuthorID {
			return errs.Forbidden("不能审核或发布自己起草的信息，须由另一位审核人办理")
		}
		return nil
	}
	var err error
	switch step.Action {
	case Submit:
		err = need(Draft)
		it.State = Submitted
	case Reject:
		if err = need(Submitted, Reviewed); err == nil && reason == "" {
			err = errs.Invalid("退回时请填写审核意见")
		}
		if err == nil {
			err = notAuthor()
		}
		it.State, it.ScheduledAt = Draft, time.Time{}
	case Approve:
		if err = need(Submitted); err == nil {
			err = notAuthor()
		}
		switch {
		case err != nil || step.Blocking == 0 || reason != "":
		case step.Reading > 0:
			err = errs.Conflict("有 %d 个附件的文字仍在读取，隐私和保密检查尚未完成：请稍后再审核，或写明理由后强制通过", step.Reading)
		default:
			err = errs.Conflict("隐私和保密检查发现 %d 处问题：请先修改，或写明理由后强制通过", step.Blocking)
		}
		it.State, it.ReviewerID = Reviewed, step.By.ID
		if step.Blocking > 0 {
			it.Override = reason
		}
	case Publish:
		if err = need(Reviewed); err == nil {
			err = notAuthor()
		}
		it.State, it.PublishedAt, it.ScheduledAt = Published, now, time.Time{}
	case Schedule:
		if err = need(Reviewed); err == nil {
			err = notAuthor()
		}
		if err == nil && !step.When.After(now) {
			err = errs.Invalid("定时发布的时间应晚于现在")
		}
		it.ScheduledAt = step.When
		ev.Reason = step.When.In(calendar.China).Format("2006-01-02 15:04")
	case Withdraw:
		if err = need(Published); err == nil && reason == "" {
			err = errs.Invalid("撤回时请写明理由")
		}
		it.State = Withdrawn
	case Repeal, Expire:
		err = need(Published)
		if err == nil && step.When.IsZero() {
			err = errs.Invalid("请填写废止或失效日期")
		}
		it.InvalidOn = calendar.DateOf(step.When)
		it.State, it.Validity = StateRepealed, Repealed
		if step.Action == Expire {
			it.State, it.Validity = StateExpired, Expired
		}
	default:
		err = errs.Invalid("未知操作")
	}
	if err != nil {
		return Event{}, err
	}
	ev.To = it.State
	it.UpdatedAt = now
	*orig = next
	return ev, nil
}

// Due reports whether a scheduled item should be published at now.
func (it *Item) Due(now time.Time) bool {
	return it.State == Reviewed && !it.ScheduledAt.IsZero() && !it.ScheduledAt.After(now)
}
