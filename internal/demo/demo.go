// Package demo fills an empty database with demonstration records: the
// city government of 长治市, the bureau whose 2020 report started the project
// (长治市行政审批服务管理局), some sibling departments, and a user of every
// role. Later parts of the system add their demo records here.
package demo

import (
	"context"
	"fmt"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/errs"
)

// Store is what seeding needs from storage.
type Store interface {
	Agencies(ctx context.Context) ([]agency.Agency, error)
	CreateAgency(ctx context.Context, a *agency.Agency, c auditlog.Change) error
	CreateUser(ctx context.Context, u *auth.User, c auditlog.Change, grants ...auth.Grant) error
	SaveLetterSettings(ctx context.Context, agencyID int64, s agency.LetterSettings, c auditlog.Change) error
	reportStore
	catalogStore
	caseStore
}

// Account is a demo login.
type Account struct {
	Username string
	Name     string
	Role     auth.Role
	Agency   string // "" for the platform admin
}

// Agencies are the demo agencies; the first is the parent of the others.
var Agencies = []agency.Agency{
	{Name: "长治市人民政府", Code: "0142700-5", Kind: agency.Government, Office: "长治市人民政府办公室",
		Address: "山西省长治市潞州区", Hours: "工作日 上午8:30-12:00，下午14:30-17:30", Phone: "0355-0000000"},
	{Name: "长治市行政审批服务管理局", Code: "0142768-8", Kind: agency.Department, Office: "长治市行政审批服务管理局办公室",
		Address: "山西省长治市潞州区 长治市政务服务中心", Hours: "工作日 上午8:30-12:00，下午14:30-17:30", Phone: "0355-0000001"},
	{Name: "长治市教育局", Code: "0142711-3", Kind: agency.Department, Office: "长治市教育局办公室"},
	{Name: "长治市卫生健康委员会", Code: "0142722-9", Kind: agency.Department, Office: "长治市卫生健康委员会办公室"},
	{Name: "长治市财政局", Code: "0142733-4", Kind: agency.Department, Office: "长治市财政局办公室"},
}

// Bureau is the name of the seed report's agency.
const Bureau = "长治市行政审批服务管理局"

// Accounts are the demo users, one or more per role.
var Accounts = []Account{
	{"admin", "平台管理员", auth.PlatformAdmin, ""},
	{"spj-admin", "审批局管理员", auth.AgencyAdmin, Bureau},
	{"spj-editor", "审批局信息编辑", auth.Editor, Bureau},
	{"spj-reviewer", "审批局审核员", auth.Reviewer, Bureau},
	{"spj-officer", "审批局经办人", auth.CaseOfficer, Bureau},
	{"spj-approver", "审批局办公室主任", auth.Approver, Bureau},
	{"city-supervisor", "市政府办公室督查", auth.Supervisor, "长治市人民政府"},
	{"jyj-admin", "教育局管理员", auth.AgencyAdmin, "长治市教育局"},
}

// Seed fills an empty database. Every demo user gets the given password,
// hashed at the given cost (the zero Hashing is the production cost). It
// refuses a database that already has agencies, so it never mixes demo
// records into real ones.
func Seed(ctx context.Context, db Store, h auth.Hashing, password string) error {
	existing, err := db.Agencies(ctx)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if len(existing) > 0 {
		return errs.Conflict("数据库中已有机关，演示数据只能写入空库")
	}
	hash, err := h.Hash(password)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	c := auditlog.Change{Actor: "demo", Action: "demo.seed"}
	ids := map[string]int64{}
	for i, a := range Agencies {
		a := a
		if i > 0 {
			a.ParentID = ids[Agencies[0].Name]
		}
		if err := db.CreateAgency(ctx, &a, c); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		ids[a.Name] = a.ID
		ls := letterSettings(a)
		if err := db.SaveLetterSettings(ctx, a.ID, ls, c); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	users := map[string]int64{}
	for _, acc := range Accounts {
		u := &auth.User{Username: acc.Username, DisplayName: acc.Name, PasswordHash: hash}
		if err := db.CreateUser(ctx, u, c, auth.Grant{Role: acc.Role, AgencyID: ids[acc.Agency]}); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		users[acc.Username] = u.ID
	}
	if err := seedReports(ctx, db, ids[Bureau], c); err != nil {
		return err
	}
	if err := seedCatalog(ctx, db, ids[Bureau], c); err != nil {
		return err
	}
	if err := seedCases(ctx, db, ids, c); err != nil {
		return err
	}
	return publishReport2019(ctx, db, ids[Bureau], users["spj-approver"], c)
}
