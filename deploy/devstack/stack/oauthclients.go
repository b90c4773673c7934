package stack

import (
	"context"
	"fmt"
	"time"
)

// Redirect URI of tradectl: a native app's loopback redirect (RFC 8252 §7.3).
const TradectlRedirectURI = "http://127.0.0.1/callback"

// oauthClients are the clients the profile registers in Hydra: tradefin's own apps that sign
// people in (authorization code with PKCE, public: they hold no secret), and the directory's
// machine clients (client credentials, with their dev secrets). Test-only clients exist only in
// the test profile.
func oauthClients(p Profile) ([]oauthClient, error) {
	signInApp := func(id, name, redirect string) oauthClient {
		return oauthClient{
			ClientID: id, ClientName: name,
			GrantTypes:    []string{"authorization_code", "refresh_token"},
			ResponseTypes: []string{"code"},
			RedirectURIs:  []string{redirect},
			Scope:         "openid offline offline_access",
			Audience:      []string{OIDCAudience},
			// Public client: PKCE (enforced for public clients in hydra.yml) stands in for a secret.
			TokenEndpointAuthMethod: "none",
		}
	}
	clients := []oauthClient{
		signInApp("tradectl", "tradectl", TradectlRedirectURI),
		signInApp("tradefin-portal", "tradefin portal", "http://"+p.Addr(offPortal)+"/callback"),
	}
	seed, err := readDevDirectory(p)
	if err != nil {
		return nil, err
	}
	for _, c := range seed.Clients {
		if c.TestOnly && p.Name != "test" {
			continue
		}
		aud := c.Audience
		if len(aud) == 0 {
			aud = []string{OIDCAudience}
		}
		hc := oauthClient{
			ClientID: c.ID, ClientName: c.ID, ClientSecret: c.DevSecret,
			GrantTypes: []string{"client_credentials"}, Audience: aud,
			TokenEndpointAuthMethod: "client_secret_basic",
		}
		hc.lifespan = c.AccessTokenLifespan
		clients = append(clients, hc)
	}
	return clients, nil
}

func registerClients(ctx context.Context, p Profile, h Hydra) error {
	clients, err := oauthClients(p)
	if err != nil {
		return err
	}
	rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for _, c := range clients {
		if err := ensureClient(rctx, h.AdminURL(), c); err != nil {
			return fmt.Errorf("register OAuth client %s: %w", c.ClientID, err)
		}
	}
	return nil
}
