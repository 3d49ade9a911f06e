package web

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"unicode/utf8"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
)

// searchChoices are the values the search filters offer: across agencies
// the union of every agency's 主题分类 and 体裁分类 and no columns; within
// one agency its own taxonomies and columns.
type searchChoices struct {
	Agency  *agency.Agency // nil across agencies, or when the agency asked for does not exist
	Topics  catalog.Taxonomy
	Genres  catalog.Taxonomy
	Columns []catalog.Column
}

// searchChoices loads the filter choices for agency agencyID, 0 for every
// agency. An agency that does not exist gets the choices across agencies;
// check then refuses it.
func (s *Server) searchChoices(ctx context.Context, agencyID int64) (searchChoices, error) {
	var c searchChoices
	var err error
	if agencyID != 0 {
		if c.Agency, err = s.db.Agency(ctx, agencyID); err != nil && !errors.Is(err, errs.ErrNotFound) {
			return c, err
		}
	}
	if c.Agency == nil {
		c.Topics, c.Genres, err = s.db.TaxonomyUnions(ctx)
		return c, err
	}
	if c.Topics, c.Genres, err = s.classes(ctx, c.Agency.ID); err != nil {
		return c, err
	}
	c.Columns, err = s.db.Columns(ctx, c.Agency.ID)
	return c, err
}

// check refuses filters the choices do not offer, so that a mistyped
// parameter answers 400 rather than an empty list: an unknown agency, a
// column without its agency or of another agency, a class no agency (or
// not the chosen one) has.
func (c searchChoices) check(cq store.CatalogQuery) error {
	switch {
	case cq.AgencyID != 0 && c.Agency == nil:
		return errs.Invalid("机关不存在（agency=%d）", cq.AgencyID)
	case cq.ColumnID != 0 && c.Agency == nil:
		return errs.Invalid("按栏目筛选时请同时选择机关")
	case cq.ColumnID != 0 && !slices.ContainsFunc(c.Columns, func(col catalog.Column) bool { return col.ID == cq.ColumnID }):
		return errs.Invalid("%s没有所选的栏目（column=%d），请重新选择栏目", c.Agency.Name, cq.ColumnID)
	}
	if err := c.checkClass(c.Topics, cq.Topic); err != nil {
		return err
	}
	return c.checkClass(c.Genres, cq.Genre)
}

// checkClass refuses a code the taxonomy does not hold, naming it when it
// is short enough to be one.
func (c searchChoices) checkClass(t catalog.Taxonomy, code string) error {
	if code == "" || t.Has(code) {
		return nil
	}
	if !utf8.ValidString(code) || utf8.RuneCountInString(code) > catalog.MaxTaxonomyCode {
		return errs.Invalid("%s无效", t.Kind.Label())
	}
	owner := "各机关都"
	if c.Agency != nil {
		owner = c.Agency.Name
	}
	return errs.Invalid("%s没有%s「%s」", owner, t.Kind.Label(), code)
}

// narrowed reports whether the query has a filter beyond the agency, so
// that the search page lists matching items even without a search term.
func narrowed(cq store.CatalogQuery) bool {
	return cq.ColumnID != 0 || cq.Topic != "" || cq.Genre != "" || !cq.From.IsZero() || !cq.To.IsZero() || cq.Validity != ""
}

// sortLink is a link that shows the same search in another order.
type sortLink struct {
	Label   string
	URL     string
	Current bool
}

// sortLinks returns links to the search in relevance and date order,
// keeping every filter and going back to the first page.
func sortLinks(r *http.Request, byDate bool) []sortLink {
	link := func(sort string) string {
		v := r.URL.Query()
		v.Del("page")
		v.Set("sort", sort)
		return r.URL.Path + "?" + v.Encode()
	}
	return []sortLink{{"按相关度", link("relevance"), !byDate}, {"按发布日期", link("date"), byDate}}
}
