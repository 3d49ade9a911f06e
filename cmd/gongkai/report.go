package main

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/gongkai/gongkai/internal/report/annual"
	"github.com/gongkai/gongkai/internal/report/render"
)

// runReport writes an agency's annual report on a year in one output
// format: the latest published version when there is one, else the draft
// composed from the records now.
func runReport(ctx context.Context, env *cmdEnv, args []string) error {
	fs := newFlags("report")
	var dbf dbFlags
	dbf.register(fs, env)
	name := fs.String("agency", "", "机关名称或机关代码，必填")
	year := fs.Int("year", 0, "报告年度，必填")
	format := fs.String("format", "json", "输出格式：json|html|pdf|docx|xlsx")
	out := fs.String("o", "", "输出文件；留空则写到标准输出")
	if help, err := parseFlags(fs, env, args); help || err != nil {
		return err
	}
	switch {
	case *name == "":
		return fmt.Errorf("%w: 缺少 --agency（机关名称或代码）", errUsage)
	case *year < 2008 || *year > 9998:
		return fmt.Errorf("%w: --year 应为报告年度，例如 2020", errUsage)
	case !slices.Contains(render.Formats, *format):
		return fmt.Errorf("%w: --format 应为 %v 之一", errUsage, render.Formats)
	}
	db, err := dbf.open(ctx, quietLog(env))
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := db.AgencyByNameOrCode(ctx, *name)
	if err != nil {
		return err
	}
	built, _, err := annual.NewBuilder(db).Official(ctx, a, *year)
	if err != nil {
		return err
	}
	if *out == "" {
		if err := render.Write(env.stdout, *format, built.Document); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		return nil
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := render.Write(f, *format, built.Document); err != nil {
		f.Close()
		os.Remove(*out) // never leave half a document behind
		return fmt.Errorf("report: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
