package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/jobs"
	"github.com/gongkai/gongkai/internal/mail"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/web"
)

// runServe serves the portal, the back office and the API until the
// process is told to stop, then finishes the requests in flight.
func runServe(ctx context.Context, env *cmdEnv, args []string) error {
	fs := newFlags("serve")
	var dbf dbFlags
	dbf.register(fs, env)
	addr := fs.String("addr", envOr(env, "GONGKAI_ADDR", "127.0.0.1:8080"), "监听地址 [GONGKAI_ADDR]")
	withDemo := fs.Bool("demo", false, "数据库为空时先写入演示数据，并打印演示管理员的登录信息")
	secure := fs.Bool("secure-cookies", env.getenv("GONGKAI_SECURE_COOKIES") == "1", "Cookie 仅经 HTTPS 发送（在 HTTPS 反向代理之后时开启）[GONGKAI_SECURE_COOKIES=1]")
	siteName := fs.String("site-name", env.getenv("GONGKAI_SITE_NAME"), "平台名称，显示在每页的页眉、标题和页脚，如 长治市人民政府信息公开平台；默认为 政府信息公开平台 [GONGKAI_SITE_NAME]")
	baseURL := fs.String("base-url", env.getenv("GONGKAI_BASE_URL"), "对外访问地址，如 https://gk.example.gov.cn，用于订阅源、站点地图和检索接口中的链接 [GONGKAI_BASE_URL]")
	pageCacheFlag := fs.String("page-cache", envOr(env, "GONGKAI_PAGE_CACHE", "0"), "未登录访客的公开页面缓存时长，如 5s；0 为不缓存 [GONGKAI_PAGE_CACHE]")
	blobsURL := fs.String("blobs", env.getenv("GONGKAI_BLOBS"), "附件存储桶地址，如 s3://gongkai?endpoint=http://127.0.0.1:9000&region=us-east-1&use_path_style=true；留空则存于数据目录 [GONGKAI_BLOBS]")
	accessLog := fs.Bool("access-log", env.getenv("GONGKAI_ACCESS_LOG") != "0", "每个请求记一行访问日志（方法、路径、状态、耗时）；--access-log=false 关闭 [GONGKAI_ACCESS_LOG=0]")
	smtpURL := fs.String("smtp", env.getenv("GONGKAI_SMTP"), "发信服务器，如 smtp://用户:密码@mail.example.gov.cn:587?from=xxgk@example.gov.cn（服务器支持时用 STARTTLS；smtps:// 为直接 TLS），用于通知申请人办理进展；留空则通知暂存于发件箱、不发出 [GONGKAI_SMTP]")
	debugAddr := fs.String("debug-addr", env.getenv("GONGKAI_DEBUG_ADDR"), "在此本机地址上提供 Go 性能剖析（/debug/pprof/），如 127.0.0.1:6060；留空则不提供 [GONGKAI_DEBUG_ADDR]")
	var sbf sandboxFlags
	sbf.register(fs, env)
	proxiesFlag := fs.String("trusted-proxies", env.getenv("GONGKAI_TRUSTED_PROXIES"), "可信反向代理/负载均衡的网段，如 10.0.0.0/8,fd00::/8；仅来自这些地址的请求可用 X-Forwarded-For 与 X-Forwarded-Proto 告知客户端地址和协议；留空则谁也不信 [GONGKAI_TRUSTED_PROXIES]")
	metricsToken := fs.String("metrics-token", env.getenv("GONGKAI_METRICS_TOKEN"), "在主监听地址上提供 /metrics 所需的令牌（Authorization: Bearer 令牌）；留空则 /metrics 只在 --debug-addr 上提供 [GONGKAI_METRICS_TOKEN]")
	logFormat := fs.String("log-format", envOr(env, "GONGKAI_LOG_FORMAT", "text"), "日志格式 text 或 json [GONGKAI_LOG_FORMAT]")
	if help, err := parseFlags(fs, env, args); help || err != nil {
		return err
	}
	if u, err := url.Parse(*baseURL); *baseURL != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
		return fmt.Errorf("%w: --base-url 应为 http:// 或 https:// 开头的完整地址", errUsage)
	}
	var mailer *mail.SMTP
	if *smtpURL != "" {
		m, err := mail.ParseSMTP(*smtpURL)
		if err != nil {
			return fmt.Errorf("%w: --smtp %v", errUsage, err)
		}
		mailer = m
	}
	pageCache, err := time.ParseDuration(*pageCacheFlag)
	if err != nil || pageCache < 0 {
		return fmt.Errorf("%w: --page-cache 应为时长，如 5s 或 0", errUsage)
	}
	trusted, err := web.ParseTrustedProxies(*proxiesFlag)
	if err != nil {
		return fmt.Errorf("%w: --trusted-proxies: %v", errUsage, err)
	}
	var log *slog.Logger
	switch *logFormat {
	case "json":
		log = slog.New(slog.NewJSONHandler(env.stderr, nil))
	case "text":
		log = slog.New(slog.NewTextHandler(env.stderr, nil))
	default:
		return fmt.Errorf("%w: --log-format 只能是 text 或 json", errUsage)
	}

	extractor, err := sbf.pool(log)
	if err != nil {
		return err
	}
	if err := extractor.Check(ctx); err != nil {
		return fmt.Errorf("无法启动读取上传文件的子进程（gongkai extract）: %w", err)
	}
	gc := tuneGC(env)
	if *debugAddr != "" {
		if err := checkLoopback(*debugAddr); err != nil {
			return err
		}
	}

	db, err := dbf.open(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()
	blobs, closeBlobs, err := blob.Open(ctx, *blobsURL, db.BlobDir())
	if err != nil {
		return err
	}
	defer closeBlobs()
	if n, err := db.MoveCaseAttachments(ctx, blobs); err != nil {
		return err
	} else if n > 0 {
		log.Info("case attachments moved from the database to the attachment store", "count", n)
	}
	if *withDemo {
		if err := seedIfEmpty(ctx, env, db); err != nil {
			return err
		}
	}
	authSvc := auth.NewService(db, auth.DefaultPolicy, time.Now)
	srv, err := web.New(web.Config{DB: db, Auth: authSvc, Log: log, Secure: *secure, Version: versionString(), SiteName: *siteName, BaseURL: *baseURL, Mail: mailer != nil, PageCache: pageCache, NoAccessLog: !*accessLog, Blobs: blobs, Extractor: extractor, TrustedProxies: trusted, MetricsToken: *metricsToken})
	if err != nil {
		return err
	}
	if *debugAddr != "" {
		if _, err := startDebug(ctx, *debugAddr, srv.Metrics(), log); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	hs := httpServer(srv.Handler(), log)
	go housekeeping(ctx, db, log)
	go publishScheduled(ctx, db, log)
	go (&jobs.AttachmentTexts{DB: db, Blobs: blobs, Extractor: extractor, Log: log, Runners: sbf.workers}).Run(ctx)
	go (&jobs.AuditFiles{DB: db, Blobs: blobs, Reader: extractor, Log: log, Runners: sbf.workers}).Run(ctx)
	if mailer != nil {
		go (&jobs.Notifications{DB: db, Mailer: mailer, BaseURL: *baseURL, Log: log}).Run(ctx)
		if *baseURL == "" {
			log.Warn("--smtp without --base-url: the status links in the applicants' e-mails are paths only")
		}
	} else {
		log.Info("no --smtp: the applicants' e-mail notifications stay queued in the outbox")
	}
	go optimizeNightly(ctx, db, log)

	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	attachments := *blobsURL
	if attachments == "" {
		attachments = db.BlobDir()
	}
	log.Info("gongkai serving", "addr", "http://"+ln.Addr().String(), "database", db.Dialect(), "attachments", attachments, "gc", gc, "version", versionString())
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}

// maxHeaderBytes caps a request's header lines: 64 KB is far more than a
// browser or the API sends (cookies, tokens), and a larger header is
// refused with 431 before any handler runs.
const maxHeaderBytes = 64 << 10

// httpServer is the public listener's server: timeouts against slow
// clients, the header cap, and net/http's own complaints in our log.
func httpServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ConnContext:       web.ConnContext,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// seedIfEmpty writes the demo data into an empty database and prints the
// demo logins once. Nodes that start together on one PostgreSQL database
// take turns, so only the first seeds.
func seedIfEmpty(ctx context.Context, env *cmdEnv, db *store.DB) error {
	return db.Exclusively(ctx, "demo-seed", func(ctx context.Context) error {
		all, err := db.Agencies(ctx)
		if err != nil {
			return err
		}
		if len(all) > 0 {
			return nil
		}
		password := randomPassword()
		if err := demo.Seed(ctx, db, auth.DefaultPolicy.Hashing, password); err != nil {
			return err
		}
		printDemoLogins(env, password)
		return nil
	})
}

func printDemoLogins(env *cmdEnv, password string) {
	fmt.Fprintf(env.stdout, "演示数据已写入。演示管理员登录：用户名 admin  密码 %s\n", password)
	fmt.Fprintln(env.stdout, "其他演示用户（密码相同）：")
	for _, a := range demo.Accounts[1:] {
		fmt.Fprintf(env.stdout, "  %-16s %s（%s）\n", a.Username, a.Role.Label(), a.Agency)
	}
	fmt.Fprintln(env.stdout, "此密码只显示这一次。")
}

// housekeeping logs the audit log's head at start and every hour — an
// anchor outside the database for `audit-log verify --anchor` once the logs
// are shipped elsewhere — and removes long-idle sessions and audit jobs
// older than a week.
func housekeeping(ctx context.Context, db *store.DB, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if es, err := db.AuditEntries(ctx, store.AuditFilter{Limit: 1}); err != nil {
			log.Warn("audit log head", "err", err)
		} else if len(es) == 1 {
			log.Info("audit log head", "anchor", auditlog.Anchor{Seq: es[0].Seq, Hash: es[0].Hash}.String())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n, err := db.DeleteSessionsBefore(ctx, time.Now().Add(-auth.DefaultPolicy.Idle))
			if err != nil {
				log.Warn("expire sessions", "err", err)
			} else if n > 0 {
				log.Info("expired sessions removed", "count", n)
			}
			if n, err := db.DeleteAuditJobsBefore(ctx, time.Now().Add(-jobs.AuditJobsKept)); err != nil {
				log.Warn("remove old audit jobs", "err", err)
			} else if n > 0 {
				log.Info("old audit jobs removed", "count", n)
			}
		}
	}
}
