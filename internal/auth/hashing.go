package auth

import (
	"fmt"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"

	"github.com/gongkai/gongkai/internal/errs"
)

// Hashing is the cost of the argon2id hashes made for new passwords. The
// zero value is the production cost (argon2id's defaults: 64 MiB, one pass,
// a lane per CPU). Tests pass a cheap cost so that hundreds of logins stay
// fast; checking a password always uses the cost recorded in its hash, so
// a cheap hash only ever comes from a caller that chose it.
type Hashing struct {
	// MemoryKiB is the memory of one hash in KiB; 0 means the default.
	MemoryKiB uint32
	// Iterations is the number of passes over the memory.
	Iterations uint32
	// Parallelism is the number of lanes.
	Parallelism uint8
}

// params returns the argon2id parameters of h.
func (h Hashing) params() *argon2id.Params {
	if h.MemoryKiB == 0 {
		return argon2id.DefaultParams
	}
	p := *argon2id.DefaultParams
	p.Memory = h.MemoryKiB
	p.Iterations = max(h.Iterations, 1)
	p.Parallelism = max(h.Parallelism, 1)
	return &p
}

// Hash checks a password against the policy and returns its argon2id hash.
func (h Hashing) Hash(password string) (string, error) {
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return "", errs.Invalid("密码至少需要%d位", MinPasswordLength)
	}
	if len(password) > 256 {
		return "", errs.Invalid("密码过长")
	}
	s, err := argon2id.CreateHash(password, h.params())
	if err != nil {
		return "", fmt.Errorf("auth: hash password: %w", err)
	}
	return s, nil
}
