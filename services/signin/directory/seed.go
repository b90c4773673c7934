// Package directory reads a directory of parties from YAML: the dev seed embedded here
// (dev.yaml), or a production file. Dev users' passwords are hashed with argon2id as the file is
// loaded, so the process that serves sign-ins keeps only hashes.
package directory

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/signin/domain"
)

// Dev is the dev stack's directory (dev.yaml).
//
//go:embed dev.yaml
var Dev []byte

// Seed is a directory file as written: what the stack prints and registers, before hashing.
type Seed struct {
	Organisations []SeedOrganisation `yaml:"organisations"`
	Users         []SeedUser         `yaml:"users"`
	Clients       []SeedClient       `yaml:"machineClients"`
}

// SeedOrganisation is an organisation; Note says what it is in the demo.
type SeedOrganisation struct {
	ID   string           `yaml:"id"`
	Kind identity.OrgKind `yaml:"kind"`
	Name string           `yaml:"name"`
	Note string           `yaml:"note"`
}

// SeedUser is a user with either a dev password (hashed at load) or a stored hash.
type SeedUser struct {
	Username     string   `yaml:"username"`
	Name         string   `yaml:"name"`
	Org          string   `yaml:"organisation"`
	Roles        []string `yaml:"roles"`
	DevPassword  string   `yaml:"devPassword"`
	PasswordHash string   `yaml:"passwordHash"`
}

// SeedClient is a machine client; the secret, audience and lifespan are what the stack
// registers in Hydra.
type SeedClient struct {
	ID                  string        `yaml:"id"`
	Org                 string        `yaml:"organisation"`
	Roles               []string      `yaml:"roles"`
	DevSecret           string        `yaml:"devSecret"`
	Audience            []string      `yaml:"audience"`            // default: tradefin
	AccessTokenLifespan time.Duration `yaml:"accessTokenLifespan"` // default: Hydra's
	TestOnly            bool          `yaml:"testOnly"`
}

const maxFileBytes = 4 << 20

// Parse reads a directory file, refusing unknown fields (a misspelt "pasword" is an error, not a
// user without a password).
func Parse(b []byte) (*Seed, error) {
	if len(b) > maxFileBytes {
		return nil, fmt.Errorf("directory: file over %d bytes", maxFileBytes)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var s Seed
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("directory: %w", err)
	}
	return &s, nil
}

// Load reads the directory file at path, or the dev seed when path is empty.
func Load(path string) (*Seed, error) {
	if path == "" {
		return Parse(Dev)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("directory: %w", err)
	}
	return Parse(b)
}

// Directory validates the seed and hashes every dev password with a fresh salt from random.
func (s *Seed) Directory(random io.Reader) (*domain.Directory, error) {
	orgs := make([]domain.Organisation, 0, len(s.Organisations))
	for _, o := range s.Organisations {
		orgs = append(orgs, domain.Organisation{ID: o.ID, Kind: o.Kind, Name: o.Name})
	}
	var errs []error
	users := make([]domain.User, 0, len(s.Users))
	for _, u := range s.Users {
		hash := u.PasswordHash
		switch {
		case u.DevPassword != "" && hash != "":
			errs = append(errs, fmt.Errorf("user %q: give devPassword or passwordHash, not both", u.Username))
			continue
		case u.DevPassword != "":
			salt := make([]byte, 16)
			if _, err := io.ReadFull(random, salt); err != nil {
				return nil, fmt.Errorf("directory: salt: %w", err)
			}
			var err error
			if hash, err = domain.HashPassword(u.DevPassword, salt, domain.DefaultArgon2); err != nil {
				errs = append(errs, fmt.Errorf("user %q: devPassword: %w", u.Username, err))
				continue
			}
		}
		users = append(users, domain.User{Username: u.Username, Name: u.Name, Org: u.Org, Roles: u.Roles, PasswordHash: hash})
	}
	clients := make([]domain.Client, 0, len(s.Clients))
	for _, c := range s.Clients {
		clients = append(clients, domain.Client{ID: c.ID, Org: c.Org, Roles: c.Roles})
	}
	d, err := domain.NewDirectory(orgs, users, clients)
	if err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return d, nil
}
