package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/store"
	"github.com/gongkai/gongkai/internal/store/storetest"
)

// benchWords is the vocabulary of the synthetic catalog: words of
// government notices, so bigrams repeat as they do in real text.
var benchWords = strings.Fields(`行政 许可 审批 服务 管理 公开 政务 信息 办理 结果 通知 公告 关于 印发 实施 方案 工作 要点
	优化 营商 环境 改革 推进 深化 放管服效 一网通办 承诺制 标准地 全代办 市场 主体 企业 群众 办事 窗口 大厅 材料 申请
	受理 审查 决定 送达 时限 压缩 流程 再造 事项 清单 目录 权责 运行 流程图 制度 建设 法制 依法 行政 执法 公示 监督
	检查 评估 考核 财政 预算 决算 收费 项目 采购 招标 投标 建设 工程 规划 施工 竣工 验收 环境 保护 安全 生产 食品
	药品 质量 教育 卫生 健康 医疗 社会 保障 就业 扶贫 乡村 振兴 交通 水利 能源 农业 林业 文化 旅游 体育 民政 应急
	长治 山西 城区 县区 乡镇 街道 社区 人民 政府 部门 单位 局 中心 办公室 科室 年度 季度 月份 本市 全省 全国`)

// synthItem returns a public item of about 1 KB of Chinese text, words
// drawn with a Zipf distribution (s = 1.1) so that, as in real notices, a
// few words are everywhere and most are rare.
func synthItem(r *rand.Rand, z *rand.Zipf, words []string, i int, column int64) catalog.Item {
	var b strings.Builder
	for b.Len() < 1000 {
		b.WriteString(words[z.Uint64()])
		if r.IntN(8) == 0 {
			b.WriteString("，")
		}
	}
	title := words[r.IntN(len(words))] + words[r.IntN(len(words))] + "的通知（" + strconv.Itoa(i) + "）"
	published := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(5*365*24)) * time.Hour)
	return catalog.Item{ColumnID: column, Publisher: "合成机关", Title: title, Body: "<p>" + b.String() + "</p>",
		WrittenOn: calendar.DateOf(published).AddDays(-3), PublishedAt: published, CreatedAt: published,
		State: catalog.Published, Attribute: catalog.Proactive, Channel: catalog.Website, Original: true}
}

// benchSize is the number of synthetic items: GONGKAI_BENCH_ITEMS, default
// 20000 (about two minutes per engine on two cores).
func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("GONGKAI_BENCH_ITEMS")); err == nil && n > 0 {
		return n
	}
	return 20000
}

// benchAgencies is how many agencies share the synthetic items.
const benchAgencies = 300

// importBatch is how many items of one agency fillCatalog hands to one
// ImportItems call: one transaction each, as a spreadsheet of an agency's
// items would be imported.
const importBatch = 100

// fillCatalog imports n synthetic items spread over benchAgencies
// agencies, importBatch items of one agency at a time, and returns the
// agencies and the time it took (rows, index and audit included).
func fillCatalog(b *testing.B, db *store.DB, n int) ([]int64, time.Duration) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	words := append([]string(nil), benchWords...) // the same shuffle on every engine
	z := rand.NewZipf(r, 1.1, 8, uint64(len(words)-1))
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	var ids []int64
	for i := 0; i < benchAgencies; i++ {
		a := &agency.Agency{Name: fmt.Sprintf("合成机关%03d", i), Code: fmt.Sprintf("B%06d", i), Kind: agency.Department}
		if err := db.CreateAgency(ctx, a, sys); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	start := time.Now()
	per := map[int64][]catalog.Item{}
	flush := func(id int64) {
		if err := db.ImportItems(ctx, id, per[id], sys); err != nil {
			b.Fatal(err)
		}
		per[id] = nil
	}
	for i := 0; i < n; i++ {
		id := ids[r.IntN(len(ids))]
		per[id] = append(per[id], synthItem(r, z, words, i, 0))
		if len(per[id]) == importBatch {
			flush(id)
		}
	}
	for id, items := range per {
		if len(items) > 0 {
			flush(id)
		}
	}
	took := time.Since(start)
	// A server's autovacuum (PostgreSQL: statistics, GIN's pending list,
	// the visibility map) or a periodic ANALYZE would have run by the time
	// anyone searches.
	maintain := "ANALYZE"
	if db.Dialect() == store.Postgres {
		maintain = "VACUUM ANALYZE"
	}
	if err := db.Exec(ctx, maintain); err != nil {
		b.Fatal(err)
	}
	return ids, took
}

// benchCatalog returns a database holding the synthetic catalog of n
// items and its agencies. A million items take most of an hour to build,
// so a built catalog can be kept for later runs of the same size: with
// GONGKAI_BENCH_SQLITE_DIR set, the SQLite catalog is built in that
// folder; with GONGKAI_BENCH_POSTGRES set (a DSN, its search_path naming
// an empty schema or one built before), the PostgreSQL catalog is built
// there. A kept catalog of another size stops the benchmark.
func benchCatalog(b *testing.B, d store.Dialect, n int) (*store.DB, []int64) {
	ctx := context.Background()
	var cfg store.Config
	switch {
	case d == store.SQLite && os.Getenv("GONGKAI_BENCH_SQLITE_DIR") != "":
		cfg.DataDir = os.Getenv("GONGKAI_BENCH_SQLITE_DIR")
	case d == store.Postgres && os.Getenv("GONGKAI_BENCH_POSTGRES") != "":
		cfg.DataDir, cfg.DSN = b.TempDir(), os.Getenv("GONGKAI_BENCH_POSTGRES")
	default:
		db := storetest.Open(b, d)
		ids, took := fillCatalog(b, db, n)
		b.Logf("%s: %d items of ~1 KB over %d agencies indexed in %s (%.0f items/s)", d, n, benchAgencies, took.Round(time.Millisecond), float64(n)/took.Seconds())
		return db, ids
	}
	db, err := store.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	kept, err := store.CountItems(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	if kept > 0 && kept != n {
		b.Fatalf("the kept %s catalog holds %d items, not %d: empty it or ask for that size", d, kept, n)
	}
	if kept == n {
		agencies, err := db.Agencies(ctx)
		if err != nil {
			b.Fatal(err)
		}
		var ids []int64
		for _, a := range agencies {
			if strings.HasPrefix(a.Name, "合成机关") {
				ids = append(ids, a.ID)
			}
		}
		b.Logf("%s: reusing the kept catalog of %d items", d, n)
		return db, ids
	}
	ids, took := fillCatalog(b, db, n)
	b.Logf("%s: %d items of ~1 KB over %d agencies indexed in %s (%.0f items/s), kept", d, n, benchAgencies, took.Round(time.Millisecond), float64(n)/took.Seconds())
	return db, ids
}

// BenchmarkCatalog builds a synthetic catalog on each engine, reports the
// index build rate, then search latency percentiles for one-, two- and
// four-character queries, across all agencies and within one.
//
// Both engines get the same items; the benchmark fails when they find a
// different number of matches for the same query. GONGKAI_BENCH_DIALECT
// (sqlite or postgres) runs one engine only.
func BenchmarkCatalog(b *testing.B) {
	totals := map[string]int{} // query and scope → matches on the first engine
	for _, d := range storetest.Dialects {
		if only := os.Getenv("GONGKAI_BENCH_DIALECT"); only != "" && only != string(d) {
			continue
		}
		b.Run(string(d), func(b *testing.B) {
			n := benchSize()
			db, ids := benchCatalog(b, d, n)
			queries := map[string][]string{
				"1char": {"许", "审", "公", "局", "教", "药"},
				"2char": {"许可", "公开", "审批", "营商", "采购", "扶贫"},
				"4char": {"行政许可", "政务公开", "营商环境", "乡村振兴", "安全生产", "一网通办"},
			}
			for _, kind := range []string{"1char", "2char", "4char"} {
				for _, scope := range []string{"all", "agency"} {
					b.Run(kind+"/"+scope, func(b *testing.B) {
						var lat []time.Duration
						byWord := map[string][]time.Duration{} // which words are slow, for -v
						matched := 0
						for i := 0; b.Loop(); i++ {
							q := store.CatalogQuery{Text: queries[kind][i%len(queries[kind])]}
							if scope == "agency" {
								q.AgencyID = ids[i%len(ids)]
							}
							t0 := time.Now()
							res, err := db.SearchCatalog(context.Background(), q)
							if err != nil {
								b.Fatal(err)
							}
							took := time.Since(t0)
							lat = append(lat, took)
							byWord[q.Text] = append(byWord[q.Text], took)
							matched += res.Total
							key := fmt.Sprintf("%s/%d", q.Text, q.AgencyID)
							if want, ok := totals[key]; !ok {
								totals[key] = res.Total
							} else if want != res.Total {
								b.Errorf("%s: %s finds %d, the first engine %d", key, d, res.Total, want)
							}
						}
						for _, w := range queries[kind] {
							ws := byWord[w]
							slices.Sort(ws)
							if len(ws) > 0 {
								b.Logf("%s: median %v, slowest %v of %d", w, ws[len(ws)/2].Round(10*time.Microsecond), ws[len(ws)-1].Round(10*time.Microsecond), len(ws))
							}
						}
						slices.Sort(lat)
						pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
						b.ReportMetric(pct(0.50), "p50-ms")
						b.ReportMetric(pct(0.95), "p95-ms")
						b.ReportMetric(pct(0.99), "p99-ms")
						b.ReportMetric(float64(matched)/float64(len(lat)), "matches/op")
					})
				}
			}
		})
	}
}
