package catalog

import (
	"time"

	"github.com/gongkai/gongkai/internal/calendar"
)

// PublishWithin is the working days 条例第二十六条 allows between a
// document being made or changed and its publication.
const PublishWithin = 20

// Late reports whether the item was, or by now is, published later than 20
// working days after its 成文日期: an item still unpublished at now counts
// from now. Items without a 成文日期 are never late.
func (it *Item) Late(cal *calendar.Calendar, now time.Time) bool {
	if it.WrittenOn.IsZero() || it.Attribute != Proactive {
		return false
	}
	due, _ := cal.AddWorkingDays(it.WrittenOn, PublishWithin, nil)
	at := now
	if !it.PublishedAt.IsZero() {
		at = it.PublishedAt
	}
	return calendar.DateOf(at).After(due)
}
