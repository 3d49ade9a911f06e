package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/demo"
	"github.com/gongkai/gongkai/internal/store"
)

// genreForm is the genre form as the columns page posts it: every default
// genre in order with its position, renames applied, plus extra rows.
func genreForm(rename map[string]string, remove []string, extra ...[3]string) url.Values {
	f := url.Values{"kind": {"genre"}, "remove": remove}
	for i, g := range catalog.Genres {
		label := g
		if l, ok := rename[g]; ok {
			label = l
		}
		f.Add("code", g)
		f.Add("label", label)
		f.Add("position", fmt.Sprint(10*(i+1)))
	}
	for _, row := range extra {
		f.Add("code", row[0])
		f.Add("label", row[1])
		f.Add("position", row[2])
	}
	return f
}

func TestCatalogTaxonomyEdit(t *testing.T) {
	t.Parallel()
	seeded.ForEach(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		bureau := e.ids[demo.Bureau]
		admin := e.login("spj-admin")
		page := fmt.Sprintf("/office/a/%d/columns", bureau)
		save := fmt.Sprintf("/office/a/%d/taxonomy", bureau)

		res, body := admin.get(page)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, `id="taxonomy-theme"`) || !strings.Contains(body, `value="综合政务"`) {
			t.Fatalf("columns page: %d, taxonomy section missing", res.StatusCode)
		}

		// Rename 动态 (used by the demo items), add 批复 with its own code
		// second, add 会议纪要 with no code at the end, remove 图片 (unused).
		form := genreForm(map[string]string{"动态": "工作动态"}, []string{"图片"},
			[3]string{"pf", "批复", "15"}, [3]string{"", "会议纪要", "999"}, [3]string{"", "", "1000"})
		if res, body := admin.post(save, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save genres: %d %s", res.StatusCode, body)
		}
		got, err := db.Taxonomy(ctx, bureau, catalog.GenreKind)
		if err != nil {
			t.Fatal(err)
		}
		codes := got.Codes()
		if codes[0] != catalog.GenreRule || codes[1] != "pf" || codes[len(codes)-1] != "会议纪要" || got.Has("图片") ||
			got.Label("动态") != "工作动态" || len(codes) != len(catalog.Genres)+1 {
			t.Fatalf("genres after save: %+v", got.Entries)
		}
		// Themes were not touched.
		if th, _ := db.Taxonomy(ctx, bureau, catalog.ThemeKind); !reflect.DeepEqual(th, catalog.DefaultTaxonomy(catalog.ThemeKind)) {
			t.Fatalf("themes changed: %+v", th)
		}

		// The item form offers the agency's genres, by code, with their labels.
		_, body = e.login("spj-editor").get(fmt.Sprintf("/office/a/%d/items/new", bureau))
		if !strings.Contains(body, `<option value="pf">批复</option>`) || !strings.Contains(body, `<option value="动态">工作动态</option>`) ||
			strings.Contains(body, ">图片<") {
			t.Fatalf("item form does not offer the agency's genres")
		}
		// An item's page shows the new label; its stored code is unchanged.
		items, err := db.Items(ctx, store.ItemFilter{AgencyID: bureau, State: catalog.Published, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		inUse := 0
		var sample catalog.Item
		for _, it := range items {
			if it.Genre == "动态" {
				inUse, sample = inUse+1, it
			}
		}
		if inUse == 0 {
			t.Fatal("no published demo item has the genre 动态")
		}
		inUse = 0
		for off := 0; ; off += 500 {
			page, err := db.Items(ctx, store.ItemFilter{AgencyID: bureau, Limit: 500, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range page {
				if it.Genre == "动态" {
					inUse++
				}
			}
			if len(page) < 500 {
				break
			}
		}
		_, body = e.anonymous().get(fmt.Sprintf("/agencies/%d/items/%d", bureau, sample.ID))
		if !strings.Contains(body, "<td>工作动态</td>") {
			t.Fatalf("portal item page does not show the renamed genre")
		}
		// The search filter within the agency offers its genres.
		_, body = e.anonymous().get(fmt.Sprintf("/search?agency=%d&q=%s", bureau, url.QueryEscape("审批")))
		if !strings.Contains(body, `<option value="pf">批复</option>`) {
			t.Fatalf("search filter does not offer the agency's genres")
		}

		// Removing the genre in use is refused with the count; nothing changes.
		res, body = admin.post(save, genreForm(nil, []string{"图片", "动态"}))
		want := fmt.Sprintf("体裁分类「工作动态」仍有 %d 条信息使用，不能删除", inUse)
		if res.StatusCode != http.StatusConflict || !strings.Contains(body, want) {
			t.Fatalf("remove genre in use: %d, want message %q", res.StatusCode, want)
		}
		if after, _ := db.Taxonomy(ctx, bureau, catalog.GenreKind); !reflect.DeepEqual(after, got) {
			t.Fatalf("genres changed by a refused removal: %+v", after.Entries)
		}

		// Bad forms answer 400 with a Chinese message and change nothing.
		for name, bad := range map[string]url.Values{
			"empty":        {},
			"no kind":      {"code": {"a"}, "label": {"甲"}, "position": {"1"}},
			"ragged":       {"kind": {"theme"}, "code": {"a", "b"}, "label": {"甲"}, "position": {"1"}},
			"no entries":   {"kind": {"theme"}},
			"bad position": {"kind": {"theme"}, "code": {"a"}, "label": {"甲"}, "position": {"x"}},
			"dup label":    {"kind": {"theme"}, "code": {"a", "b"}, "label": {"甲", "甲"}, "position": {"1", "2"}},
			"control char": {"kind": {"theme"}, "code": {"a"}, "label": {"甲\x01"}, "position": {"1"}},
			"drop 规章":      genreForm(map[string]string{"动态": "工作动态"}, []string{"图片", catalog.GenreRule}, [3]string{"pf", "批复", "15"}, [3]string{"会议纪要", "会议纪要", "999"}),
		} {
			res, body := admin.post(save, bad)
			if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, `class="error"`) {
				t.Errorf("%s: status %d, want 400 with a message", name, res.StatusCode)
			}
		}
		if th, _ := db.Taxonomy(ctx, bureau, catalog.ThemeKind); !reflect.DeepEqual(th, catalog.DefaultTaxonomy(catalog.ThemeKind)) {
			t.Fatalf("themes changed by bad forms: %+v", th)
		}
		if after, _ := db.Taxonomy(ctx, bureau, catalog.GenreKind); !reflect.DeepEqual(after, got) {
			t.Fatalf("genres changed by bad forms: %+v", after.Entries)
		}

		// An editor may not change taxonomies.
		if res, _ := e.login("spj-editor").post(save, genreForm(nil, nil)); res.StatusCode != http.StatusForbidden {
			t.Fatalf("editor saving genres: %d", res.StatusCode)
		}
	})
}

func TestCatalogItemClassChecked(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	bureau := e.ids[demo.Bureau]
	editor := e.login("spj-editor")
	form := url.Values{"title": {"关于测试分类的通知"}, "written_on": {"2022-03-01"}, "validity": {"valid"},
		"channel": {"website"}, "attribute": {"proactive"}, "original": {"1"}, "publisher": {"测试"}, "genre": {"不存在的体裁"}}
	res, body := editor.post(fmt.Sprintf("/office/a/%d/items", bureau), form)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "不在本机关的分类中") {
		t.Fatalf("unknown genre: %d", res.StatusCode)
	}
	form.Set("genre", "通知")
	if res, body := editor.post(fmt.Sprintf("/office/a/%d/items", bureau), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("known genre: %d %s", res.StatusCode, body)
	}
}

// TestCatalogImportClassLabels imports a file that names classes by their
// labels: items store the agency's codes.
func TestCatalogImportClassLabels(t *testing.T) {
	t.Parallel()
	e := newEnv(t, seeded.Open(t, store.SQLite))
	ctx := context.Background()
	bureau := e.ids[demo.Bureau]
	if res, body := e.login("spj-admin").post(fmt.Sprintf("/office/a/%d/taxonomy", bureau),
		genreForm(map[string]string{"通知": "通知通告"}, nil, [3]string{"pf", "批复", "15"})); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save genres: %d %s", res.StatusCode, body)
	}
	file := "标题,成文日期,体裁分类\n导入的批复,2020-01-02,批复\n导入的通知,2020-01-03,通知通告\n导入的旧体裁,2020-01-04,旧体裁\n"
	path := fmt.Sprintf("/office/a/%d/items/import", bureau)
	if res, body := e.login("spj-editor").postFile(path, "a.csv", []byte(file)); res.StatusCode != http.StatusOK || !strings.Contains(body, "已导入 3 条") {
		t.Fatalf("import: %d", res.StatusCode)
	}
	items, err := e.db.Items(ctx, store.ItemFilter{AgencyID: bureau, State: catalog.Draft, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, it := range items {
		got[it.Title] = it.Genre
	}
	want := map[string]string{"导入的批复": "pf", "导入的通知": "通知", "导入的旧体裁": "旧体裁"}
	for title, code := range want {
		if got[title] != code {
			t.Errorf("%s: genre %q, want %q", title, got[title], code)
		}
	}
}
