package web

import (
	"net/http"

	"github.com/gongkai/gongkai/internal/auth"
)

// Access says who may call a route.
type Access string

// Kinds of access.
const (
	// Public routes need no login.
	Public Access = "public"
	// LoggedIn routes need any logged-in user.
	LoggedIn Access = "logged_in"
	// InAgency routes need the route's permission in the agency named by
	// the {agency} path segment.
	InAgency Access = "in_agency"
	// Platform routes need the platform admin role.
	Platform Access = "platform"
	// Token routes are JSON API routes that need an API token; with a
	// permission, in the {agency} of the path.
	Token Access = "token"
)

// RouteInfo describes a route for documentation and tests.
type RouteInfo struct {
	Method     string
	Pattern    string
	Access     Access
	Permission auth.Permission
}

// handlerFunc is a handler that returns its error to one place that turns
// it into a status, a page and a log line.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

type route struct {
	method  string
	pattern string
	access  Access
	perm    auth.Permission
	api     bool
	// maxBody caps the request body in bytes; 0 means Config.MaxBody.
	// Upload routes set a larger limit.
	maxBody int64
	// upload is the size of the files an upload route takes, as its form
	// states it (uploadLimits): the body may be that plus formSlack, and a
	// larger one gets a 413 page naming the limit. 0: not an upload route.
	upload int64
	// postsPerMinute limits anonymous posts to a Public route per client
	// address; 0 means publicPostsPerMinute.
	postsPerMinute int
	h              handlerFunc
}

func (s *Server) routeTable() []route {
	return []route{
		// Portal.
		{method: "GET", pattern: "/{$}", access: Public, h: s.portalHome},
		{method: "GET", pattern: "/agencies/{agency}", access: Public, h: s.portalAgency},
		{method: "GET", pattern: "/healthz", access: Public, h: s.healthz},
		{method: "GET", pattern: "/metrics", access: Public, h: s.metricsPage},
		{method: "GET", pattern: "/report.css", access: Public, h: s.reportCSS},
		{method: "GET", pattern: "/agencies/{agency}/reports", access: Public, h: s.portalReports},
		{method: "GET", pattern: "/agencies/{agency}/reports/{year}", access: Public, h: s.portalReport},
		{method: "GET", pattern: "/agencies/{agency}/reports/{year}/file/{format}", access: Public, h: s.portalReportFile},
		{method: "GET", pattern: "/agencies/{agency}/apply", access: Public, h: s.caseApplyForm},
		{method: "POST", pattern: "/agencies/{agency}/apply", access: Public, upload: caseMaxUpload, postsPerMinute: 5, h: s.caseApply},
		{method: "GET", pattern: "/agencies/{agency}/apply/done", access: Public, h: s.caseApplied},
		{method: "GET", pattern: "/agencies/{agency}/apply/done/receipt.pdf", access: Public, h: s.caseReceiptPDF},
		{method: "GET", pattern: "/cases/status", access: Public, h: s.caseStatusForm},
		{method: "POST", pattern: "/cases/status", access: Public, h: s.caseStatus},
		{method: "POST", pattern: "/cases/status/letter", access: Public, h: s.caseStatusLetter},
		{method: "POST", pattern: "/cases/status/correction", access: Public, upload: caseMaxUpload, postsPerMinute: 5, h: s.caseStatusCorrection},

		// Logging in and out.
		{method: "GET", pattern: "/login", access: Public, h: s.loginForm},
		{method: "POST", pattern: "/login", access: Public, h: s.login},
		{method: "POST", pattern: "/logout", access: LoggedIn, h: s.logout},

		// Back office.
		{method: "GET", pattern: "/office", access: LoggedIn, h: s.officeHome},
		{method: "GET", pattern: "/office/switch", access: LoggedIn, h: s.officeSwitch},
		{method: "GET", pattern: "/office/account", access: LoggedIn, h: s.account},
		{method: "POST", pattern: "/office/account/password", access: LoggedIn, h: s.accountPassword},
		{method: "POST", pattern: "/office/account/logout-all", access: LoggedIn, h: s.accountLogoutAll},
		{method: "POST", pattern: "/office/account/tokens", access: LoggedIn, h: s.tokenCreate},
		{method: "POST", pattern: "/office/account/tokens/{token}/revoke", access: LoggedIn, h: s.tokenRevoke},
		{method: "GET", pattern: "/office/auditor", access: LoggedIn, h: s.auditorForm},
		{method: "POST", pattern: "/office/auditor", access: LoggedIn, upload: auditorMaxUpload, h: s.auditorRun},
		{method: "GET", pattern: "/office/auditor/jobs/{job}", access: LoggedIn, h: s.auditorJob},
		{method: "GET", pattern: "/office/a/{agency}", access: InAgency, perm: auth.ViewOffice, h: s.agencyHome},
		{method: "GET", pattern: "/office/a/{agency}/settings", access: InAgency, perm: auth.ManageAgency, h: s.agencySettings},
		{method: "POST", pattern: "/office/a/{agency}/settings", access: InAgency, perm: auth.ManageAgency, h: s.agencySettingsSave},
		{method: "GET", pattern: "/office/a/{agency}/users", access: InAgency, perm: auth.ManageUsers, h: s.users},
		{method: "POST", pattern: "/office/a/{agency}/users", access: InAgency, perm: auth.ManageUsers, h: s.userCreate},
		{method: "POST", pattern: "/office/a/{agency}/users/{user}/grant", access: InAgency, perm: auth.ManageUsers, h: s.userGrant},
		{method: "POST", pattern: "/office/a/{agency}/users/{user}/revoke", access: InAgency, perm: auth.ManageUsers, h: s.userRevoke},
		{method: "POST", pattern: "/office/a/{agency}/users/{user}/password", access: InAgency, perm: auth.ManageUsers, h: s.userPassword},
		{method: "POST", pattern: "/office/a/{agency}/users/{user}/disable", access: InAgency, perm: auth.ManageUsers, h: s.userDisable},
		{method: "POST", pattern: "/office/a/{agency}/users/{user}/enable", access: InAgency, perm: auth.ManageUsers, h: s.userEnable},
		{method: "POST", pattern: "/office/a/{agency}/users/{user}/unlock", access: Platform, h: s.userUnlock},
		{method: "GET", pattern: "/office/a/{agency}/audit", access: InAgency, perm: auth.ViewAudit, h: s.auditLog},
		{method: "GET", pattern: "/office/a/{agency}/audit.csv", access: InAgency, perm: auth.ViewAudit, h: s.auditLogCSV},
		{method: "GET", pattern: "/office/a/{agency}/reports", access: InAgency, perm: auth.ViewOffice, h: s.reportList},
		{method: "POST", pattern: "/office/a/{agency}/reports", access: InAgency, perm: auth.Approve, h: s.reportCreate},
		{method: "GET", pattern: "/office/a/{agency}/reports/{year}", access: InAgency, perm: auth.ViewOffice, h: s.reportEdit},
		{method: "POST", pattern: "/office/a/{agency}/reports/{year}", access: InAgency, perm: auth.Approve, h: s.reportSave},
		{method: "POST", pattern: "/office/a/{agency}/reports/{year}/overview", access: InAgency, perm: auth.Approve, h: s.reportDraftOverview},
		{method: "POST", pattern: "/office/a/{agency}/reports/{year}/sign-off", access: InAgency, perm: auth.Approve, h: s.reportSignOff},
		{method: "POST", pattern: "/office/a/{agency}/reports/{year}/publish", access: InAgency, perm: auth.Approve, h: s.reportPublish},
		{method: "GET", pattern: "/office/a/{agency}/reports/{year}/cells/{cell}", access: InAgency, perm: auth.ViewOffice, h: s.reportCell},
		{method: "GET", pattern: "/office/a/{agency}/reports/{year}/file/{format}", access: InAgency, perm: auth.ViewOffice, h: s.reportDownload},
		{method: "GET", pattern: "/office/a/{agency}/reports/{year}/combined", access: InAgency, perm: auth.ViewOffice, h: s.reportCombined},
		{method: "GET", pattern: "/office/a/{agency}/reports/{year}/combined/file/{format}", access: InAgency, perm: auth.ViewOffice, h: s.reportCombinedFile},
		{method: "GET", pattern: "/office/a/{agency}/litigation", access: InAgency, perm: auth.ViewOffice, h: s.litigationList},
		{method: "POST", pattern: "/office/a/{agency}/litigation", access: InAgency, perm: auth.HandleCases, h: s.litigationCreate},
		{method: "GET", pattern: "/office/a/{agency}/litigation/{record}", access: InAgency, perm: auth.ViewOffice, h: s.litigationShow},
		{method: "POST", pattern: "/office/a/{agency}/litigation/{record}", access: InAgency, perm: auth.HandleCases, h: s.litigationUpdate},
		{method: "GET", pattern: "/office/a/{agency}/cases", access: InAgency, perm: auth.ViewOffice, h: s.caseList},
		{method: "GET", pattern: "/office/a/{agency}/cases/due", access: InAgency, perm: auth.ViewOffice, h: s.caseDue},
		{method: "GET", pattern: "/office/a/{agency}/cases.csv", access: InAgency, perm: auth.ViewOffice, h: s.caseListCSV},
		{method: "GET", pattern: "/office/a/{agency}/cases/new", access: InAgency, perm: auth.HandleCases, h: s.caseNewForm},
		{method: "POST", pattern: "/office/a/{agency}/cases", access: InAgency, perm: auth.HandleCases, h: s.caseCreate},
		{method: "GET", pattern: "/office/a/{agency}/cases/{case}", access: InAgency, perm: auth.ViewOffice, h: s.caseDetail},
		{method: "GET", pattern: "/office/a/{agency}/cases/{case}/files/{file}", access: InAgency, perm: auth.HandleCases, h: s.caseFile},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/confirm", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/correction", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/corrected", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/correction_delivered", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/extension_notice", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/consult", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/consulted", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/fee", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/paid", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/extend", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/approve", access: InAgency, perm: auth.Approve, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/transfer", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/close", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/deliver", access: InAgency, perm: auth.HandleCases, h: s.caseStep},
		{method: "POST", pattern: "/office/a/{agency}/cases/{case}/letters", access: InAgency, perm: auth.HandleCases, h: s.caseLetterIssue},
		{method: "GET", pattern: "/office/a/{agency}/cases/{case}/letters/{letter}/{format}", access: InAgency, perm: auth.HandleCases, h: s.caseLetterFile},
		{method: "GET", pattern: "/office/a/{agency}/letter-templates", access: InAgency, perm: auth.ManageAgency, h: s.letterTemplates},
		{method: "POST", pattern: "/office/a/{agency}/letter-templates", access: InAgency, perm: auth.ManageAgency, h: s.letterTemplateSave},
		{method: "POST", pattern: "/office/a/{agency}/letter-settings", access: InAgency, perm: auth.ManageAgency, h: s.letterSettingsSave},
		{method: "GET", pattern: "/office/platform/agencies", access: Platform, h: s.platformAgencies},
		{method: "POST", pattern: "/office/platform/agencies", access: Platform, h: s.platformAgencyCreate},
		{method: "GET", pattern: "/office/platform/audit", access: Platform, h: s.auditLog},
		{method: "GET", pattern: "/office/platform/holidays", access: Platform, h: s.holidays},
		{method: "POST", pattern: "/office/platform/holidays", access: Platform, maxBody: 2 << 20, h: s.holidaysLoad},
		{method: "GET", pattern: "/office/platform/audit.csv", access: Platform, h: s.auditLogCSV},

		// JSON API.
		{method: "GET", pattern: "/api/v1/openapi.json", access: Public, api: true, h: s.apiOpenAPI},
		{method: "GET", pattern: "/api/v1/agencies", access: Public, api: true, h: s.apiAgencies},
		{method: "GET", pattern: "/api/v1/agencies/{agency}", access: Public, api: true, h: s.apiAgency},
		{method: "GET", pattern: "/api/v1/agencies/{agency}/reports/{year}", access: Public, api: true, h: s.apiReport},
		{method: "GET", pattern: "/api/v1/me", access: Token, api: true, h: s.apiMe},
		{method: "GET", pattern: "/api/v1/agencies/{agency}/audit-log", access: Token, perm: auth.ViewAudit, api: true, h: s.apiAuditLog},
		{method: "GET", pattern: "/api/v1/agencies/{agency}/cases", access: Token, perm: auth.ViewOffice, api: true, h: s.apiCases},
	}
}
