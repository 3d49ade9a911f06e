package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/errs"
)

// Store is what the service needs from storage.
type Store interface {
	UserByUsername(ctx context.Context, username string) (*User, error)
	User(ctx context.Context, id int64) (*User, error)
	Grants(ctx context.Context, userID int64) ([]Grant, error)
	Agencies(ctx context.Context) ([]agency.Agency, error)
	RecordLogin(ctx context.Context, userID int64, ok bool, lockUntil time.Time) error
	CreateSession(ctx context.Context, s *Session) error
	Session(ctx context.Context, tokenHash string) (*Session, error)
	TouchSession(ctx context.Context, tokenHash string, now time.Time) error
	DeleteSession(ctx context.Context, tokenHash string) error
	DeleteUserSessions(ctx context.Context, userID int64) error
	APITokenByHash(ctx context.Context, hash string) (*APIToken, error)
	TouchAPIToken(ctx context.Context, id int64, now time.Time) error
	Record(ctx context.Context, c auditlog.Change) error
}

// Service logs users in and out and turns session cookies and API tokens
// into principals.
type Service struct {
	Store  Store
	Policy Policy
	Now    func() time.Time
	// dummyHash is compared against when the username is unknown, so the
	// answer takes as long as for a wrong password.
	dummyHash string
}

// NewService returns a service over store with the given policy and clock.
func NewService(store Store, policy Policy, now func() time.Time) *Service {
	h, _ := HashPassword("gongkai-dummy-password")
	return &Service{Store: store, Policy: policy, Now: now, dummyHash: h}
}

// ErrBadLogin is the one answer to a wrong username or password, so the
// answer does not tell which.
var ErrBadLogin = &errs.Error{Kind: errs.ErrUnauthenticated, Message: "用户名或密码错误"}

// touchEvery limits how often a busy session's last-seen time is written.
const touchEvery = time.Minute

// Login checks a username and password and, when they match an enabled,
// unlocked account, starts a session. It returns the session's secret for
// the cookie.
func (s *Service) Login(ctx context.Context, username, password string) (string, *Session, error) {
	now := s.Now().UTC()
	u, err := s.Store.UserByUsername(ctx, strings.ToLower(strings.TrimSpace(username)))
	if errors.Is(err, errs.ErrNotFound) {
		(&User{PasswordHash: s.dummyHash}).CheckPassword(password)
		return "", nil, ErrBadLogin
	}
	if err != nil {
		return "", nil, fmt.Errorf("auth: login: %w", err)
	}
	if u.Locked(now) {
		return "", nil, &errs.Error{Kind: errs.ErrUnauthenticated,
			Message: fmt.Sprintf("登录失败次数过多，账号已锁定，请于 %s 后再试", u.LockedUntil.In(chinaTime).Format("15:04"))}
	}
	if !u.CheckPassword(password) || u.Disabled {
		var lockUntil time.Time
		if u.FailedLogins+1 >= s.Policy.MaxFailures {
			lockUntil = now.Add(s.Policy.LockFor)
		}
		if err := s.Store.RecordLogin(ctx, u.ID, false, lockUntil); err != nil {
			return "", nil, fmt.Errorf("auth: login: %w", err)
		}
		if !lockUntil.IsZero() {
			_ = s.Store.Record(ctx, auditlog.Change{ActorID: u.ID, Actor: u.Username, Action: "user.lock",
				Object: fmt.Sprintf("user:%d", u.ID), After: map[string]any{"locked_until": lockUntil}})
		}
		return "", nil, ErrBadLogin
	}
	if err := s.Store.RecordLogin(ctx, u.ID, true, time.Time{}); err != nil {
		return "", nil, fmt.Errorf("auth: login: %w", err)
	}
	secret, hash := NewToken("gks_")
	csrf, _ := NewToken("")
	sess := &Session{TokenHash: hash, UserID: u.ID, CSRF: csrf, CreatedAt: now, LastSeenAt: now}
	if err := s.Store.CreateSession(ctx, sess); err != nil {
		return "", nil, fmt.Errorf("auth: login: %w", err)
	}
	if err := s.Store.Record(ctx, auditlog.Change{ActorID: u.ID, Actor: u.Username, Action: "user.login",
		Object: fmt.Sprintf("user:%d", u.ID)}); err != nil {
		return "", nil, fmt.Errorf("auth: login: %w", err)
	}
	return secret, sess, nil
}

// Authenticate returns the principal and session behind a session secret,
// ending the session when it has expired.
func (s *Service) Authenticate(ctx context.Context, secret string) (*Principal, *Session, error) {
	if !strings.HasPrefix(secret, "gks_") {
		return nil, nil, errs.ErrUnauthenticated
	}
	hash := HashToken(secret)
	sess, err := s.Store.Session(ctx, hash)
	if errors.Is(err, errs.ErrNotFound) {
		return nil, nil, errs.ErrUnauthenticated
	}
	if err != nil {
		return nil, nil, fmt.Errorf("auth: session: %w", err)
	}
	now := s.Now().UTC()
	if s.Policy.Expired(sess, now) {
		_ = s.Store.DeleteSession(ctx, hash)
		return nil, nil, errs.ErrUnauthenticated
	}
	p, err := s.principal(ctx, sess.UserID)
	if err != nil {
		return nil, nil, err
	}
	if now.Sub(sess.LastSeenAt) > touchEvery {
		if err := s.Store.TouchSession(ctx, hash, now); err != nil {
			return nil, nil, fmt.Errorf("auth: session: %w", err)
		}
		sess.LastSeenAt = now
	}
	return p, sess, nil
}

// AuthenticateToken returns the principal behind an API token.
func (s *Service) AuthenticateToken(ctx context.Context, secret string) (*Principal, error) {
	if !strings.HasPrefix(secret, "gka_") {
		return nil, errs.ErrUnauthenticated
	}
	t, err := s.Store.APITokenByHash(ctx, HashToken(secret))
	if errors.Is(err, errs.ErrNotFound) {
		return nil, errs.ErrUnauthenticated
	}
	if err != nil {
		return nil, fmt.Errorf("auth: api token: %w", err)
	}
	p, err := s.principal(ctx, t.UserID)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	if now.Sub(t.LastUsedAt) > touchEvery {
		if err := s.Store.TouchAPIToken(ctx, t.ID, now); err != nil {
			return nil, fmt.Errorf("auth: api token: %w", err)
		}
	}
	return p, nil
}

// Principal loads a user's principal, refusing a disabled user.
func (s *Service) principal(ctx context.Context, userID int64) (*Principal, error) {
	u, err := s.Store.User(ctx, userID)
	if errors.Is(err, errs.ErrNotFound) {
		return nil, errs.ErrUnauthenticated
	}
	if err != nil {
		return nil, fmt.Errorf("auth: user: %w", err)
	}
	if u.Disabled {
		return nil, errs.ErrUnauthenticated
	}
	grants, err := s.Store.Grants(ctx, userID)
	if err != nil {
		return nil, fmt.Errorf("auth: grants: %w", err)
	}
	all, err := s.Store.Agencies(ctx)
	if err != nil {
		return nil, fmt.Errorf("auth: agencies: %w", err)
	}
	return &Principal{User: *u, Grants: grants, Tree: agency.NewTree(all)}, nil
}

// Logout ends one session.
func (s *Service) Logout(ctx context.Context, p *Principal, sess *Session) error {
	if err := s.Store.DeleteSession(ctx, sess.TokenHash); err != nil {
		return fmt.Errorf("auth: logout: %w", err)
	}
	return s.Store.Record(ctx, auditlog.Change{ActorID: p.User.ID, Actor: p.User.Username, Action: "user.logout",
		Object: fmt.Sprintf("user:%d", p.User.ID)})
}

// LogoutEverywhere ends every session of the principal's user.
func (s *Service) LogoutEverywhere(ctx context.Context, p *Principal) error {
	if err := s.Store.DeleteUserSessions(ctx, p.User.ID); err != nil {
		return fmt.Errorf("auth: logout everywhere: %w", err)
	}
	return s.Store.Record(ctx, auditlog.Change{ActorID: p.User.ID, Actor: p.User.Username, Action: "user.logout_all",
		Object: fmt.Sprintf("user:%d", p.User.ID)})
}

// CheckCSRF reports whether a form's token matches the session's.
func CheckCSRF(sess *Session, token string) bool {
	return sess != nil && token != "" && subtle.ConstantTimeCompare([]byte(sess.CSRF), []byte(token)) == 1
}

// chinaTime is UTC+8, used to show times to users.
var chinaTime = time.FixedZone("CST", 8*3600)
