package hydra

import (
	"context"
	"net/http"
	"net/url"
)

// Client is an OAuth 2.0 client as registered in Hydra (the fields tradefin sets).
type Client struct {
	ClientID                string   `json:"client_id"`
	ClientName              string   `json:"client_name,omitempty"`
	ClientSecret            string   `json:"client_secret,omitempty"`
	GrantTypes              []string `json:"grant_types"`
	ResponseTypes           []string `json:"response_types,omitempty"`
	RedirectURIs            []string `json:"redirect_uris,omitempty"`
	Scope                   string   `json:"scope,omitempty"`
	Audience                []string `json:"audience"`
	TokenEndpointAuthMethod string   `json:"token_endpoint_auth_method,omitempty"` // "none" for a public client (PKCE)
	// ClientCredentialsAccessTokenLifespan overrides Hydra's access-token lifespan for this
	// client's client-credentials tokens (a Go duration string, e.g. "1s"); empty keeps the default.
	ClientCredentialsAccessTokenLifespan string `json:"client_credentials_grant_access_token_lifespan,omitempty"`
}

// EnsureClient registers c, or replaces the registration of the same client ID, so running it
// again converges on the same state (secret included).
func (a *Admin) EnsureClient(ctx context.Context, c Client) error {
	err := a.do(ctx, http.MethodPut, "/admin/clients/"+url.PathEscape(c.ClientID), nil, c, nil)
	if IsNotFound(err) {
		err = a.do(ctx, http.MethodPost, "/admin/clients", nil, c, nil)
	}
	if err != nil {
		return err
	}
	if c.ClientCredentialsAccessTokenLifespan != "" {
		// Hydra keeps per-client lifespans apart from the rest of the client.
		body := map[string]string{"client_credentials_grant_access_token_lifespan": c.ClientCredentialsAccessTokenLifespan}
		return a.do(ctx, http.MethodPut, "/admin/clients/"+url.PathEscape(c.ClientID)+"/lifespans", nil, body, nil)
	}
	return nil
}

// GetClient returns the registration of id.
func (a *Admin) GetClient(ctx context.Context, id string) (Client, error) {
	var c Client
	err := a.do(ctx, http.MethodGet, "/admin/clients/"+url.PathEscape(id), nil, nil, &c)
	return c, err
}
