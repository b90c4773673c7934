package domain

import "regexp"

// User is a person who signs in, acting inside one organisation with its roles there.
type User struct {
	Username     string   // unique in the directory; the subject ("sub") of the user's tokens
	Name         string   // display name; the username when not given
	Org          string   // the organisation's ID
	Roles        []string // inside Org
	PasswordHash string   // argon2id, PHC string format
}

var usernamePattern = regexp.MustCompile(`^[a-z][a-z0-9._-]{1,63}$`)

func (u User) validate(orgs map[string]Organisation) error {
	entry := "user " + quote(u.Username)
	if !usernamePattern.MatchString(u.Username) {
		return fieldErr(entry, "username", "2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter")
	}
	if len(u.Name) > maxNameLength {
		return fieldErr(entry, "name", "at most %d characters", maxNameLength)
	}
	org, ok := orgs[u.Org]
	if !ok {
		return fieldErr(entry, "organisation", "%s is not in the directory", quote(u.Org))
	}
	if err := validateRoles(entry, org.Kind, u.Roles); err != nil {
		return err
	}
	if _, err := parsePHC(u.PasswordHash); err != nil {
		return fieldErr(entry, "passwordHash", "%v", err)
	}
	return nil
}
