package stack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// oauthClient is an OAuth 2.0 client as Hydra's admin API registers it (the fields tradefin sets).
type oauthClient struct {
	ClientID                string   `json:"client_id"`
	ClientName              string   `json:"client_name,omitempty"`
	ClientSecret            string   `json:"client_secret,omitempty"`
	GrantTypes              []string `json:"grant_types"`
	ResponseTypes           []string `json:"response_types,omitempty"`
	RedirectURIs            []string `json:"redirect_uris,omitempty"`
	Scope                   string   `json:"scope,omitempty"`
	Audience                []string `json:"audience"`
	TokenEndpointAuthMethod string   `json:"token_endpoint_auth_method,omitempty"` // "none": a public client (PKCE)
	// lifespan of the client's client-credentials access tokens (Go duration); Hydra keeps it
	// apart from the client and sets it by PUT /admin/clients/{id}/lifespans.
	lifespan string
}

// ensureClient registers c, or replaces the registration of the same ID (secret included), so
// running it again converges on the same state.
func ensureClient(ctx context.Context, admin string, c oauthClient) error {
	path := "/admin/clients/" + url.PathEscape(c.ClientID)
	status, err := adminCall(ctx, http.MethodPut, admin+path, c)
	if err == nil && status == http.StatusNotFound {
		status, err = adminCall(ctx, http.MethodPost, admin+"/admin/clients", c)
	}
	if err == nil && status/100 == 2 && c.lifespan != "" {
		status, err = adminCall(ctx, http.MethodPut, admin+path+"/lifespans",
			map[string]string{"client_credentials_grant_access_token_lifespan": c.lifespan})
	}
	if err != nil {
		return err
	}
	if status/100 != 2 {
		return fmt.Errorf("hydra admin API answered %d", status)
	}
	return nil
}

func adminCall(ctx context.Context, method, u string, body any) (int, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode/100 != 2 && resp.StatusCode != http.StatusNotFound {
		return resp.StatusCode, fmt.Errorf("%s %s: HTTP %d: %s", method, u, resp.StatusCode, strings.TrimSpace(string(msg)))
	}
	return resp.StatusCode, nil
}
