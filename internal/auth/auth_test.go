package auth

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/errs"
)

// city (1) has departments 2 and 3; 4 is below 2; 5 is another city.
var tree = agency.NewTree([]agency.Agency{{ID: 1}, {ID: 2, ParentID: 1}, {ID: 3, ParentID: 1}, {ID: 4, ParentID: 2}, {ID: 5}})

func TestCan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		grants []Grant
		perm   Permission
		agency int64
		want   bool
	}{
		{"platform admin anywhere", []Grant{{PlatformAdmin, 0}}, ManageUsers, 5, true},
		{"agency admin own", []Grant{{AgencyAdmin, 2}}, ManageUsers, 2, true},
		{"agency admin not below", []Grant{{AgencyAdmin, 2}}, ManageUsers, 4, false},
		{"agency admin not sibling", []Grant{{AgencyAdmin, 2}}, ViewOffice, 3, false},
		{"editor edits", []Grant{{Editor, 2}}, EditInfo, 2, true},
		{"editor does not review", []Grant{{Editor, 2}}, ReviewInfo, 2, false},
		{"editor no audit", []Grant{{Editor, 2}}, ViewAudit, 2, false},
		{"reviewer reviews", []Grant{{Reviewer, 3}}, ReviewInfo, 3, true},
		{"officer handles", []Grant{{CaseOfficer, 3}}, HandleCases, 3, true},
		{"officer elsewhere", []Grant{{CaseOfficer, 3}}, HandleCases, 2, false},
		{"approver approves", []Grant{{Approver, 2}}, Approve, 2, true},
		{"supervisor reads below", []Grant{{Supervisor, 1}}, ViewOffice, 4, true},
		{"supervisor audit below", []Grant{{Supervisor, 1}}, ViewAudit, 3, true},
		{"supervisor writes nothing", []Grant{{Supervisor, 1}}, EditInfo, 2, false},
		{"supervisor manages nothing", []Grant{{Supervisor, 1}}, ManageUsers, 1, false},
		{"supervisor not other city", []Grant{{Supervisor, 1}}, ViewOffice, 5, false},
		{"roles in two agencies", []Grant{{Editor, 2}, {CaseOfficer, 5}}, HandleCases, 5, true},
		{"no grants", nil, ViewOffice, 1, false},
		{"agency zero", []Grant{{PlatformAdmin, 0}}, ViewOffice, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Principal{Grants: tt.grants, Tree: tree}
			if got := p.Can(tt.perm, tt.agency); got != tt.want {
				t.Fatalf("Can(%s, %d) = %v, want %v", tt.perm, tt.agency, got, tt.want)
			}
		})
	}
}

func TestPasswords(t *testing.T) {
	t.Parallel()
	var production Hashing // the zero value: the cost new users get
	if _, err := production.Hash("short"); !errors.Is(err, errs.ErrInvalid) {
		t.Fatalf("short password: err = %v, want ErrInvalid", err)
	}
	if _, err := production.Hash("正确的马电池订书钉"); err == nil {
		t.Fatal("9-character password accepted")
	}
	for _, tt := range []struct {
		name string
		h    Hashing
		cost string
	}{
		{"production", production, "$m=65536,t=1,"},
		{"cheap, as in tests", Hashing{MemoryKiB: 64, Iterations: 1, Parallelism: 1}, "$m=64,t=1,p=1$"},
	} {
		h, err := tt.h.Hash("correct horse battery")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(h, tt.cost) {
			t.Errorf("%s hash %q lacks the cost %q", tt.name, h, tt.cost)
		}
		u := User{PasswordHash: h}
		if !u.CheckPassword("correct horse battery") || u.CheckPassword("correct horse batterY") {
			t.Fatalf("%s: CheckPassword does not tell right from wrong", tt.name)
		}
	}
}

func TestSessionExpiry(t *testing.T) {
	t.Parallel()
	p := Policy{Idle: 30 * time.Minute, Absolute: 12 * time.Hour}
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name          string
		created, seen time.Time
		now           time.Time
		want          bool
	}{
		{"fresh", t0, t0, t0.Add(time.Minute), false},
		{"idle", t0, t0, t0.Add(31 * time.Minute), true},
		{"busy but too old", t0, t0.Add(12 * time.Hour), t0.Add(12*time.Hour + time.Minute), true},
		{"busy within absolute", t0, t0.Add(11 * time.Hour), t0.Add(11*time.Hour + 10*time.Minute), false},
	}
	for _, tt := range tests {
		if got := p.Expired(&Session{CreatedAt: tt.created, LastSeenAt: tt.seen}, tt.now); got != tt.want {
			t.Errorf("%s: Expired = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	a, ha := NewToken("gka_")
	b, _ := NewToken("gka_")
	if a == b || HashToken(a) != ha || len(a) < 40 {
		t.Fatalf("tokens not random or hash mismatch: %q %q", a, b)
	}
}

func TestUserValidate(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		u  User
		ok bool
	}{
		{User{Username: " Zhang.San ", DisplayName: "张三"}, true},
		{User{Username: "a", DisplayName: "张三"}, false},
		{User{Username: "<script>", DisplayName: "张三"}, false},
		{User{Username: "zhangsan", DisplayName: " "}, false},
	} {
		err := tt.u.Validate()
		if (err == nil) != tt.ok {
			t.Errorf("Validate(%q) = %v", tt.u.Username, err)
		}
	}
}
