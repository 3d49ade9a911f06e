package web

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
)

// classes returns the agency's 主题分类 and 体裁分类.
func (s *Server) classes(ctx context.Context, agencyID int64) (themes, genres catalog.Taxonomy, err error) {
	if themes, err = s.db.Taxonomy(ctx, agencyID, catalog.ThemeKind); err != nil {
		return themes, genres, err
	}
	genres, err = s.db.Taxonomy(ctx, agencyID, catalog.GenreKind)
	return themes, genres, err
}

// checkClasses refuses a theme or genre outside the agency's taxonomies,
// except the one the item already had (an imported class keeps working).
func (s *Server) checkClasses(ctx context.Context, it *catalog.Item, oldTopic, oldGenre string) error {
	themes, genres, err := s.classes(ctx, it.AgencyID)
	if err != nil {
		return err
	}
	if it.Topic != "" && it.Topic != oldTopic && !themes.Has(it.Topic) {
		return errs.Invalid("主题分类「%s」不在本机关的分类中", it.Topic)
	}
	if it.Genre != "" && it.Genre != oldGenre && !genres.Has(it.Genre) {
		return errs.Invalid("体裁分类「%s」不在本机关的分类中", it.Genre)
	}
	return nil
}

// taxonomyRow is one row of the taxonomy form with the position it asked for.
type taxonomyRow struct {
	entry    catalog.TaxonomyEntry
	position int
}

// taxonomyFromForm reads the taxonomy form: parallel code, label and
// position fields, one per row, and the codes ticked for removal. A blank
// row is skipped; a new row without a code takes its label as code. Rows
// are ordered by position, ties keeping form order.
func taxonomyFromForm(r *http.Request) (catalog.Taxonomy, error) {
	f := r.PostForm
	t := catalog.Taxonomy{Kind: catalog.TaxonomyKind(f.Get("kind"))}
	if !t.Kind.Known() {
		return t, errs.Invalid("请选择要修改的分类（主题分类或体裁分类）")
	}
	codes, labels, positions := f["code"], f["label"], f["position"]
	if len(codes) != len(labels) || len(codes) != len(positions) {
		return t, errs.Invalid("分类表单不完整，请刷新页面后重试")
	}
	if len(codes) > catalog.MaxTaxonomyEntries+10 {
		return t, errs.Invalid("%s不能超过 %d 项", t.Kind.Label(), catalog.MaxTaxonomyEntries)
	}
	remove := map[string]bool{}
	for _, c := range f["remove"] {
		remove[strings.TrimSpace(c)] = true
	}
	var rows []taxonomyRow
	for i := range codes {
		e := catalog.TaxonomyEntry{Code: strings.TrimSpace(codes[i]), Label: strings.TrimSpace(labels[i])}
		if e.Code == "" && e.Label == "" || remove[e.Code] {
			continue
		}
		if e.Code == "" {
			e.Code = e.Label
		}
		pos, err := strconv.Atoi(strings.TrimSpace(positions[i]))
		if err != nil {
			return t, errs.Invalid("「%s」的排序应为整数", e.Label)
		}
		rows = append(rows, taxonomyRow{entry: e, position: pos})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].position < rows[j].position })
	for _, row := range rows {
		t.Entries = append(t.Entries, row.entry)
	}
	return t, nil
}

// catalogTaxonomySave replaces one of the agency's taxonomies: entries
// added, renamed, reordered or removed in one form.
func (s *Server) catalogTaxonomySave(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	t, err := taxonomyFromForm(r)
	if err == nil {
		err = s.db.SetTaxonomy(r.Context(), st.agency.ID, t, s.change(r, "catalog.taxonomy"))
	}
	if err != nil {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		return s.renderColumns(w, r, status, msg)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/columns?ok=saved#taxonomy-%s", st.agency.ID, t.Kind), http.StatusSeeOther)
	return nil
}

// taxonomyView is one taxonomy's editing form on the columns page.
type taxonomyView struct {
	Kind    catalog.TaxonomyKind
	Entries []taxonomyViewRow
	// Next is the position offered to a new entry: after the last.
	Next int
}

// taxonomyViewRow is an entry with the position the form shows.
type taxonomyViewRow struct {
	catalog.TaxonomyEntry
	Position int
}

// taxonomyViews returns the forms of the agency's taxonomies, positions
// numbered in tens so that an entry can be moved between two others.
func (s *Server) taxonomyViews(ctx context.Context, agencyID int64) ([]taxonomyView, error) {
	themes, genres, err := s.classes(ctx, agencyID)
	if err != nil {
		return nil, err
	}
	var out []taxonomyView
	for _, t := range []catalog.Taxonomy{themes, genres} {
		v := taxonomyView{Kind: t.Kind, Next: 10 * (len(t.Entries) + 1)}
		for i, e := range t.Entries {
			v.Entries = append(v.Entries, taxonomyViewRow{TaxonomyEntry: e, Position: 10 * (i + 1)})
		}
		out = append(out, v)
	}
	return out, nil
}

// classLabels returns the labels of the item's theme and genre in its
// agency's taxonomies.
func (s *Server) classLabels(ctx context.Context, it *catalog.Item) (topic, genre string, err error) {
	themes, genres, err := s.classes(ctx, it.AgencyID)
	if err != nil {
		return "", "", err
	}
	return themes.Label(it.Topic), genres.Label(it.Genre), nil
}
