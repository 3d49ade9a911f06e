package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/report"
	"github.com/gongkai/gongkai/internal/sandbox"
)

// reportExtensions are the files a directory argument of `gongkai audit`
// is searched for.
var reportExtensions = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".shtml": true, ".docx": true, ".pdf": true}

// runAudit reads published annual reports (text, HTML, DOCX, PDF; a
// directory means every report file under it), checks each one and the
// years of one agency against each other, and prints a Chinese summary per
// file or, with --json, one JSON array of audit results.
func runAudit(ctx context.Context, env *cmdEnv, args []string) error {
	flags := flag.NewFlagSet("audit", flag.ContinueOnError)
	flags.SetOutput(io.Discard) // the flag package's own messages are English
	flags.Usage = func() {}
	asJSON := flags.Bool("json", false, "输出 JSON 数组（每个文件一个对象）")
	summaryDir := flags.String("summary", "", "把汇总表（summary.html、summary.xlsx）写到此目录")
	var sbf sandboxFlags
	sbf.register(flags, env)
	if err := flags.Parse(args); err != nil {
		auditUsage(env.stderr, flags)
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("%w: 参数无法解析（%v）", errUsage, err)
	}
	if flags.NArg() == 0 {
		auditUsage(env.stderr, flags)
		return fmt.Errorf("%w: 缺少要审核的文件或目录", errUsage)
	}
	files, err := auditFiles(flags.Args())
	if err != nil {
		return err
	}
	pool, err := sbf.pool(nil)
	if err != nil {
		return err
	}
	results, unreadable, err := readReports(ctx, env, pool, files, *summaryDir != "")
	if err != nil {
		return err
	}
	failed := len(unreadable)
	audit.Audit(results)
	if *asJSON {
		err = writeAuditJSON(env.stdout, results)
	} else {
		err = writeAuditText(env.stdout, results)
	}
	if err != nil {
		return fmt.Errorf("audit: 输出结果: %w", err)
	}
	if *summaryDir != "" {
		// The summary lists every file, the unreadable ones with the reason.
		if err := writeSummaries(*summaryDir, append(results, unreadable...)); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d 个文件无法读取（见上方错误）", failed)
	}
	return nil
}

// auditFiles expands the arguments: files as given, directories into the
// report files under them, sorted.
func auditFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%w: 无法打开 %s: %v", errUsage, a, err)
		}
		if !info.IsDir() {
			files = append(files, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			hidden := strings.HasPrefix(d.Name(), ".") && path != a
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case !d.IsDir() && !hidden && reportExtensions[strings.ToLower(filepath.Ext(path))]:
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("audit: 遍历目录 %s: %w", a, err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%w: 目录 %s 中没有报告文件（.txt .html .htm .docx .pdf）", errUsage, a)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, nil
}

// readReports reads every file; a file that cannot be read is reported on
// stderr and returned in unreadable as a result with one finding, the
// reason, and the others go on.
func readReports(ctx context.Context, env *cmdEnv, pool *sandbox.Pool, files []string, progress bool) (results, unreadable []*audit.Result, err error) {
	tick := newAuditProgress(env.stderr, len(files), progress)
	defer tick.Finish()
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("audit: 已中止: %w", err)
		}
		r, err := readReport(ctx, pool, f)
		tick.Add(1)
		if err != nil {
			fmt.Fprintf(env.stderr, "gongkai audit: %v\n", err)
			unreadable = append(unreadable, &audit.Result{File: f, Findings: []report.Finding{{
				Rule: "read.failed", Severity: report.SeverityError, Message: "无法读取：" + err.Error()}}})
			continue
		}
		results = append(results, r)
	}
	return results, unreadable, nil
}

// readReport reads a file in a sandbox child.
func readReport(ctx context.Context, pool *sandbox.Pool, path string) (*audit.Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开 %s: %w", path, err)
	}
	r, err := pool.Report(ctx, path, data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// writeAuditJSON prints the results as one JSON array.
func writeAuditJSON(w io.Writer, results []*audit.Result) error {
	if results == nil {
		results = []*audit.Result{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(results)
}

func auditUsage(w io.Writer, flags *flag.FlagSet) {
	fmt.Fprintln(w, "用法: gongkai audit [--json] [--summary 目录] 文件或目录...")
	fmt.Fprintln(w, "\n审核已发布的政府信息公开工作年度报告（.txt .html .htm .docx .pdf）：读出表格，")
	fmt.Fprintln(w, "核对勾稽关系、正文与表格、格式与年度、发布期限；同一机关相邻年度的报告互相核对，\n同一机关相邻年度、同年度不同机关的报告比较第一、五部分正文（雷同）。")
	fmt.Fprintln(w, "目录参数表示其中所有报告文件（批量审核）。\n\n参数:")
	flags.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(w, "  --%-10s %s\n", f.Name, f.Usage)
	})
}
