package main

import (
	"context"
	"fmt"
	"os"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/store"
)

const holidaysUsage = `用法:
  gongkai holidays load 文件.json...   载入某年的节假日安排（holiday-cn 格式），替换同一年已载入的安排
  gongkai holidays list               列出日历中的年份及其来源`

// runHolidays loads a new year's holiday schedule into the database, so
// deadlines count it without a new release, and lists what the calendar
// knows.
func runHolidays(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) == 0 || (args[0] != "load" && args[0] != "list") {
		return fmt.Errorf("%w: %s", errUsage, holidaysUsage)
	}
	sub := args[0]
	fs := newFlags("holidays " + sub)
	var dbf dbFlags
	dbf.register(fs, env)
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w: %v\n%s", errUsage, err, holidaysUsage)
	}
	files := fs.Args()
	if sub == "load" && len(files) == 0 {
		return fmt.Errorf("%w: 请给出节假日安排文件\n%s", errUsage, holidaysUsage)
	}
	db, err := dbf.open(ctx, quietLog(env))
	if err != nil {
		return err
	}
	defer db.Close()
	if sub == "list" {
		return listHolidays(ctx, env, db)
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("无法打开 %s: %w", name, err)
		}
		s, err := calendar.ParseSchedule(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := db.SaveHolidaySchedule(ctx, s, cliChange("holidays.load")); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "已载入 %d 年节假日安排（%d 个日期，其中调休上班 %d 天）\n", s.Year, len(s.Days), len(s.MakeUpDays()))
	}
	return nil
}

func listHolidays(ctx context.Context, env *cmdEnv, db *store.DB) error {
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	stored, err := db.HolidaySchedules(ctx)
	if err != nil {
		return err
	}
	loaded := map[int]store.StoredSchedule{}
	for _, s := range stored {
		loaded[s.Year] = s
	}
	for _, y := range cal.Years() {
		s, _ := cal.Schedule(y)
		source := "内置"
		if l, ok := loaded[y]; ok {
			source = fmt.Sprintf("%s 于 %s 载入", l.LoadedBy, l.LoadedAt.In(calendar.China).Format("2006-01-02 15:04"))
		}
		fmt.Fprintf(env.stdout, "%d  %3d 个日期  调休上班 %d 天  %s\n", y, len(s.Days), len(s.MakeUpDays()), source)
	}
	return nil
}
