package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gongkai/gongkai/internal/testenv"
)

// chromiumPath finds Debian's Chromium, skipping loudly when it is absent
// and failing when GONGKAI_REQUIRE_CHROMIUM=1 (as in CI).
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("GONGKAI_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	testenv.Skip(t, "GONGKAI_REQUIRE_CHROMIUM", "browser journeys: Chromium not found (apt-get install chromium)")
	return ""
}

// server is the real gongkai binary serving demo data.
type server struct {
	url      string
	password string
	cmd      *exec.Cmd
	once     sync.Once
	stopErr  error
}

// stop sends SIGINT and waits for the process to exit, at most 20 s.
func (s *server) stop() error {
	s.once.Do(func() {
		_ = s.cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- s.cmd.Wait() }()
		select {
		case s.stopErr = <-done:
		case <-time.After(20 * time.Second):
			_ = s.cmd.Process.Kill()
			s.stopErr = fmt.Errorf("server did not stop within 20s of SIGINT")
		}
	})
	return s.stopErr
}

// built is the real binary, built once for every test that runs it, in a
// folder TestMain removes.
var built struct {
	once sync.Once
	dir  string
	err  error
}

// TestMain removes the binary the tests built; in this test binary started
// as a sandbox child (extractChild), it is the child.
func TestMain(m *testing.M) {
	extractChild()
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// binary builds the gongkai binary on first use and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "gongkai-e2e-"); built.err != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(built.dir, "gongkai"), ".").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatalf("build: %v", built.err)
	}
	return filepath.Join(built.dir, "gongkai")
}

// startServer runs the binary's `gongkai serve --demo` on a free port in a
// fresh data folder.
func startServer(t *testing.T) *server {
	t.Helper()
	dir := t.TempDir()
	bin := binary(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve", "--demo", "--addr", addr, "--data", filepath.Join(dir, "data"))
	cmd.Env = append(os.Environ(), "GONGKAI_DB=")
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{url: "http://" + addr, cmd: cmd}
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Errorf("server did not stop cleanly on SIGINT: %v", err)
		}
	})
	pw := regexp.MustCompile(`用户名 admin  密码 (\S+)`)
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if m := pw.FindStringSubmatch(sc.Text()); m != nil {
			s.password = m[1]
			break
		}
	}
	go func() {
		for sc.Scan() {
		}
	}()
	if s.password == "" {
		t.Fatal("serve --demo printed no admin login")
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(s.url + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not healthy after 30s: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(390, 844), // a phone
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	// The first call starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// step runs actions with a time limit, failing the test on error.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// text returns the text of the first element matching a CSS selector.
func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return s
}

func login(s *server, username string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), username),
		chromedp.SendKeys(chromedp.ID("password"), s.password),
		chromedp.Submit(chromedp.ID("password")),
	)
}

// TestBrowserJourney logs in as the platform admin, switches agency, then
// logs in as another agency's admin and is refused the bureau's user page.
func TestBrowserJourney(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("browser journey skipped in -short mode")
	}
	ctx := browser(t)
	s := startServer(t)

	step(t, ctx, "portal", chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(chromedp.CSS("ul.agencies")))
	if portal := text(t, ctx, "main"); !strings.Contains(portal, "长治市行政审批服务管理局") {
		t.Errorf("portal does not list the bureau: %q", portal)
	}
	step(t, ctx, "admin login", login(s, "admin"), chromedp.WaitVisible(chromedp.Search(`//h1[text()="工作台"]`)))
	step(t, ctx, "switch agency",
		chromedp.SetValue(chromedp.ID("agency-switch"), "2"),
		chromedp.Click(chromedp.CSS(".switcher button")),
		chromedp.WaitVisible(chromedp.Search(`//h1[text()="长治市行政审批服务管理局"]`)),
	)
	step(t, ctx, "open users", chromedp.Click(chromedp.Search(`//a[text()="用户与角色"]`)),
		chromedp.WaitVisible(chromedp.Search(`//caption[contains(., "的用户")]`)))
	if users := text(t, ctx, "table.list"); !strings.Contains(users, "spj-editor") {
		t.Errorf("the bureau's user list lacks spj-editor: %q", users)
	}

	ctx2 := browser(t)
	step(t, ctx2, "other admin login", login(s, "jyj-admin"), chromedp.WaitVisible(chromedp.Search(`//h1[text()="长治市教育局"]`)))
	step(t, ctx2, "forbidden page", chromedp.Navigate(s.url+"/office/a/2/users"), chromedp.WaitVisible(chromedp.CSS(".error")))
	if refusal := text(t, ctx2, ".error"); !strings.Contains(refusal, "没有权限") {
		t.Errorf("another agency's admin was not refused: %q", refusal)
	}
}

// TestGracefulShutdown starts a request, stops the server while the
// request's body is still arriving, and checks that the request is answered
// and the process exits cleanly.
//
// It is not parallel: its pauses assume a server that is not competing
// with other tests for the CPU.
func TestGracefulShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("real-binary test skipped in -short mode")
	}
	s := startServer(t)
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := "username=admin&password=wrong-password"
	fmt.Fprintf(conn, "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:10])
	time.Sleep(300 * time.Millisecond) // the server is now reading this request
	stopped := make(chan error, 1)
	go func() { stopped <- s.stop() }()
	time.Sleep(500 * time.Millisecond) // shutdown has begun and waits for us
	if _, err := conn.Write([]byte(body[10:])); err != nil {
		t.Fatalf("finish the request: %v", err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(status, "401") {
		t.Fatalf("in-flight request: status line %q, err %v", status, err)
	}
	if err := <-stopped; err != nil {
		t.Fatalf("exit after shutdown: %v", err)
	}
}
