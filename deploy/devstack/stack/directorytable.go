package stack

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// PrintSignIn writes, for a stack with the sign-in app, where people sign in and the dev
// directory's users (with their dev passwords) and machine clients.
func (s *Stack) PrintSignIn(w io.Writer) error {
	var si *SignIn
	for _, c := range s.Components {
		if c, ok := c.(SignIn); ok {
			si = &c
		}
	}
	if si == nil {
		return nil
	}
	seed, err := readDevDirectory(s.Profile)
	if err != nil {
		return err
	}
	type org struct{ ID, Kind, Name, Note string }
	orgs := map[string]org{}
	for _, o := range seed.Organisations {
		orgs[o.ID] = org(o)
	}
	fmt.Fprintf(w, "\nsign in: %s/oauth2/auth (login page %s/login; issuer %s, audience %s)\n",
		si.hydra.Issuer(), si.URL(), si.hydra.Issuer(), OIDCAudience)
	if s.Profile.Name != "test" {
		fmt.Fprintf(w, "portal: %s (sign in as any dev user below)\n", s.portal["TRADEFIN_PORTAL_URL"])
	}
	fmt.Fprintln(w, "dev users (tradectl and the portal sign in with these):")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  username\torganisation\tkind\troles\tpassword")
	for _, u := range seed.Users {
		o := orgs[u.Org]
		fmt.Fprintf(tw, "  %s\t%s %s (%s)\t%s\t%s\t%s\n", u.Username, o.ID, o.Name, o.Note, o.Kind, strings.Join(u.Roles, ","), u.DevPassword)
	}
	_ = tw.Flush()
	fmt.Fprintln(w, "machine clients (client credentials, audience tradefin):")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  client\torganisation\troles\tsecret")
	for _, c := range seed.Clients {
		if c.TestOnly {
			continue
		}
		o := orgs[c.Org]
		fmt.Fprintf(tw, "  %s\t%s %s\t%s\t%s\n", c.ID, o.ID, o.Name, strings.Join(c.Roles, ","), c.DevSecret)
	}
	return tw.Flush()
}
