package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gongkai/gongkai/internal/calendar"
)

// maxDeadlineDays bounds --days: no deadline of the 条例 is near it.
const maxDeadlineDays = 1000

// runDeadline prints the due date of a period of working days counted from
// the day of receipt, with the embedded holiday schedules plus any given
// with --holidays. See docs/calendar.md for the contract.
func runDeadline(ctx context.Context, env *cmdEnv, args []string) error {
	fs := flag.NewFlagSet("deadline", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's own messages are English
	fs.Usage = func() {}
	received := fs.String("received", "", "收到申请之日 (YYYY-MM-DD)，必填")
	days := fs.Int("days", 20, "工作日数")
	var pauseArgs, files stringList
	fs.Var(&pauseArgs, "pause", "暂停计时的时段 开始:结束（含两端），可重复")
	fs.Var(&files, "holidays", "另外载入的某年节假日安排 JSON 文件（holiday-cn 格式），可重复")
	var dbf dbFlags
	dbf.register(fs, env)
	if err := fs.Parse(args); err != nil {
		deadlineUsage(env.stderr, fs)
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("%w: 参数无法解析（%v）", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: 多余的参数 %q", errUsage, fs.Args())
	}
	if *received == "" {
		return fmt.Errorf("%w: 缺少 --received（收到申请之日，YYYY-MM-DD）", errUsage)
	}
	day, err := calendar.ParseDate(*received)
	if err != nil {
		return fmt.Errorf("%w: --received: %v", errUsage, err)
	}
	if *days < 1 || *days > maxDeadlineDays {
		return fmt.Errorf("%w: --days 应为 1 到 %d 之间的整数，而不是 %d", errUsage, maxDeadlineDays, *days)
	}
	var pauses []calendar.Period
	for _, a := range pauseArgs {
		p, err := calendar.ParsePeriod(a)
		if err != nil {
			return fmt.Errorf("%w: --pause: %v", errUsage, err)
		}
		pauses = append(pauses, p)
	}
	cal, err := deadlineCalendar(ctx, env, fs, &dbf)
	if err != nil {
		return fmt.Errorf("deadline: %w", err)
	}
	for _, name := range files {
		if err := loadScheduleFile(cal, name); err != nil {
			return err
		}
	}
	due, warns := cal.AddWorkingDays(day, *days, pauses)
	for _, m := range warns.Messages() {
		fmt.Fprintf(env.stderr, "警告: %s\n", m)
	}
	fmt.Fprintln(env.stdout, due)
	return nil
}

// deadlineCalendar is the built-in calendar, or, when a database is named
// (--data, --db, GONGKAI_DATA or GONGKAI_DB), the calendar with the
// schedules an administrator loaded into it — the one the cases use.
func deadlineCalendar(ctx context.Context, env *cmdEnv, fs *flag.FlagSet, dbf *dbFlags) (*calendar.Calendar, error) {
	named := env.getenv("GONGKAI_DATA") != "" || env.getenv("GONGKAI_DB") != ""
	fs.Visit(func(f *flag.Flag) { named = named || f.Name == "data" || f.Name == "db" })
	if !named {
		return calendar.Default()
	}
	db, err := dbf.open(ctx, quietLog(env))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.Calendar(ctx)
}

// loadScheduleFile adds one holiday schedule file to cal.
func loadScheduleFile(cal *calendar.Calendar, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("%w: --holidays: 无法打开 %s: %v", errUsage, name, err)
	}
	defer f.Close()
	if err := cal.Load(f); err != nil {
		return fmt.Errorf("%w: --holidays %s: %v", errUsage, name, err)
	}
	return nil
}

func deadlineUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "用法: gongkai deadline --received YYYY-MM-DD [--days N] [--pause YYYY-MM-DD:YYYY-MM-DD]... [--holidays 文件.json]... [--data 目录 | --db URL]")
	fmt.Fprintln(w, "打印自收到申请之日起第 N 个工作日（收到当日不计入；暂停时段内的工作日不计入）。")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// stringList collects a repeated string flag.
type stringList []string

// String joins the values, for the flag package.
func (s *stringList) String() string { return strings.Join(*s, ",") }

// Set appends one more value of the repeated flag.
func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}
