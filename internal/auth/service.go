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
	RecordLoginFailure(ctx context.Context, userID int64, now time.Time, lockFor func(failures int) time.Duration, c auditlog.Change) error
	AddressFailures(ctx context.Context, address string, since time.Time) (int, error)
	RecordAddressFailure(ctx context.Context, address string, now, since time.Time) error
	StartSession(ctx context.Context, s *Session, c auditlog.Change) error
	Session(ctx context.Context, tokenHash string) (*Session, error)
	TouchSession(ctx context.Context, tokenHash string, now time.Time) error
	DeleteSession(ctx context.Context, tokenHash string) error
	EndSessions(ctx context.Context, userID int64, tokenHash string, c auditlog.Change) error
	APITokenByHash(ctx context.Context, hash string) (*APIToken, error)
	TouchAPIToken(ctx context.Context, id int64, now time.Time) error
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
	// checking holds a slot per password check under way: each argon2id
	// check takes 64 MiB, so unbounded concurrent logins could exhaust
	// memory.
	checking chan struct{}
}

// maxConcurrentChecks bounds the password checks under way at once.
const maxConcurrentChecks = 4

// NewService returns a service over store with the given policy and clock.
func NewService(store Store, policy Policy, now func() time.Time) *Service {
	h, _ := policy.Hashing.Hash("gongkai-dummy-password")
	return &Service{Store: store, Policy: policy, Now: now, dummyHash: h, checking: make(chan struct{}, maxConcurrentChecks)}
}

// HashPassword checks a new password against the policy and returns its
// hash at the policy's cost.
func (s *Service) HashPassword(password string) (string, error) {
	return s.Policy.Hashing.Hash(password)
}

// checkPassword compares a password with a user's hash, waiting for a free
// slot first.
func (s *Service) checkPassword(ctx context.Context, u *User, password string) (bool, error) {
	select {
	case s.checking <- struct{}{}:
	case <-ctx.Done():
		return false, fmt.Errorf("auth: password check: %w", ctx.Err())
	}
	defer func() { <-s.checking }()
	return u.CheckPassword(password), nil
}

// ErrBadLogin is the one answer to an unknown username, a wrong password
// and a locked account, so the answer does not tell which — nor whether
// the account exists.
var ErrBadLogin = &errs.Error{Kind: errs.ErrUnauthenticated, Message: "用户名或密码错误；多次失败后须稍候再试"}

// ErrThrottled is the answer to a client address that failed too many
// logins of late; it says nothing about any account.
var ErrThrottled = &errs.Error{Kind: errs.ErrUnauthenticated, Message: "本地址登录失败次数过多，请15分钟后再试"}

// ErrAccountLocked is what the store returns when an account turned out
// to be locked as a login completed.
var ErrAccountLocked = errors.New("auth: account locked")

// touchEvery limits how often a busy session's last-seen time is written.
const touchEvery = time.Minute

// Login checks a username and password from a client address and, when
// they match an enabled, unlocked account, starts a session. It returns
// the session's secret for the cookie.
//
// An address with too many recent failures is refused first, before the
// username is even looked up, and its attempts count against no account;
// the failures of other addresses count against the address and, for a
// known user, the account, which LockDelay then locks for a while. Every
// answer but success takes one password check, so timing does not tell
// unknown, locked and existing users apart either.
func (s *Service) Login(ctx context.Context, username, password, address string) (string, *Session, error) {
	now := s.Now().UTC()
	since := now.Add(-s.Policy.AddressWindow)
	if address != "" && s.Policy.AddressFailures > 0 {
		n, err := s.Store.AddressFailures(ctx, address, since)
		if err != nil {
			return "", nil, fmt.Errorf("auth: login: %w", err)
		}
		if n >= s.Policy.AddressFailures {
			return "", nil, ErrThrottled
		}
	}
	fail := func(u *User) (string, *Session, error) {
		if address != "" {
			if err := s.Store.RecordAddressFailure(ctx, address, now, since); err != nil {
				return "", nil, fmt.Errorf("auth: login: %w", err)
			}
		}
		if u != nil && !u.Locked(now) {
			err := s.Store.RecordLoginFailure(ctx, u.ID, now, s.Policy.LockDelay,
				auditlog.Change{ActorID: u.ID, Actor: u.Username, Action: "user.lock"})
			if err != nil {
				return "", nil, fmt.Errorf("auth: login: %w", err)
			}
		}
		return "", nil, ErrBadLogin
	}
	u, err := s.Store.UserByUsername(ctx, strings.ToLower(strings.TrimSpace(username)))
	if errors.Is(err, errs.ErrNotFound) {
		if _, err := s.checkPassword(ctx, &User{PasswordHash: s.dummyHash}, password); err != nil {
			return "", nil, err
		}
		return fail(nil)
	}
	if err != nil {
		return "", nil, fmt.Errorf("auth: login: %w", err)
	}
	ok, err := s.checkPassword(ctx, u, password)
	if err != nil {
		return "", nil, err
	}
	if !ok || u.Disabled || u.Locked(now) {
		return fail(u)
	}
	secret, hash := NewToken("gks_")
	csrf, _ := NewToken("")
	sess := &Session{TokenHash: hash, UserID: u.ID, CSRF: csrf, CreatedAt: now, LastSeenAt: now}
	err = s.Store.StartSession(ctx, sess, auditlog.Change{ActorID: u.ID, Actor: u.Username, Action: "user.login"})
	if errors.Is(err, ErrAccountLocked) {
		return "", nil, ErrBadLogin
	}
	if err != nil {
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
	return s.Store.EndSessions(ctx, p.User.ID, sess.TokenHash,
		auditlog.Change{ActorID: p.User.ID, Actor: p.User.Username, Action: "user.logout"})
}

// LogoutEverywhere ends every session of the principal's user.
func (s *Service) LogoutEverywhere(ctx context.Context, p *Principal) error {
	return s.Store.EndSessions(ctx, p.User.ID, "",
		auditlog.Change{ActorID: p.User.ID, Actor: p.User.Username, Action: "user.logout_all"})
}

// CheckCSRF reports whether a form's token matches the session's.
func CheckCSRF(sess *Session, token string) bool {
	return sess != nil && token != "" && subtle.ConstantTimeCompare([]byte(sess.CSRF), []byte(token)) == 1
}
