package auth

import "github.com/gongkai/gongkai/internal/agency"

// Permission is something a user may be allowed to do in an agency.
type Permission string

// The permissions the back office checks.
const (
	// ViewOffice lets a user read the agency's back office.
	ViewOffice Permission = "view_office"
	// ViewAudit lets a user browse and export the agency's audit log.
	ViewAudit Permission = "view_audit"
	// ManageUsers lets a user create users and grant roles in the agency.
	ManageUsers Permission = "manage_users"
	// ManageAgency lets a user edit the agency's details and 公开指南.
	ManageAgency Permission = "manage_agency"
	// EditInfo lets a user draft information items.
	EditInfo Permission = "edit_info"
	// ReviewInfo lets a user review and publish information items.
	ReviewInfo Permission = "review_info"
	// HandleCases lets a user handle disclosure applications.
	HandleCases Permission = "handle_cases"
	// Approve lets a user approve extensions and sign off reports.
	Approve Permission = "approve"
)

// grantsIn lists, for each permission, the roles that grant it in the
// agency where they are held.
var grantsIn = map[Permission][]Role{
	ViewOffice:   {AgencyAdmin, Editor, Reviewer, CaseOfficer, Approver, Supervisor},
	ViewAudit:    {AgencyAdmin, Supervisor},
	ManageUsers:  {AgencyAdmin},
	ManageAgency: {AgencyAdmin},
	EditInfo:     {Editor},
	ReviewInfo:   {Reviewer},
	HandleCases:  {CaseOfficer},
	Approve:      {Approver},
}

// readOnly lists the permissions a supervisor also holds in the agencies
// below the one where it holds the role.
var readOnly = map[Permission]bool{ViewOffice: true, ViewAudit: true}

// Principal is an authenticated user with its grants, able to answer
// permission questions against the agency hierarchy.
type Principal struct {
	User   User
	Grants []Grant
	Tree   *agency.Tree
}

// IsPlatformAdmin reports whether the principal runs the whole platform.
func (p *Principal) IsPlatformAdmin() bool {
	for _, g := range p.Grants {
		if g.Role == PlatformAdmin {
			return true
		}
	}
	return false
}

// Can reports whether the principal holds permission perm in agency id.
func (p *Principal) Can(perm Permission, agencyID int64) bool {
	if p == nil || agencyID == 0 {
		return false
	}
	if p.IsPlatformAdmin() {
		return true
	}
	for _, g := range p.Grants {
		if g.AgencyID == agencyID && hasRole(grantsIn[perm], g.Role) {
			return true
		}
		if g.Role == Supervisor && readOnly[perm] && p.Tree != nil && p.Tree.Within(agencyID, g.AgencyID) {
			return true
		}
	}
	return false
}

// Agencies returns the ids among all that the principal may view, in order.
func (p *Principal) Agencies(all []agency.Agency) []agency.Agency {
	var out []agency.Agency
	for _, a := range all {
		if p.Can(ViewOffice, a.ID) {
			out = append(out, a)
		}
	}
	return out
}

func hasRole(roles []Role, r Role) bool {
	for _, k := range roles {
		if k == r {
			return true
		}
	}
	return false
}
