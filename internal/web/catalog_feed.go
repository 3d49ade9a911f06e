package web

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"time"

	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
)

// FeedItems is how many items an Atom feed carries.
const FeedItems = 50

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Link    []atomLink  `xml:"link"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Entries []atomEntry `xml:"entry"`
}

// catalogFeed is the Atom feed of an agency's newest public items.
func (s *Server) catalogFeed(w http.ResponseWriter, r *http.Request) error {
	return s.writeFeed(w, r, 0)
}

// columnFeed is the Atom feed of one column (and its sub-columns).
func (s *Server) columnFeed(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "column")
	if err != nil {
		return err
	}
	return s.writeFeed(w, r, id)
}

func (s *Server) writeFeed(w http.ResponseWriter, r *http.Request, columnID int64) error {
	a, err := s.pathAgency(r)
	if err != nil {
		return err
	}
	title := a.Name + " 政府信息公开"
	if columnID != 0 {
		cols, err := s.db.Columns(r.Context(), a.ID)
		if err != nil {
			return err
		}
		name := catalog.ColumnPath(cols, columnID)
		if name == "" {
			return errs.NotFound("栏目不存在")
		}
		title += " · " + name
	}
	res, err := s.db.SearchCatalog(r.Context(), store.CatalogQuery{AgencyID: a.ID, ColumnID: columnID, ByDate: true, PerPage: FeedItems})
	if err != nil {
		return err
	}
	self := s.absURL(r, r.URL.Path)
	f := atomFeed{Title: title, ID: self, Author: a.Name, Updated: time.Unix(0, 0).UTC().Format(time.RFC3339),
		Link: []atomLink{{Href: self, Rel: "self"}, {Href: s.absURL(r, fmt.Sprintf("/agencies/%d/catalog", a.ID)), Rel: "alternate"}}}
	for i, h := range res.Hits {
		u := s.absURL(r, itemURL(h.Item))
		updated := h.Item.PublishedAt.UTC().Format(time.RFC3339)
		if i == 0 {
			f.Updated = updated
		}
		f.Entries = append(f.Entries, atomEntry{Title: h.Item.Title, ID: u, Link: atomLink{Href: u}, Updated: updated,
			Summary: catalog.PlainTextSummary(h.Item.Body, 200)})
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, _ = w.Write([]byte(xml.Header))
	return xml.NewEncoder(w).Encode(f)
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type sitemap struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemapXML lists the portal's agency, catalog and item pages.
func (s *Server) sitemapXML(w http.ResponseWriter, r *http.Request) error {
	all, err := s.db.Agencies(r.Context())
	if err != nil {
		return err
	}
	sm := sitemap{URLs: []sitemapURL{{Loc: s.absURL(r, "/")}, {Loc: s.absURL(r, "/search")}}}
	for _, a := range all {
		sm.URLs = append(sm.URLs, sitemapURL{Loc: s.absURL(r, fmt.Sprintf("/agencies/%d", a.ID))},
			sitemapURL{Loc: s.absURL(r, fmt.Sprintf("/agencies/%d/catalog", a.ID))})
	}
	items, err := s.db.PublicItemDates(r.Context(), store.SitemapLimit-len(sm.URLs))
	if err != nil {
		return err
	}
	for _, it := range items {
		sm.URLs = append(sm.URLs, sitemapURL{Loc: s.absURL(r, itemURL(it)), LastMod: it.UpdatedAt.UTC().Format("2006-01-02")})
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	_, _ = w.Write([]byte(xml.Header))
	return xml.NewEncoder(w).Encode(sm)
}
