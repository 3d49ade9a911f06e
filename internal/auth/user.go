package auth

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"

	"github.com/gongkai/gongkai/internal/errs"
)

// User is a member of staff who logs in to the back office.
type User struct {
	ID           int64
	Username     string
	DisplayName  string
	PasswordHash string
	// FailedLogins counts consecutive failed logins since the last success.
	FailedLogins int
	LockedUntil  time.Time // zero when not locked
	Disabled     bool
	CreatedAt    time.Time
}

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,39}$`)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// Validate checks a new user's names.
func (u *User) Validate() error {
	u.Username = strings.ToLower(strings.TrimSpace(u.Username))
	u.DisplayName = strings.TrimSpace(u.DisplayName)
	switch {
	case !usernamePattern.MatchString(u.Username):
		return errs.Invalid("用户名须为2至40位小写字母、数字、点、下划线或连字符，并以字母或数字开头")
	case u.DisplayName == "":
		return errs.Invalid("请填写姓名")
	case utf8.RuneCountInString(u.DisplayName) > 50:
		return errs.Invalid("姓名不能超过50个字")
	case strings.IndexFunc(u.DisplayName, func(r rune) bool {
		return unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
	}) >= 0:
		return errs.Invalid("姓名含有不可见的控制字符")
	}
	return nil
}

// CheckPassword reports whether password matches the user's hash.
func (u *User) CheckPassword(password string) bool {
	if u.PasswordHash == "" || len(password) > 256 {
		return false
	}
	ok, err := argon2id.ComparePasswordAndHash(password, u.PasswordHash)
	return err == nil && ok
}
