// Package auth holds users, their roles in agencies, sessions, API tokens
// and the permission rules that decide who may read or change what.
package auth

// Role is a user's function within one agency.
type Role string

// The roles of the platform. All but PlatformAdmin are held in an agency.
const (
	// PlatformAdmin runs the whole platform: agencies and every user.
	PlatformAdmin Role = "platform_admin"
	// AgencyAdmin manages the agency's users, details and 公开指南.
	AgencyAdmin Role = "agency_admin"
	// Editor drafts information for proactive disclosure.
	Editor Role = "editor"
	// Reviewer does the confidentiality review (保密审查) and approves publication.
	Reviewer Role = "reviewer"
	// CaseOfficer handles disclosure applications.
	CaseOfficer Role = "case_officer"
	// Approver is the 工作机构负责人: approves deadline extensions and signs
	// off the annual report.
	Approver Role = "approver"
	// Supervisor reads an agency and every agency below it, and changes nothing.
	Supervisor Role = "supervisor"
)

// Roles lists every role in the order the back office shows them.
var Roles = []Role{PlatformAdmin, AgencyAdmin, Editor, Reviewer, CaseOfficer, Approver, Supervisor}

// Label returns the Chinese name of the role.
func (r Role) Label() string {
	switch r {
	case PlatformAdmin:
		return "平台管理员"
	case AgencyAdmin:
		return "机关管理员"
	case Editor:
		return "信息编辑"
	case Reviewer:
		return "审核员（保密审查）"
	case CaseOfficer:
		return "依申请公开经办人"
	case Approver:
		return "工作机构负责人"
	case Supervisor:
		return "监督人员（只读）"
	}
	return string(r)
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// Grant is one role held by a user in one agency. AgencyID is 0 for the
// platform-wide PlatformAdmin role.
type Grant struct {
	Role     Role
	AgencyID int64
}
