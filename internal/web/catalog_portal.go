package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
)

// searchForm reads the portal's search parameters.
func searchForm(r *http.Request) (store.CatalogQuery, error) {
	v := r.URL.Query()
	cq := store.CatalogQuery{Text: strings.TrimSpace(v.Get("q")), Topic: v.Get("topic"), Genre: v.Get("genre"),
		Validity: catalog.Validity(v.Get("validity")), ByDate: v.Get("sort") == "date"}
	fr := fieldReader{v: v}
	cq.AgencyID, cq.ColumnID, cq.Page = fr.id("agency", "机关"), fr.id("column", "栏目"), int(fr.id("page", "页码"))
	cq.From, cq.To = fr.date("from", "起始日期"), fr.date("to", "截止日期")
	err := fr.err
	switch {
	case err != nil:
	case cq.Validity != "" && !cq.Validity.Known():
		err = errs.Invalid("有效性无效，应为 valid、repealed 或 expired")
	case !slices.Contains([]string{"", "relevance", "date"}, v.Get("sort")):
		err = errs.Invalid("排序方式无效，应为 relevance（按相关度）或 date（按发布日期）")
	case !cq.From.IsZero() && !cq.To.IsZero() && cq.From.After(cq.To):
		err = errs.Invalid("起始日期不能晚于截止日期")
	}
	if cq.Page > 10000 {
		cq.Page = 10000
	}
	return cq, err
}

type hitView struct {
	store.CatalogHit
	URL     string
	Snippet template.HTML
}

// portalSearchPage is the search page and, with Subject set, an agency's
// catalog: both list hits the same way.
type portalSearchPage struct {
	Page
	Subject  *agency.Agency
	Columns  []catalog.Column
	Column   *catalog.Column
	Query    store.CatalogQuery
	Agencies []agency.Agency
	Topics   catalog.Taxonomy
	Genres   catalog.Taxonomy
	Results  store.CatalogResults
	Hits     []hitView
	Prev     string
	Next     string
	Sorts    []sortLink // the same search by relevance and by date; only with a search term
	Error    string
	Searched bool
}

func itemURL(it catalog.Item) string { return fmt.Sprintf("/agencies/%d/items/%d", it.AgencyID, it.ID) }

func hitViews(hits []store.CatalogHit) []hitView {
	out := make([]hitView, len(hits))
	for i, h := range hits {
		// The snippet is escaped by search.Snippet; only <mark> is markup.
		out[i] = hitView{CatalogHit: h, URL: itemURL(h.Item), Snippet: template.HTML(h.Snippet)}
	}
	return out
}

// pageLinks returns the URLs of the previous and next result pages.
func pageLinks(r *http.Request, res store.CatalogResults) (prev, next string) {
	link := func(page int) string {
		v := r.URL.Query()
		v.Set("page", strconv.Itoa(page))
		return r.URL.Path + "?" + v.Encode()
	}
	if res.Page > 1 {
		prev = link(res.Page - 1)
	}
	if res.More() {
		next = link(res.Page + 1)
	}
	return prev, next
}

// portalSearch is the public full-text search over every agency's catalog.
func (s *Server) portalSearch(w http.ResponseWriter, r *http.Request) error {
	p := &portalSearchPage{Page: s.page(r, "信息检索")}
	var err error
	if p.Agencies, err = s.db.Agencies(r.Context()); err != nil {
		return err
	}
	status := http.StatusOK
	p.Query, err = searchForm(r)
	// Within one agency the filters offer its classes and columns; across
	// agencies the classes of them all.
	ch, cerr := s.searchChoices(r.Context(), p.Query.AgencyID)
	if cerr != nil {
		return cerr
	}
	p.Topics, p.Genres, p.Columns = ch.Topics, ch.Genres, ch.Columns
	if err == nil {
		err = ch.check(p.Query)
	}
	if err == nil && (p.Query.Text != "" || narrowed(p.Query)) {
		p.Searched = true
		p.Results, err = s.db.SearchCatalog(r.Context(), p.Query)
	}
	if err != nil {
		var msg string
		if status, _, msg = classify(err); status >= 500 {
			return err
		}
		p.Error = msg
	} else if p.Searched && p.Query.Text != "" {
		p.Sorts = sortLinks(r, p.Query.ByDate)
	}
	p.Hits = hitViews(p.Results.Hits)
	p.Prev, p.Next = pageLinks(r, p.Results)
	s.render(w, r, status, "portal_search", p)
	return nil
}

// portalCatalog lists an agency's public items, all or by column.
func (s *Server) portalCatalog(w http.ResponseWriter, r *http.Request) error {
	a, err := s.pathAgency(r)
	if err != nil {
		return err
	}
	cq, err := searchForm(r)
	if err != nil {
		return err
	}
	p := &portalSearchPage{Page: s.page(r, a.Name+"政府信息公开目录"), Subject: a}
	if p.Columns, err = s.db.Columns(r.Context(), a.ID); err != nil {
		return err
	}
	if cq.ColumnID != 0 {
		for i := range p.Columns {
			if p.Columns[i].ID == cq.ColumnID {
				p.Column = &p.Columns[i]
			}
		}
		if p.Column == nil {
			return errs.NotFound("栏目不存在")
		}
	}
	cq.Text, cq.AgencyID, cq.ByDate = "", a.ID, true
	p.Query = cq
	if p.Topics, p.Genres, err = s.classes(r.Context(), a.ID); err != nil {
		return err
	}
	if p.Results, err = s.db.SearchCatalog(r.Context(), cq); err != nil {
		return err
	}
	p.Hits = hitViews(p.Results.Hits)
	p.Prev, p.Next = pageLinks(r, p.Results)
	s.render(w, r, http.StatusOK, "portal_search", p)
	return nil
}

// publicItem loads {item} of {agency} when the public may see it.
func (s *Server) publicItem(r *http.Request) (*agency.Agency, *catalog.Item, error) {
	a, err := s.pathAgency(r)
	if err != nil {
		return nil, nil, err
	}
	id, err := pathID(r, "item")
	if err != nil {
		return nil, nil, err
	}
	it, err := s.db.Item(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	if it.AgencyID != a.ID || !it.Public() {
		return nil, nil, errs.NotFound("信息不存在或未公开")
	}
	return a, it, nil
}

type portalItemPage struct {
	Page
	Subject         *agency.Agency
	Item            catalog.Item
	Body            template.HTML
	Column          string
	Topic           string // label of the item's 主题分类
	Genre           string // label of the item's 体裁分类
	Attachments     []store.ItemAttachment
	Interprets      *catalog.Item
	Interpretations []catalog.Item
}

// portalItem shows a published item: its metadata table, body,
// attachments and linked interpretations.
func (s *Server) portalItem(w http.ResponseWriter, r *http.Request) error {
	a, it, err := s.publicItem(r)
	if err != nil {
		return err
	}
	// The body was sanitised by catalog.Sanitize when it was saved.
	p := &portalItemPage{Page: s.page(r, it.Title), Subject: a, Item: *it, Body: template.HTML(catalog.Sanitize(it.Body))}
	cols, err := s.db.Columns(r.Context(), a.ID)
	if err != nil {
		return err
	}
	p.Column = catalog.ColumnPath(cols, it.ColumnID)
	if p.Topic, p.Genre, err = s.classLabels(r.Context(), it); err != nil {
		return err
	}
	if p.Attachments, err = s.db.Attachments(r.Context(), it.ID); err != nil {
		return err
	}
	if p.Interpretations, err = s.db.Interpretations(r.Context(), it.ID); err != nil {
		return err
	}
	if it.InterpretsID != 0 {
		if pol, err := s.db.Item(r.Context(), it.InterpretsID); err == nil && pol.Public() {
			p.Interprets = pol
		}
	}
	s.render(w, r, http.StatusOK, "portal_item", p)
	return nil
}

// portalAttachment downloads an attachment of a public item.
func (s *Server) portalAttachment(w http.ResponseWriter, r *http.Request) error {
	_, it, err := s.publicItem(r)
	if err != nil {
		return err
	}
	return s.sendAttachment(w, r, it)
}

// searchAPIItem is one hit of GET /api/v1/search.
type searchAPIItem struct {
	IndexNo     string `json:"index_no"`
	Title       string `json:"title"`
	Agency      string `json:"agency"`
	PublishedAt string `json:"published_at"`
	URL         string `json:"url"`
	Snippet     string `json:"snippet"`
}

// apiSearch is the public JSON search: {"total": N, "items": [...]}.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	cq, err := searchForm(r)
	if err != nil {
		return err
	}
	if cq.Text == "" {
		return errs.Invalid("请用参数 q 给出检索词")
	}
	ch, err := s.searchChoices(r.Context(), cq.AgencyID)
	if err != nil {
		return err
	}
	if err := ch.check(cq); err != nil {
		return err
	}
	res, err := s.db.SearchCatalog(r.Context(), cq)
	if err != nil {
		return err
	}
	out := struct {
		Total int             `json:"total"`
		Items []searchAPIItem `json:"items"`
	}{Total: res.Total, Items: []searchAPIItem{}}
	for _, h := range res.Hits {
		out.Items = append(out.Items, searchAPIItem{IndexNo: h.Item.IndexNo, Title: h.Item.Title, Agency: h.Agency,
			PublishedAt: h.Item.PublishedAt.UTC().Format("2006-01-02T15:04:05Z"), URL: s.absURL(r, itemURL(h.Item)), Snippet: h.Snippet})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// absURL makes a path absolute: on the configured public address, or, when
// none is configured, on the host the request came to (which a client
// chooses: set --base-url behind a shared cache).
func (s *Server) absURL(r *http.Request, path string) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimRight(s.cfg.BaseURL, "/") + path
	}
	scheme := "http"
	if isHTTPS(r) {
		scheme = "https"
	}
	return (&url.URL{Scheme: scheme, Host: r.Host, Path: path}).String()
}
