package domain

import "regexp"

// Client is a machine client (OAuth 2.0 client credentials) acting for one organisation: a
// bank's back office, a carrier's EDI gateway. Its secret is the identity provider's business;
// the directory only says whom it acts for and in which roles.
type Client struct {
	ID    string
	Org   string
	Roles []string
}

var clientIDPattern = regexp.MustCompile(`^[a-z][a-z0-9-]{2,63}$`)

func (c Client) validate(orgs map[string]Organisation) error {
	entry := "client " + quote(c.ID)
	if !clientIDPattern.MatchString(c.ID) {
		return fieldErr(entry, "id", "3 to 64 lower-case letters, digits or '-', starting with a letter")
	}
	org, ok := orgs[c.Org]
	if !ok {
		return fieldErr(entry, "organisation", "%s is not in the directory", quote(c.Org))
	}
	return validateRoles(entry, org.Kind, c.Roles)
}
