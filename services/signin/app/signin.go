package app

import (
	"github.com/tradefin/tradefin/services/signin/domain"
)

// SignIn checks a user's password and returns the user. Any failure is ErrWrongCredentials.
func (a *Application) SignIn(username, password string) (domain.User, error) {
	u, _, err := a.dir.User(username)
	if err != nil {
		domain.VerifyPassword(a.decoy, password) // same work as a real check: no timing oracle
		return domain.User{}, domain.ErrWrongCredentials
	}
	if !domain.VerifyPassword(u.PasswordHash, password) {
		return domain.User{}, domain.ErrWrongCredentials
	}
	return u, nil
}
