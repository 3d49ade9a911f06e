package jobs

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/mail"
	"github.com/gongkai/gongkai/internal/store"
)

// Mailer delivers one e-mail (mail.SMTP does).
type Mailer interface {
	Send(ctx context.Context, m mail.Message) error
}

// maxAttempts is how many times a notification is tried before it is
// marked failed for staff to see; with the backoff below that is about a
// day of trying.
const maxAttempts = 10

// retryAfter is the wait after the attempts-th failure: a minute, doubling,
// at most six hours.
func retryAfter(attempts int) time.Duration {
	d := time.Minute << min(attempts-1, 9)
	return min(d, 6*time.Hour)
}

// Notifications sends the applicants' e-mails of the outbox.
type Notifications struct {
	DB     *store.DB
	Mailer Mailer
	// BaseURL is the public address the status link starts with (without
	// it the link is only the path).
	BaseURL string
	Log     *slog.Logger
	// Poll is how often an idle runner looks for work (default 1 s).
	Poll time.Duration
	// Runners is how many e-mails are sent at once (default 2).
	Runners int
}

// Run sends pending notifications until ctx is done.
func (n *Notifications) Run(ctx context.Context) {
	runLoop(ctx, n.Poll, n.Runners, n.Next, logger(n.Log), "jobs: notification")
}

// Next sends one due notification; did is false when there was none. A
// failure is recorded with the time of the next try, and after maxAttempts
// the notification is marked failed. The Message-ID is the notification's
// id, so a message sent again after a crash between sending and marking it
// sent is the same message to the receiving system.
func (n *Notifications) Next(ctx context.Context) (did bool, err error) {
	note, ok, err := n.DB.ClaimNotification(ctx, n.DB.Now().Add(-claimFor))
	if err != nil || !ok {
		return false, err
	}
	m := mail.Message{ID: "notice-" + strconv.FormatInt(note.ID, 10), To: note.To, Subject: note.Subject(),
		Body: noticeBody(note, n.BaseURL)}
	if err := n.Mailer.Send(ctx, m); err != nil {
		if ctx.Err() != nil {
			return true, ctx.Err() // the claim lapses; another runner sends it
		}
		attempts := note.Attempts + 1
		giveUp := attempts >= maxAttempts
		logger(n.Log).WarnContext(ctx, "jobs: notification not sent", "id", note.ID, "case", note.CaseID, "attempts", attempts, "gave_up", giveUp, "err", err)
		return true, n.DB.FailedNotification(ctx, note.ID, err.Error(), n.DB.Now().Add(retryAfter(attempts)), giveUp)
	}
	return true, n.DB.SentNotification(ctx, note.ID)
}

// noticeBody is the e-mail's text: the query number, what happened and
// the status link; the code is never in it.
func noticeBody(note store.Notification, baseURL string) string {
	return "您好：\n\n您的政府信息公开申请（查询号 " + note.QueryNo + "）有新的办理进展：\n\n" + note.Text +
		"\n\n查看办理进度：" + strings.TrimSuffix(baseURL, "/") + note.Path +
		"\n查看时请输入提交申请时获得的查询码。本邮件不含查询码，请勿将查询码告诉他人。\n\n此邮件由系统自动发送，请勿直接回复。\n"
}
