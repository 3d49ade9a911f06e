package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gongkai/gongkai/internal/auditlog"
	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/store"
)

const userUsage = `用法:
  gongkai user add    --username U --name 姓名 [--password-stdin]
  gongkai user passwd --username U [--password-stdin]
  gongkai user unlock --username U
  gongkai user grant  --username U --role ROLE [--agency 机关名称或代码]
  gongkai user revoke --username U --role ROLE [--agency 机关名称或代码]
  gongkai user token  --username U --name 用途
  gongkai user list
角色: platform_admin agency_admin editor reviewer case_officer approver supervisor
未给 --password-stdin 时生成随机密码并打印一次。`

// cliChange is the audit record of a change made from the command line.
func cliChange(action auditlog.Action) auditlog.Change {
	return auditlog.Change{Actor: "cli", Action: action}
}

// runUser manages users from the command line: the way to create the first
// platform admin of a real deployment.
func runUser(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: %s", errUsage, userUsage)
	}
	sub, args := args[0], args[1:]
	fs := newFlags("user " + sub)
	var dbf dbFlags
	dbf.register(fs, env)
	username := fs.String("username", "", "用户名")
	name := fs.String("name", "", "姓名（add）或令牌用途（token）")
	role := fs.String("role", "", "角色")
	agencyKey := fs.String("agency", "", "机关名称或代码（platform_admin 以外的角色必填）")
	fromStdin := fs.Bool("password-stdin", false, "从标准输入读取密码")
	if help, err := parseFlags(fs, env, args); help || err != nil {
		return err
	}
	if sub != "list" && *username == "" {
		return fmt.Errorf("%w: 缺少 --username\n%s", errUsage, userUsage)
	}
	db, err := dbf.open(ctx, quietLog(env))
	if err != nil {
		return err
	}
	defer db.Close()
	switch sub {
	case "add":
		return userAdd(ctx, env, db, *username, *name, *fromStdin)
	case "passwd":
		return userPasswd(ctx, env, db, *username, *fromStdin)
	case "unlock":
		return userUnlock(ctx, env, db, *username)
	case "grant", "revoke":
		return userRole(ctx, env, db, sub == "grant", *username, auth.Role(*role), *agencyKey)
	case "token":
		return userToken(ctx, env, db, *username, *name)
	case "list":
		return userList(ctx, env, db)
	}
	return fmt.Errorf("%w: 未知的子命令 %q\n%s", errUsage, sub, userUsage)
}

// password reads a password from standard input, or makes one up and
// prints it.
func password(env *cmdEnv, fromStdin bool) (string, error) {
	if !fromStdin {
		p := randomPassword()
		fmt.Fprintf(env.stdout, "密码: %s（只显示这一次）\n", p)
		return p, nil
	}
	line, err := bufio.NewReader(stdin(env)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func stdin(env *cmdEnv) io.Reader {
	if env.stdin != nil {
		return env.stdin
	}
	return os.Stdin
}

func userAdd(ctx context.Context, env *cmdEnv, db *store.DB, username, name string, fromStdin bool) error {
	if name == "" {
		name = username
	}
	u := &auth.User{Username: username, DisplayName: name}
	if err := u.Validate(); err != nil {
		return err
	}
	pw, err := password(env, fromStdin)
	if err != nil {
		return err
	}
	if u.PasswordHash, err = auth.DefaultPolicy.Hashing.Hash(pw); err != nil {
		return err
	}
	if err := db.CreateUser(ctx, u, cliChange("user.create")); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "已创建用户 %s（%s）\n", u.Username, u.DisplayName)
	return nil
}

func userPasswd(ctx context.Context, env *cmdEnv, db *store.DB, username string, fromStdin bool) error {
	u, err := db.UserByUsername(ctx, username)
	if err != nil {
		return err
	}
	pw, err := password(env, fromStdin)
	if err != nil {
		return err
	}
	hash, err := auth.DefaultPolicy.Hashing.Hash(pw)
	if err != nil {
		return err
	}
	if err := db.SetPassword(ctx, u.ID, hash, cliChange("user.password_reset")); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "已重设 %s 的密码，其所有会话已结束\n", u.Username)
	return nil
}

// userUnlock lifts a lock of failed logins and clears the count, keeping
// the password.
func userUnlock(ctx context.Context, env *cmdEnv, db *store.DB, username string) error {
	u, err := db.UserByUsername(ctx, username)
	if err != nil {
		return err
	}
	if err := db.UnlockUser(ctx, u.ID, cliChange("user.unlock")); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "已解除 %s 的登录锁定\n", u.Username)
	return nil
}

func userRole(ctx context.Context, env *cmdEnv, db *store.DB, grant bool, username string, role auth.Role, agencyKey string) error {
	u, err := db.UserByUsername(ctx, username)
	if err != nil {
		return err
	}
	g := auth.Grant{Role: role}
	if agencyKey != "" {
		a, err := db.AgencyByNameOrCode(ctx, agencyKey)
		if err != nil {
			return err
		}
		g.AgencyID = a.ID
	}
	if grant {
		err = db.Grant(ctx, u.ID, g, cliChange("role.grant"))
	} else {
		err = db.Revoke(ctx, u.ID, g, cliChange("role.revoke"))
	}
	if err != nil {
		return err
	}
	verb := map[bool]string{true: "已授予", false: "已撤销"}[grant]
	fmt.Fprintf(env.stdout, "%s %s 的角色 %s\n", verb, u.Username, role.Label())
	return nil
}

func userToken(ctx context.Context, env *cmdEnv, db *store.DB, username, name string) error {
	u, err := db.UserByUsername(ctx, username)
	if err != nil {
		return err
	}
	secret, hash := auth.NewToken("gka_")
	if err := db.CreateAPIToken(ctx, &auth.APIToken{UserID: u.ID, Name: name, TokenHash: hash}, cliChange("api_token.create")); err != nil {
		return err
	}
	fmt.Fprintln(env.stdout, secret)
	return nil
}

func userList(ctx context.Context, env *cmdEnv, db *store.DB) error {
	us, err := db.Users(ctx, nil)
	if err != nil {
		return err
	}
	all, err := db.Agencies(ctx)
	if err != nil {
		return err
	}
	names := map[int64]string{0: "全平台"}
	for _, a := range all {
		names[a.ID] = a.Name
	}
	w := bufio.NewWriter(env.stdout)
	for _, u := range us {
		gs, err := db.Grants(ctx, u.ID)
		if err != nil {
			return err
		}
		var roles []string
		for _, g := range gs {
			roles = append(roles, g.Role.Label()+"@"+names[g.AgencyID])
		}
		fmt.Fprintf(w, "%-16s %-12s %s\n", u.Username, u.DisplayName, strings.Join(roles, "，"))
	}
	return w.Flush()
}
