package jobs_test

import (
	"context"
	"encoding/base64"
	"io"
	"mime"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/idnumber"
	"github.com/gongkai/gongkai/internal/jobs"
	gkmail "github.com/gongkai/gongkai/internal/mail"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// mailServer is a real SMTP server in the test process (go-smtp) that
// wants PLAIN auth and keeps what it accepts; refuse makes the next DATA
// answer 451.
type mailServer struct {
	mu     sync.Mutex
	got    []arrived
	refuse int
	addr   string
}

// arrived is one accepted message, decoded.
type arrived struct {
	To        []string
	Subject   string
	MessageID string
	Body      string
}

func startMailServer(t *testing.T) *mailServer {
	t.Helper()
	ms := &mailServer{}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &mailSession{ms: ms}, nil }))
	srv.Domain, srv.AllowInsecureAuth = "localhost", true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ms.addr = ln.Addr().String()
	go srv.Serve(ln) //nolint:errcheck // returns when closed
	t.Cleanup(func() { srv.Close() })
	return ms
}

func (ms *mailServer) messages() []arrived {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return append([]arrived(nil), ms.got...)
}

type mailSession struct {
	ms     *mailServer
	authed bool
	to     []string
}

func (s *mailSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *mailSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != "xxgk" || pass != "s3cret" {
			return smtp.ErrAuthFailed
		}
		s.authed = true
		return nil
	}), nil
}

func (s *mailSession) Mail(string, *smtp.MailOptions) error {
	if !s.authed {
		return smtp.ErrAuthRequired
	}
	return nil
}

func (s *mailSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}

func (s *mailSession) Data(r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, m.Body))
	if err != nil {
		return err
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		return err
	}
	s.ms.mu.Lock()
	defer s.ms.mu.Unlock()
	if s.ms.refuse > 0 {
		s.ms.refuse--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	s.ms.got = append(s.ms.got, arrived{To: s.to, Subject: subject, MessageID: m.Header.Get("Message-ID"), Body: string(body)})
	return nil
}

func (s *mailSession) Reset()        { s.to = nil }
func (s *mailSession) Logout() error { return nil }

// notifiedCase stores a case of an applicant with an e-mail address and
// asks them for a 补正, which queues one notification; it returns the case
// and its status code. code names the agency, one per call.
func notifiedCase(t *testing.T, db *store.DB, code string) (*cases.Case, string) {
	t.Helper()
	ctx := context.Background()
	a := &agency.Agency{Name: "长治市人民政府办公室" + code, Code: code, Kind: agency.Government}
	if err := db.CreateAgency(ctx, a, sys); err != nil {
		t.Fatal(err)
	}
	day := calendar.NewDate(2026, 3, 2)
	applicant := cases.Applicant{Kind: cases.NaturalPerson, Name: "张三", IDType: cases.IDResident,
		IDNumber: idnumber.CompleteResident("14040219900101123"), Phone: "13812345678", Email: "zhangsan@example.com"}
	c, ev, err := cases.NewCase(a.ID, cases.ChannelInPerson, applicant,
		cases.Request{Description: "2020年城区道路改造工程批复文件", Form: cases.FormPaper, Receive: cases.ReceivePost}, day, day)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := db.CreateCase(ctx, c, ev, nil, auditlog.Change{Actor: "officer", Action: "case.create"})
	if err != nil {
		t.Fatal(err)
	}
	cal, _ := calendar.Default()
	_, err = db.CaseStep(ctx, c.ID, func(c *cases.Case) (cases.Event, error) {
		return c.RequestCorrection(cal, day.AddDays(1), 10, []string{"请写明文件的年份"}, day.AddDays(1))
	}, auditlog.Change{Actor: "officer", Action: "case.correction"})
	if err != nil {
		t.Fatal(err)
	}
	return c, secret
}

// sender is the notification runner of db against ms, with the clock at
// *now.
func sender(t *testing.T, db *store.DB, ms *mailServer, now *time.Time) *jobs.Notifications {
	t.Helper()
	db.Now = func() time.Time { return *now }
	m, err := gkmail.ParseSMTP("smtp://xxgk:s3cret@" + ms.addr + "?from=xxgk@example.gov.cn")
	if err != nil {
		t.Fatal(err)
	}
	return &jobs.Notifications{DB: db, Mailer: m, BaseURL: "https://gk.example.gov.cn/"}
}

func next(t *testing.T, n *jobs.Notifications) bool {
	t.Helper()
	did, err := n.Next(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return did
}

// TestNotificationsSentBySMTP delivers a queued 补正 notice to a real SMTP
// server with auth: to the applicant, the query number in the subject, the
// status link in the body, no code; it is marked sent and not sent again.
func TestNotificationsSentBySMTP(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ms := startMailServer(t)
		now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
		n := sender(t, db, ms, &now)
		c, secret := notifiedCase(t, db, "0142768-1")
		if !next(t, n) || next(t, n) {
			t.Fatal("want one notification sent, then nothing to do")
		}
		got := ms.messages()
		if len(got) != 1 {
			t.Fatalf("%d messages arrived", len(got))
		}
		m := got[0]
		if len(m.To) != 1 || m.To[0] != "zhangsan@example.com" || !strings.Contains(m.Subject, c.QueryNo) {
			t.Errorf("to %v, subject %q", m.To, m.Subject)
		}
		link := "https://gk.example.gov.cn/cases/status?no=" + c.QueryNo
		if !strings.Contains(m.Body, link) || !strings.Contains(m.Body, "补正") || strings.Contains(m.Body, secret) ||
			strings.Contains(m.Body, "13812345678") {
			t.Errorf("body:\n%s", m.Body)
		}
		all, err := db.CaseNotifications(context.Background(), c.ID)
		if err != nil || len(all) != 1 || all[0].State != store.OutboxSent || m.MessageID != "<notice-"+strconv.FormatInt(all[0].ID, 10)+"@example.gov.cn>" {
			t.Errorf("outbox %+v %v, Message-ID %s", all, err, m.MessageID)
		}
	})
}

// TestNotificationsRetried keeps a notice the server refused (451) with
// the error, waits for the backoff, and sends it on the next try.
func TestNotificationsRetried(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ms := startMailServer(t)
		ms.refuse = 1
		now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
		n := sender(t, db, ms, &now)
		c, _ := notifiedCase(t, db, "0142768-1")
		if !next(t, n) {
			t.Fatal("nothing to send")
		}
		all, err := db.CaseNotifications(context.Background(), c.ID)
		if err != nil || len(all) != 1 || all[0].State != store.OutboxPending || all[0].Attempts != 1 ||
			!strings.Contains(all[0].LastError, "451") || !all[0].NextAttemptAt.After(now) {
			t.Fatalf("after the refusal: %+v %v", all, err)
		}
		if next(t, n) {
			t.Fatal("tried again before the backoff")
		}
		now = all[0].NextAttemptAt
		if !next(t, n) || len(ms.messages()) != 1 {
			t.Fatalf("after the backoff: %d messages", len(ms.messages()))
		}
		all, _ = db.CaseNotifications(context.Background(), c.ID)
		if all[0].State != store.OutboxSent || all[0].Attempts != 2 || all[0].LastError != "" {
			t.Errorf("after the retry: %+v", all[0])
		}
	})
}

// TestNotificationsClaimLapses has a runner "crash" between claim and send:
// another runner leaves the claimed notice alone until the claim lapses,
// then sends it exactly once.
func TestNotificationsClaimLapses(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ms := startMailServer(t)
		now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
		n := sender(t, db, ms, &now)
		notifiedCase(t, db, "0142768-1")
		if _, ok, err := db.ClaimNotification(context.Background(), now.Add(-5*time.Minute)); err != nil || !ok {
			t.Fatalf("the crashed runner's claim: %v %v", ok, err)
		}
		if next(t, n) {
			t.Fatal("sent while another runner held the claim")
		}
		now = now.Add(6 * time.Minute)
		if !next(t, n) || next(t, n) {
			t.Fatal("want the lapsed notification sent once")
		}
		now = now.Add(time.Hour)
		if next(t, n) || len(ms.messages()) != 1 {
			t.Fatalf("%d messages arrived, want exactly 1", len(ms.messages()))
		}
	})
}

// TestNotificationsRefusedAuth records a wrong password as a failure, not
// a message sent.
func TestNotificationsRefusedAuth(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ms := startMailServer(t)
		now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
		n := sender(t, db, ms, &now)
		m, _ := gkmail.ParseSMTP("smtp://xxgk:wrong@" + ms.addr + "?from=xxgk@example.gov.cn")
		n.Mailer = m
		c, _ := notifiedCase(t, db, "0142768-1")
		if !next(t, n) || len(ms.messages()) != 0 {
			t.Fatal("a message went out with a wrong password")
		}
		all, _ := db.CaseNotifications(context.Background(), c.ID)
		if len(all) != 1 || all[0].State != store.OutboxPending || !strings.Contains(all[0].LastError, "535") {
			t.Errorf("%+v", all)
		}
	})
}

// TestNotificationsSharedByRunners has four runners, as on several nodes,
// drain eight notifications at once: each arrives exactly once.
func TestNotificationsSharedByRunners(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, db *store.DB) {
		ms := startMailServer(t)
		now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
		n := sender(t, db, ms, &now)
		for i := range 8 {
			notifiedCase(t, db, "0142768-"+strconv.Itoa(i))
		}
		var wg sync.WaitGroup
		errc := make(chan error, 4)
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					did, err := n.Next(context.Background())
					if err != nil {
						errc <- err
						return
					}
					if !did {
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errc)
		for err := range errc {
			t.Error(err)
		}
		seen := map[string]bool{}
		for _, m := range ms.messages() {
			if seen[m.MessageID] {
				t.Errorf("%s arrived twice", m.MessageID)
			}
			seen[m.MessageID] = true
		}
		if len(seen) != 8 {
			t.Errorf("%d distinct messages arrived, want 8", len(seen))
		}
	})
}
