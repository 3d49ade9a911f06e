package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// Policy holds the security settings of logins and sessions.
type Policy struct {
	// AddressFailures is how many failed logins one client address may
	// make within AddressWindow; beyond it the address is refused until
	// the window has passed, without its attempts being checked or counted
	// against any account.
	AddressFailures int
	AddressWindow   time.Duration
	// MaxFailures is how many consecutive failed logins (from addresses not
	// throttled) lock an account: for LockFor, doubled for every further
	// failure, at most MaxLock (LockDelay).
	MaxFailures int
	LockFor     time.Duration
	MaxLock     time.Duration
	// Idle ends a session not used for this long.
	Idle time.Duration
	// Absolute ends a session this long after login, however busy.
	Absolute time.Duration
	// Hashing is the cost of new password hashes; the zero value is the
	// production cost.
	Hashing Hashing
}

// DefaultPolicy is the policy used unless configured otherwise.
var DefaultPolicy = Policy{AddressFailures: 20, AddressWindow: 15 * time.Minute,
	MaxFailures: 5, LockFor: time.Minute, MaxLock: time.Hour, Idle: 30 * time.Minute, Absolute: 12 * time.Hour}

// LockDelay is how long an account stays locked after its failures-th
// consecutive failed login: nothing below MaxFailures, then LockFor,
// doubling with every further failure up to MaxLock. Failures are not
// counted while the account is locked, so a stranger cannot lengthen a
// lock by trying on, and a lock never lasts more than MaxLock.
func (p Policy) LockDelay(failures int) time.Duration {
	if failures < p.MaxFailures || p.MaxFailures <= 0 {
		return 0
	}
	d := p.LockFor
	for i := p.MaxFailures; i < failures && d < p.MaxLock; i++ {
		d *= 2
	}
	return min(d, p.MaxLock)
}

// Session is a logged-in browser. Only the hash of its token is stored.
type Session struct {
	TokenHash  string
	UserID     int64
	CSRF       string // the token every state-changing form must carry
	CreatedAt  time.Time
	LastSeenAt time.Time
}

// Expired reports whether the session has ended at now under the policy.
func (p Policy) Expired(s *Session, now time.Time) bool {
	return now.Sub(s.LastSeenAt) > p.Idle || now.Sub(s.CreatedAt) > p.Absolute
}

// Locked reports whether the user may not log in at now.
func (u *User) Locked(now time.Time) bool {
	return !u.LockedUntil.IsZero() && now.Before(u.LockedUntil)
}

// NewToken returns a new random secret and the hash under which it is
// stored. The prefix tells tokens apart in logs and leaks ("gks_" for
// sessions, "gka_" for API tokens).
func NewToken(prefix string) (secret, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // never fails: crypto/rand aborts the program instead (Go 1.24+)
	secret = prefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, HashToken(secret)
}

// HashToken returns the stored form of a secret token.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// APIToken is a per-user secret for integrations calling the JSON API.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	TokenHash  string
	CreatedAt  time.Time
	LastUsedAt time.Time
	RevokedAt  time.Time
}
