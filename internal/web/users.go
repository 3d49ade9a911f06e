package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
)

type userRow struct {
	User  auth.User
	Roles []auth.Role
	// Locked marks a user locked out by failed logins now.
	Locked bool
}

type usersPage struct {
	Page
	Users []userRow
	Roles []auth.Role // the roles an agency admin may grant
	Error string
	// MayUnlock shows the unlock button: platform admins only.
	MayUnlock bool
}

// agencyRoles are the roles held within an agency.
var agencyRoles = auth.Roles[1:]

func (s *Server) users(w http.ResponseWriter, r *http.Request) error {
	return s.renderUsers(w, r, http.StatusOK, "")
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, msg string) error {
	ctx, a := r.Context(), state(r).agency
	us, err := s.db.Users(ctx, []int64{a.ID})
	if err != nil {
		return err
	}
	p := &usersPage{Page: s.page(r, "用户与角色"), Roles: agencyRoles, Error: msg, MayUnlock: state(r).p.IsPlatformAdmin()}
	now := s.cfg.Now()
	for _, u := range us {
		gs, err := s.db.Grants(ctx, u.ID)
		if err != nil {
			return err
		}
		row := userRow{User: u, Locked: u.Locked(now)}
		for _, g := range gs {
			if g.AgencyID == a.ID {
				row.Roles = append(row.Roles, g.Role)
			}
		}
		p.Users = append(p.Users, row)
	}
	s.render(w, r, status, "users", p)
	return nil
}

// formError shows a user-correctable error on the users page, and passes
// anything else on.
func (s *Server) usersFormError(w http.ResponseWriter, r *http.Request, err error) error {
	status, _, msg := classify(err)
	if status >= 500 || status == http.StatusForbidden || status == http.StatusNotFound {
		return err
	}
	return s.renderUsers(w, r, status, msg)
}

func agencyRole(v string) (auth.Role, error) {
	role := auth.Role(v)
	if !role.Valid() || role == auth.PlatformAdmin {
		return "", errs.Invalid("请选择有效的角色")
	}
	return role, nil
}

// userCreate creates a user with a first role in the agency.
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	ctx, a, f := r.Context(), state(r).agency, r.PostForm
	role, err := agencyRole(f.Get("role"))
	if err != nil {
		return s.usersFormError(w, r, err)
	}
	u := &auth.User{Username: f.Get("username"), DisplayName: f.Get("display_name")}
	if err := u.Validate(); err != nil {
		return s.usersFormError(w, r, err)
	}
	if u.PasswordHash, err = s.auth.HashPassword(f.Get("password")); err != nil {
		return s.usersFormError(w, r, err)
	}
	if err := s.db.CreateUser(ctx, u, s.change(r, "user.create"), auth.Grant{Role: role, AgencyID: a.ID}); err != nil {
		return s.usersFormError(w, r, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/users?ok=created", a.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) userGrant(w http.ResponseWriter, r *http.Request) error {
	return s.userRole(w, r, true)
}

func (s *Server) userRevoke(w http.ResponseWriter, r *http.Request) error {
	return s.userRole(w, r, false)
}

func (s *Server) userRole(w http.ResponseWriter, r *http.Request, grant bool) error {
	ctx, st := r.Context(), state(r)
	a := st.agency
	id, err := pathID(r, "user")
	if err != nil {
		return err
	}
	// Only users already in the agency: a role must not become a way into
	// accounts that belong to no agency or to others.
	if _, err := s.inAgency(ctx, st.p, id, a.ID); err != nil {
		return err
	}
	role, err := agencyRole(r.PostForm.Get("role"))
	if err != nil {
		return s.usersFormError(w, r, err)
	}
	g, ok := auth.Grant{Role: role, AgencyID: a.ID}, "granted"
	if grant {
		err = s.db.Grant(ctx, id, g, s.change(r, "role.grant"))
	} else {
		err, ok = s.db.Revoke(ctx, id, g, s.change(r, "role.revoke")), "revoked"
	}
	if err != nil {
		return s.usersFormError(w, r, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/users?ok=%s", a.ID, ok), http.StatusSeeOther)
	return nil
}

// userPassword sets a new password for a user of the agency. An agency
// admin may do so only for users whose every role lies in agencies it
// manages; otherwise it could take over roles elsewhere.
func (s *Server) userPassword(w http.ResponseWriter, r *http.Request) error {
	ctx, st := r.Context(), state(r)
	id, err := pathID(r, "user")
	if err != nil {
		return err
	}
	if err := s.mayManage(ctx, st.p, id, st.agency.ID); err != nil {
		return err
	}
	hash, err := s.auth.HashPassword(r.PostForm.Get("password"))
	if err != nil {
		return s.usersFormError(w, r, err)
	}
	if err := s.db.SetPassword(ctx, id, hash, s.change(r, "user.password_reset")); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/users?ok=password", st.agency.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) userDisable(w http.ResponseWriter, r *http.Request) error {
	return s.userSetDisabled(w, r, true)
}

func (s *Server) userEnable(w http.ResponseWriter, r *http.Request) error {
	return s.userSetDisabled(w, r, false)
}

// userSetDisabled stops or restores a user's access; stopping ends its
// sessions. The same rule as for passwords decides who may.
func (s *Server) userSetDisabled(w http.ResponseWriter, r *http.Request, disabled bool) error {
	ctx, st := r.Context(), state(r)
	id, err := pathID(r, "user")
	if err != nil {
		return err
	}
	if r.PostForm.Get("confirm") != "1" {
		return s.usersFormError(w, r, errs.Invalid("请确认操作"))
	}
	if id == st.p.User.ID {
		return s.usersFormError(w, r, errs.Invalid("不能停用自己的账号"))
	}
	if err := s.mayManage(ctx, st.p, id, st.agency.ID); err != nil {
		return err
	}
	action := map[bool]auditlog.Action{true: "user.disable", false: "user.enable"}[disabled]
	if err := s.db.SetDisabled(ctx, id, disabled, s.change(r, action)); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/users?ok=saved", st.agency.ID), http.StatusSeeOther)
	return nil
}

// userUnlock lifts a lock of failed logins before it ends by itself and
// clears the count, for a platform admin only: a lock guards against
// password guessing, so lifting it early is the platform's decision.
func (s *Server) userUnlock(w http.ResponseWriter, r *http.Request) error {
	ctx, st := r.Context(), state(r)
	a, err := s.pathAgency(r)
	if err != nil {
		return err
	}
	st.agency = a // the page to go back to, and the audit entry's agency
	id, err := pathID(r, "user")
	if err != nil {
		return err
	}
	if r.PostForm.Get("confirm") != "1" {
		return s.usersFormError(w, r, errs.Invalid("请确认操作"))
	}
	if _, err := s.inAgency(ctx, st.p, id, a.ID); err != nil {
		return err
	}
	if err := s.db.UnlockUser(ctx, id, s.change(r, "user.unlock")); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/users?ok=saved", a.ID), http.StatusSeeOther)
	return nil
}

// inAgency checks that a user holds a role in the agency, unless the
// principal runs the platform, and returns the user's roles.
func (s *Server) inAgency(ctx context.Context, p *auth.Principal, userID, agencyID int64) ([]auth.Grant, error) {
	if _, err := s.db.User(ctx, userID); err != nil {
		return nil, err
	}
	gs, err := s.db.Grants(ctx, userID)
	if err != nil || p.IsPlatformAdmin() {
		return gs, err
	}
	for _, g := range gs {
		if g.AgencyID == agencyID {
			return gs, nil
		}
	}
	return nil, errs.NotFound("该用户不属于本机关")
}

// mayManage checks that the principal may reset the user's password or
// disable it: the user is in the agency, and every role it holds lies in
// agencies the principal manages.
func (s *Server) mayManage(ctx context.Context, p *auth.Principal, userID, agencyID int64) error {
	gs, err := s.inAgency(ctx, p, userID, agencyID)
	if err != nil {
		return err
	}
	for _, g := range gs {
		if g.Role == auth.PlatformAdmin && !p.IsPlatformAdmin() || g.AgencyID != 0 && !p.Can(auth.ManageUsers, g.AgencyID) {
			return errs.Forbidden("该用户在其他机关也有角色，只能由平台管理员或各机关管理员共同处理")
		}
	}
	return nil
}

// change starts the audit record of a change made by this request.
func (s *Server) change(r *http.Request, action auditlog.Action) auditlog.Change {
	st := state(r)
	c := auditlog.Change{Action: action, Actor: "anonymous"}
	if st.p != nil {
		c.ActorID, c.Actor = st.p.User.ID, st.p.User.Username
	}
	if st.agency != nil {
		c.AgencyID = st.agency.ID
	}
	return c
}
