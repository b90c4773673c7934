package app

import (
	"slices"

	"github.com/tradefin/tradefin/events/identity"
)

// Claims are what a token says of its holder's party. The sign-in app hands them to Hydra, which
// puts the access token's under "ext" (where bearer.HydraClaims reads them) and the ID token's at
// the top level.
type Claims struct {
	Org     string           `json:"org"`
	OrgKind identity.OrgKind `json:"org_kind"`
	Roles   []string         `json:"roles"`
}

// IDClaims are the ID token's: the access token's plus names to show.
type IDClaims struct {
	Claims
	Name    string `json:"name"`     // the user's display name
	OrgName string `json:"org_name"` // the organisation's legal name
}

// UserClaims are the claims of a signed-in user's tokens.
func (a *Application) UserClaims(username string) (Claims, IDClaims, error) {
	u, org, err := a.dir.User(username)
	if err != nil {
		return Claims{}, IDClaims{}, err
	}
	c := Claims{Org: org.ID, OrgKind: org.Kind, Roles: slices.Clone(u.Roles)}
	return c, IDClaims{Claims: c, Name: u.Name, OrgName: org.Name}, nil
}

// ClientClaims are the claims of a machine client's client-credentials tokens.
func (a *Application) ClientClaims(clientID string) (Claims, error) {
	c, org, err := a.dir.Client(clientID)
	if err != nil {
		return Claims{}, err
	}
	return Claims{Org: org.ID, OrgKind: org.Kind, Roles: slices.Clone(c.Roles)}, nil
}
