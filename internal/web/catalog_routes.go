package web

import (
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/catalog"
)

// catalogRoutes are the routes of proactive disclosure: the back office
// (drafting with EditInfo, review and publication with ReviewInfo, columns
// with ManageAgency), the portal's catalog, item pages, search, feeds and
// sitemap, and the public search API.
func (s *Server) catalogRoutes() []route {
	const item = "/office/a/{agency}/items/{item}"
	return []route{
		{method: "GET", pattern: "/search", access: Public, h: s.portalSearch},
		{method: "GET", pattern: "/sitemap.xml", access: Public, h: s.sitemapXML},
		{method: "GET", pattern: "/agencies/{agency}/catalog", access: Public, h: s.portalCatalog},
		{method: "GET", pattern: "/agencies/{agency}/feed.atom", access: Public, h: s.catalogFeed},
		{method: "GET", pattern: "/agencies/{agency}/columns/{column}/feed.atom", access: Public, h: s.columnFeed},
		{method: "GET", pattern: "/agencies/{agency}/items/{item}", access: Public, h: s.portalItem},
		{method: "GET", pattern: "/agencies/{agency}/items/{item}/attachments/{att}", access: Public, h: s.portalAttachment},

		{method: "GET", pattern: "/office/a/{agency}/items", access: InAgency, perm: auth.ViewOffice, h: s.catalogItems},
		{method: "GET", pattern: "/office/a/{agency}/items/new", access: InAgency, perm: auth.EditInfo, h: s.catalogNew},
		{method: "POST", pattern: "/office/a/{agency}/items", access: InAgency, perm: auth.EditInfo, h: s.catalogCreate},
		{method: "GET", pattern: "/office/a/{agency}/items/import", access: InAgency, perm: auth.EditInfo, h: s.catalogImportForm},
		{method: "POST", pattern: "/office/a/{agency}/items/import", access: InAgency, perm: auth.EditInfo, upload: maxImport, h: s.catalogImport},
		{method: "GET", pattern: item, access: InAgency, perm: auth.ViewOffice, h: s.catalogItem},
		{method: "GET", pattern: item + "/edit", access: InAgency, perm: auth.EditInfo, h: s.catalogEdit},
		{method: "POST", pattern: item, access: InAgency, perm: auth.EditInfo, h: s.catalogUpdate},
		{method: "POST", pattern: item + "/attachments", access: InAgency, perm: auth.EditInfo, upload: catalog.MaxAttachment, h: s.catalogAttach},
		{method: "GET", pattern: item + "/attachments/{att}", access: InAgency, perm: auth.ViewOffice, h: s.officeAttachment},
		{method: "POST", pattern: item + "/attachments/{att}/delete", access: InAgency, perm: auth.EditInfo, h: s.catalogDetach},
		{method: "POST", pattern: item + "/submit", access: InAgency, perm: auth.EditInfo, h: s.catalogStep(catalog.Submit)},
		{method: "POST", pattern: item + "/review", access: InAgency, perm: auth.ReviewInfo, h: s.catalogStep(catalog.Approve)},
		{method: "POST", pattern: item + "/publish", access: InAgency, perm: auth.ReviewInfo, h: s.catalogStep(catalog.Publish)},
		{method: "POST", pattern: item + "/withdraw", access: InAgency, perm: auth.ReviewInfo, h: s.catalogStep(catalog.Withdraw)},
		{method: "GET", pattern: "/office/a/{agency}/columns", access: InAgency, perm: auth.ManageAgency, h: s.catalogColumns},
		{method: "POST", pattern: "/office/a/{agency}/columns", access: InAgency, perm: auth.ManageAgency, h: s.catalogColumnSave},
		{method: "POST", pattern: "/office/a/{agency}/columns/standard", access: InAgency, perm: auth.ManageAgency, h: s.catalogStandardColumns},
		{method: "POST", pattern: "/office/a/{agency}/scan-words", access: InAgency, perm: auth.ManageAgency, h: s.catalogWordsSave},
		{method: "POST", pattern: "/office/a/{agency}/taxonomy", access: InAgency, perm: auth.ManageAgency, h: s.catalogTaxonomySave},

		{method: "GET", pattern: "/api/v1/search", access: Public, api: true, h: s.apiSearch},
	}
}
