// Package app is what the sign-in app does: sign a user in by password, and say which claims a
// user's or a machine client's tokens carry.
package app

import (
	"github.com/tradefin/tradefin/services/signin/domain"
)

// Application holds the directory the app answers from.
type Application struct {
	dir *domain.Directory
	// decoy is hashed for unknown usernames so a sign-in takes as long whether or not the user
	// exists.
	decoy string
}

// New returns the application over a validated directory.
func New(dir *domain.Directory) *Application {
	decoy, err := domain.HashPassword("decoy-password", make([]byte, 16), domain.DefaultArgon2)
	if err != nil {
		panic(err) // fixed inputs: cannot fail
	}
	return &Application{dir: dir, decoy: decoy}
}
