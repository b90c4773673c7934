package domain

import (
	"errors"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
)

var testHash = func() string {
	h, err := HashPassword("pw-for-tests", []byte("0123456789abcdef"), Argon2Params{MemoryKiB: 64, Iterations: 1, Parallelism: 1, KeyLength: 32})
	if err != nil {
		panic(err)
	}
	return h
}()

func orgs() []Organisation {
	return []Organisation{
		{ID: "ESSESESS", Kind: identity.Bank, Name: "Skandinaviska Enskilda Banken"},
		{ID: "5493001NORDICIMP0058", Kind: identity.Trader, Name: "Nordic Imports AB"},
		{ID: "PT000100", Kind: identity.Customs, Name: "Alfândega de Lisboa"},
		{ID: "MAEU", Kind: identity.Carrier, Name: "Maersk"},
		{ID: "TRADEREG", Kind: identity.Auditor, Name: "Trade Registry Supervisor"},
	}
}

func TestDirectoryLooksUpUsersAndClients(t *testing.T) {
	d, err := NewDirectory(orgs(),
		[]User{{Username: "sara", Org: "ESSESESS", Roles: []string{identity.RoleTradeOfficer, identity.RoleApprover}, PasswordHash: testHash}},
		[]Client{{ID: "seb-backoffice", Org: "ESSESESS", Roles: []string{identity.RolePaymentsOfficer}}})
	if err != nil {
		t.Fatal(err)
	}
	u, org, err := d.User("sara")
	if err != nil || org.Kind != identity.Bank || u.Name != "sara" || len(u.Roles) != 2 {
		t.Fatalf("User(sara) = %+v, %+v, %v", u, org, err)
	}
	if _, _, err := d.User("nobody"); !errors.Is(err, ErrUnknown) {
		t.Fatalf("unknown user: %v", err)
	}
	c, org, err := d.Client("seb-backoffice")
	if err != nil || org.ID != "ESSESESS" || c.Roles[0] != identity.RolePaymentsOfficer {
		t.Fatalf("Client = %+v, %+v, %v", c, org, err)
	}
	if _, _, err := d.Client("maersk-edi"); !errors.Is(err, ErrUnknown) {
		t.Fatalf("unknown client: %v", err)
	}
}

func TestDirectoryRefusesBadEntries(t *testing.T) {
	user := func(mod func(*User)) []User {
		u := User{Username: "erik", Org: "ESSESESS", Roles: []string{identity.RoleTradeOfficer}, PasswordHash: testHash}
		mod(&u)
		return []User{u}
	}
	cases := []struct {
		name    string
		orgs    []Organisation
		users   []User
		clients []Client
		want    string // the field the error names
	}{
		{"BIC of 9 characters", []Organisation{{ID: "ESSESESSX", Kind: identity.Bank, Name: "x"}}, nil, nil, "id"},
		{"lower-case BIC", []Organisation{{ID: "essesess", Kind: identity.Bank, Name: "x"}}, nil, nil, "id"},
		{"LEI with wrong check digits", []Organisation{{ID: "5493001NORDICIMP0059", Kind: identity.Trader, Name: "x"}}, nil, nil, "MOD 97-10"},
		{"customs office code", []Organisation{{ID: "PT1", Kind: identity.Customs, Name: "x"}}, nil, nil, "office code"},
		{"SCAC with digits", []Organisation{{ID: "MA3U", Kind: identity.Carrier, Name: "x"}}, nil, nil, "SCAC"},
		{"platform is no party", []Organisation{{ID: "TRADEFIN", Kind: identity.Platform, Name: "x"}}, nil, nil, "kind"},
		{"unknown kind", []Organisation{{ID: "X1", Kind: "broker", Name: "x"}}, nil, nil, "kind"},
		{"empty name", []Organisation{{ID: "ESSESESS", Kind: identity.Bank}}, nil, nil, "name"},
		{"name too long", []Organisation{{ID: "ESSESESS", Kind: identity.Bank, Name: strings.Repeat("n", 141)}}, nil, nil, "name"},
		{"organisation twice", append(orgs(), orgs()[0]), nil, nil, "listed twice"},
		{"username with capitals", orgs(), user(func(u *User) { u.Username = "Erik" }), nil, "username"},
		{"username too long", orgs(), user(func(u *User) { u.Username = "e" + strings.Repeat("r", 64) }), nil, "username"},
		{"user of no organisation", orgs(), user(func(u *User) { u.Org = "OTHRGB2L" }), nil, "organisation"},
		{"no roles", orgs(), user(func(u *User) { u.Roles = nil }), nil, "roles"},
		{"trader role in a bank", orgs(), user(func(u *User) { u.Roles = []string{identity.RoleTrader} }), nil, "cannot be held"},
		{"customs role for a trader", orgs(), user(func(u *User) { u.Org, u.Roles = "5493001NORDICIMP0058", []string{identity.RoleCustomsOfficer} }), nil, "cannot be held"},
		{"role twice", orgs(), user(func(u *User) { u.Roles = []string{identity.RoleApprover, identity.RoleApprover} }), nil, "twice"},
		{"no password hash", orgs(), user(func(u *User) { u.PasswordHash = "" }), nil, "passwordHash"},
		{"bcrypt hash", orgs(), user(func(u *User) { u.PasswordHash = "$2a$10$abcdefghijklmnopqrstuv" }), nil, "passwordHash"},
		{"username twice", orgs(), append(user(func(*User) {}), user(func(*User) {})...), nil, "listed twice"},
		{"client id with spaces", orgs(), nil, []Client{{ID: "seb back office", Org: "ESSESESS", Roles: []string{identity.RoleTradeOfficer}}}, "id"},
		{"client of no organisation", orgs(), nil, []Client{{ID: "ghost", Org: "NOPE", Roles: []string{identity.RoleTradeOfficer}}}, "organisation"},
		{"carrier client as auditor", orgs(), nil, []Client{{ID: "maersk-edi", Org: "MAEU", Roles: []string{identity.RoleAuditor}}}, "cannot be held"},
	}
	for _, c := range cases {
		_, err := NewDirectory(c.orgs, c.users, c.clients)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error does not name %q: %v", c.name, c.want, err)
		}
	}
}

func TestDirectoryReportsEveryProblem(t *testing.T) {
	_, err := NewDirectory([]Organisation{{ID: "bad", Kind: identity.Bank, Name: "x"}},
		[]User{{Username: "X", Org: "bad"}}, []Client{{ID: "-", Org: "bad"}})
	var fe *FieldError
	if !errors.As(err, &fe) || strings.Count(err.Error(), "\n") < 2 {
		t.Fatalf("want three field errors, got %v", err)
	}
}
