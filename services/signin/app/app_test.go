package app

import (
	"crypto/rand"
	"errors"
	"testing"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/signin/directory"
	"github.com/tradefin/tradefin/services/signin/domain"
)

func devApp(t *testing.T) *Application {
	seed, err := directory.Parse(directory.Dev)
	if err != nil {
		t.Fatal(err)
	}
	d, err := seed.Directory(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return New(d)
}

func TestSignInChecksThePassword(t *testing.T) {
	a := devApp(t)
	if u, err := a.SignIn("sara", "sara-dev-pass"); err != nil || u.Org != "ESSESESS" {
		t.Fatalf("sara: %+v %v", u, err)
	}
	for _, c := range [][2]string{{"sara", "erik-dev-pass"}, {"nobody", "nobody-dev-pass"}, {"sara", ""}} {
		if _, err := a.SignIn(c[0], c[1]); !errors.Is(err, domain.ErrWrongCredentials) {
			t.Errorf("%s/%s: %v, want wrong credentials", c[0], c[1], err)
		}
	}
}

func TestClaimsNameTheParty(t *testing.T) {
	a := devApp(t)
	access, id, err := a.UserClaims("joao")
	if err != nil {
		t.Fatal(err)
	}
	if access.Org != "5493002AZULEJOSLX028" || access.OrgKind != identity.Trader || len(access.Roles) != 1 || access.Roles[0] != identity.RoleTrader {
		t.Errorf("joao: %+v", access)
	}
	if id.Name != "joao" || id.OrgName != "Azulejos Lisboa Lda" || id.Org != access.Org {
		t.Errorf("joao's ID token claims: %+v", id)
	}
	c, err := a.ClientClaims("maersk-edi")
	if err != nil || c.Org != "MAEU" || c.OrgKind != identity.Carrier || c.Roles[0] != identity.RoleCarrierAgent {
		t.Errorf("maersk-edi: %+v %v", c, err)
	}
	if _, err := a.ClientClaims("tradectl"); !errors.Is(err, domain.ErrUnknown) {
		t.Errorf("tradectl is a user-facing client, not a party: %v", err)
	}
}
