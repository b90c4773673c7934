package domain

import (
	"errors"
	"fmt"
	"slices"
)

// Bounds on the directory's size.
const (
	MaxOrganisations = 10_000
	MaxUsers         = 100_000
	MaxClients       = 10_000
)

// Directory is a validated, immutable set of organisations, users and machine clients.
type Directory struct {
	orgs    map[string]Organisation
	users   map[string]User
	clients map[string]Client
	order   []string // usernames in the order given, for listings
}

// NewDirectory validates every entry and reports every problem at once.
func NewDirectory(orgs []Organisation, users []User, clients []Client) (*Directory, error) {
	var errs []error
	if len(orgs) > MaxOrganisations || len(users) > MaxUsers || len(clients) > MaxClients {
		return nil, fmt.Errorf("directory: at most %d organisations, %d users and %d clients", MaxOrganisations, MaxUsers, MaxClients)
	}
	d := &Directory{orgs: map[string]Organisation{}, users: map[string]User{}, clients: map[string]Client{}}
	for _, o := range orgs {
		if err := o.Validate(); err != nil {
			errs = append(errs, err)
			continue
		}
		if _, dup := d.orgs[o.ID]; dup {
			errs = append(errs, fieldErr("organisation "+quote(o.ID), "id", "listed twice"))
			continue
		}
		d.orgs[o.ID] = o
	}
	for _, u := range users {
		if err := u.validate(d.orgs); err != nil {
			errs = append(errs, err)
			continue
		}
		if _, dup := d.users[u.Username]; dup {
			errs = append(errs, fieldErr("user "+quote(u.Username), "username", "listed twice"))
			continue
		}
		if u.Name == "" {
			u.Name = u.Username
		}
		u.Roles = slices.Clone(u.Roles)
		d.users[u.Username] = u
		d.order = append(d.order, u.Username)
	}
	for _, c := range clients {
		if err := c.validate(d.orgs); err != nil {
			errs = append(errs, err)
			continue
		}
		if _, dup := d.clients[c.ID]; dup {
			errs = append(errs, fieldErr("client "+quote(c.ID), "id", "listed twice"))
			continue
		}
		c.Roles = slices.Clone(c.Roles)
		d.clients[c.ID] = c
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("directory: %w", err)
	}
	return d, nil
}

// User returns the user named username.
func (d *Directory) User(username string) (User, Organisation, error) {
	u, ok := d.users[username]
	if !ok {
		return User{}, Organisation{}, ErrUnknown
	}
	return u, d.orgs[u.Org], nil
}

// Client returns the machine client with the given ID.
func (d *Directory) Client(id string) (Client, Organisation, error) {
	c, ok := d.clients[id]
	if !ok {
		return Client{}, Organisation{}, ErrUnknown
	}
	return c, d.orgs[c.Org], nil
}

// Organisation returns the organisation with the given ID.
func (d *Directory) Organisation(id string) (Organisation, bool) {
	o, ok := d.orgs[id]
	return o, ok
}

// Usernames lists the users in the order the directory gave them.
func (d *Directory) Usernames() []string { return slices.Clone(d.order) }
