package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/jobs"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
	"github.com/gongkai/gongkai/internal/web"
)

const demoPassword = "demo-password-123"

// testHashing keeps the demo users' password hashes cheap, so that the
// hundreds of logins of these tests do not each spend 64 MiB of argon2id.
var testHashing = auth.Hashing{MemoryKiB: 64, Iterations: 1, Parallelism: 1}

// testPolicy is the default policy with cheap password hashes.
func testPolicy() auth.Policy {
	p := auth.DefaultPolicy
	p.Hashing = testHashing
	return p
}

// seeded is the demo data, seeded once per engine and copied for each test.
var seeded = storetest.NewTemplate("demo", func(ctx context.Context, db *store.DB) error {
	return demo.Seed(ctx, db, testHashing, demoPassword)
})

// env is a running server over a seeded database.
type env struct {
	t     *testing.T
	db    *store.DB
	web   *web.Server
	srv   *httptest.Server
	ids   map[string]int64 // agency name → id
	users map[string]int64 // username → id
	now   time.Time
}

// newEnv serves db, a copy of the demo data (seeded.Open or
// seeded.ForEach); opts adjust the server's configuration.
func newEnv(t *testing.T, db *store.DB, opts ...func(*web.Config)) *env {
	t.Helper()
	ctx := context.Background()
	e := &env{t: t, db: db, ids: map[string]int64{}, users: map[string]int64{}, now: time.Now()}
	clock := func() time.Time { return e.now }
	db.Now = clock
	svc := auth.NewService(db, testPolicy(), clock)
	cfg := web.Config{DB: db, Auth: svc, Log: slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn})), Now: clock, MaxBody: 64 << 10, NoPostLimits: true, Extractor: testExtractor}
	for _, o := range opts {
		o(&cfg)
	}
	w, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.web = w
	e.srv = httptest.NewServer(w.Handler())
	t.Cleanup(e.srv.Close)
	blobs := cfg.Blobs
	if blobs == nil {
		blobs = blob.Dir{Root: db.BlobDir()}
	}
	runCtx, stopJobs := context.WithCancel(ctx)
	texts := &jobs.AttachmentTexts{DB: db, Blobs: blobs, Extractor: testExtractor, Poll: 20 * time.Millisecond}
	audits := &jobs.AuditFiles{DB: db, Blobs: blobs, Reader: testExtractor, Poll: 20 * time.Millisecond}
	var running sync.WaitGroup
	running.Add(2)
	go func() { defer running.Done(); texts.Run(runCtx) }()
	go func() { defer running.Done(); audits.Run(runCtx) }()
	t.Cleanup(func() { stopJobs(); running.Wait() })
	all, err := db.Agencies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		e.ids[a.Name] = a.ID
	}
	for _, acc := range demo.Accounts {
		u, err := db.UserByUsername(ctx, acc.Username)
		if err != nil {
			t.Fatal(err)
		}
		e.users[acc.Username] = u.ID
	}
	return e
}

// token creates an API token for a demo user and returns its secret.
func (e *env) token(username string) string {
	e.t.Helper()
	secret, hash := auth.NewToken("gka_")
	err := e.db.CreateAPIToken(context.Background(), &auth.APIToken{UserID: e.users[username], Name: "测试", TokenHash: hash},
		auditlog.Change{Actor: "test"})
	if err != nil {
		e.t.Fatal(err)
	}
	return secret
}

// client is a browser: a cookie jar and the CSRF token of its session.
type client struct {
	e    *env
	http *http.Client
	csrf string
}

func (e *env) anonymous() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// login logs a demo user in and picks up its CSRF token.
func (e *env) login(username string) *client {
	e.t.Helper()
	c := e.anonymous()
	res, _ := c.post("/login", url.Values{"username": {username}, "password": {demoPassword}})
	if res.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("login %s: status %d", username, res.StatusCode)
	}
	_, body := c.get("/office/account")
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		e.t.Fatalf("no CSRF token on the account page of %s", username)
	}
	c.csrf = m[1]
	return c
}

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.e.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (c *client) get(path string) (*http.Response, string) {
	req, _ := http.NewRequest("GET", c.e.srv.URL+path, nil)
	return c.do(req)
}

// post sends a form with the client's CSRF token unless the form has one.
func (c *client) post(path string, form url.Values) (*http.Response, string) {
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok && c.csrf != "" {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.e.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// path fills a route pattern's wildcards with ids of the demo records.
func (e *env) path(pattern string, agencyName string) string {
	r := strings.NewReplacer(
		"{agency}", itoa(e.ids[agencyName]),
		"{user}", itoa(e.users["spj-editor"]),
		"{token}", "1",
		"{case}", "1", "{letter}", "1", "{file}", "1", "{format}", "pdf", "{job}", "1",
		"{$}", "",
	)
	return r.Replace(pattern)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// testLog sends the server's warnings and errors to the test log, shown
// when a test fails.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// waitTexts waits until the jobs have read every attachment of an item.
func (e *env) waitTexts(itemID int64) {
	e.t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		atts, err := e.db.Attachments(context.Background(), itemID)
		if err != nil {
			e.t.Fatal(err)
		}
		pending := 0
		for _, a := range atts {
			if a.TextPending() {
				pending++
			}
		}
		if pending == 0 {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("%d attachments of item %d still unread after 2 minutes", pending, itemID)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
