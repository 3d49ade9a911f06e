package web

import (
	"net/http"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
)

type accountPage struct {
	Page
	Tokens   []auth.APIToken
	NewToken string
	Error    string
}

func (s *Server) account(w http.ResponseWriter, r *http.Request) error {
	return s.renderAccount(w, r, http.StatusOK, "", "")
}

func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, newToken, msg string) error {
	ts, err := s.db.APITokens(r.Context(), state(r).p.User.ID)
	if err != nil {
		return err
	}
	s.render(w, r, status, "account", &accountPage{Page: s.page(r, "我的账户"), Tokens: ts, NewToken: newToken, Error: msg})
	return nil
}

// accountPassword changes the user's own password; every session ends,
// this one included, so the user logs in again.
func (s *Server) accountPassword(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	if !st.p.User.CheckPassword(r.PostForm.Get("old")) {
		return s.renderAccount(w, r, http.StatusBadRequest, "", "当前密码不正确")
	}
	hash, err := s.auth.HashPassword(r.PostForm.Get("new"))
	if err != nil {
		return s.renderAccount(w, r, http.StatusBadRequest, "", errs.Message(err))
	}
	if err := s.db.SetPassword(r.Context(), st.p.User.ID, hash, s.change(r, "user.password_change")); err != nil {
		return err
	}
	s.clearCookie(w)
	http.Redirect(w, r, "/login?ok=password", http.StatusSeeOther)
	return nil
}

func (s *Server) accountLogoutAll(w http.ResponseWriter, r *http.Request) error {
	if err := s.auth.LogoutEverywhere(r.Context(), state(r).p); err != nil {
		return err
	}
	s.clearCookie(w)
	http.Redirect(w, r, "/login?ok=logged_out", http.StatusSeeOther)
	return nil
}

// tokenCreate makes an API token and shows its secret once.
func (s *Server) tokenCreate(w http.ResponseWriter, r *http.Request) error {
	secret, hash := auth.NewToken("gka_")
	t := &auth.APIToken{UserID: state(r).p.User.ID, Name: r.PostForm.Get("name"), TokenHash: hash}
	if err := s.db.CreateAPIToken(r.Context(), t, s.change(r, "api_token.create")); err != nil {
		if m := errs.Message(err); m != "" {
			return s.renderAccount(w, r, http.StatusBadRequest, "", m)
		}
		return err
	}
	return s.renderAccount(w, r, http.StatusOK, secret, "")
}

func (s *Server) tokenRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "token")
	if err != nil {
		return err
	}
	if err := s.db.RevokeAPIToken(r.Context(), state(r).p.User.ID, id, s.change(r, "api_token.revoke")); err != nil {
		return err
	}
	http.Redirect(w, r, "/office/account?ok=token", http.StatusSeeOther)
	return nil
}
