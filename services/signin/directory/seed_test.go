package directory

import (
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/signin/domain"
)

// The dev seed is the table of parties the tests and the demo use: every user, with the dev
// password convention, and every machine client.
func TestDevSeedLoadsWithHashedPasswords(t *testing.T) {
	seed, err := Parse(Dev)
	if err != nil {
		t.Fatal(err)
	}
	d, err := seed.Directory(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		org   string
		kind  identity.OrgKind
		roles string
	}{
		"ingrid":  {"5493001NORDICIMP0058", identity.Trader, "trader"},
		"joao":    {"5493002AZULEJOSLX028", identity.Trader, "trader"},
		"olga":    {"5493003OTHERTRAD0029", identity.Trader, "trader"},
		"beatriz": {"5493004CERAMNORTE081", identity.Trader, "trader"},
		"erik":    {"ESSESESS", identity.Bank, "trade-officer"},
		"sara":    {"ESSESESS", identity.Bank, "trade-officer,approver"},
		"per":     {"ESSESESS", identity.Bank, "payments-officer"},
		"ana":     {"BCOMPTPL", identity.Bank, "trade-officer"},
		"rui":     {"BCOMPTPL", identity.Bank, "trade-officer,approver"},
		"oscar":   {"OTHRGB2L", identity.Bank, "trade-officer,approver,payments-officer"},
		"nils":    {"NCLRSESS", identity.Bank, "payments-officer"},
		"marta":   {"PT000100", identity.Customs, "customs-officer"},
		"lars":    {"SE000100", identity.Customs, "customs-officer"},
		"dieter":  {"DE004601", identity.Customs, "customs-officer"},
		"mads":    {"MAEU", identity.Carrier, "carrier-agent"},
		"hanna":   {"HLCU", identity.Carrier, "carrier-agent"},
		"audra":   {"TRADEREG", identity.Auditor, "auditor"},
	}
	if got := len(d.Usernames()); got != len(want) {
		t.Fatalf("%d users, want %d", got, len(want))
	}
	for name, w := range want {
		u, org, err := d.User(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if org.ID != w.org || org.Kind != w.kind || strings.Join(u.Roles, ",") != w.roles {
			t.Errorf("%s: %s %s %v, want %+v", name, org.ID, org.Kind, u.Roles, w)
		}
		if !strings.HasPrefix(u.PasswordHash, "$argon2id$") || strings.Contains(u.PasswordHash, name+"-dev-pass") {
			t.Errorf("%s: stored %q, want an argon2id hash", name, u.PasswordHash)
		}
		if !domain.VerifyPassword(u.PasswordHash, name+"-dev-pass") {
			t.Errorf("%s: the dev password does not verify", name)
		}
	}
	for id, org := range map[string]string{"seb-backoffice": "ESSESESS", "maersk-edi": "MAEU", "nclr-gateway": "NCLRSESS",
		"wrong-audience-client": "ESSESESS", "short-lived-client": "ESSESESS"} {
		if _, o, err := d.Client(id); err != nil || o.ID != org {
			t.Errorf("client %s: %v %v", id, o.ID, err)
		}
	}
	for _, c := range seed.Clients {
		if c.DevSecret != c.ID+"-dev-secret" {
			t.Errorf("client %s: dev secret %q breaks the convention", c.ID, c.DevSecret)
		}
		if c.ID == "short-lived-client" && c.AccessTokenLifespan != time.Second {
			t.Errorf("short-lived-client lifespan %s", c.AccessTokenLifespan)
		}
	}
}

func TestSeedRefusesUnknownFieldsAndAmbiguousPasswords(t *testing.T) {
	if _, err := Parse([]byte("users:\n  - {username: erik, pasword: x}\n")); err == nil {
		t.Error("a misspelt field is accepted")
	}
	hash, _ := domain.HashPassword("pw-pw-pw", make([]byte, 16), domain.DefaultArgon2)
	seed, err := Parse([]byte(`organisations: [{id: ESSESESS, kind: bank, name: SEB}]
users:
  - {username: erik, organisation: ESSESESS, roles: [trade-officer], devPassword: erik-dev-pass, passwordHash: "` + hash + `"}
`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := seed.Directory(rand.Reader); err == nil || !strings.Contains(err.Error(), "not both") {
		t.Errorf("devPassword with passwordHash: %v", err)
	}
	seed, err = Parse([]byte(`organisations: [{id: ESSESESS, kind: bank, name: SEB}]
users:
  - {username: erik, organisation: ESSESESS, roles: [trade-officer], passwordHash: "` + hash + `"}
`))
	if err != nil {
		t.Fatal(err)
	}
	d, err := seed.Directory(rand.Reader)
	if err != nil {
		t.Fatalf("a production entry with a stored hash: %v", err)
	}
	if u, _, _ := d.User("erik"); u.PasswordHash != hash {
		t.Error("the stored hash was not kept")
	}
	if _, err := Parse(make([]byte, maxFileBytes+1)); err == nil {
		t.Error("an oversized file is accepted")
	}
}
