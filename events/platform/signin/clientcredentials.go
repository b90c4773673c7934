package signin

import (
	"context"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// ClientCredentials obtains a machine client's access token for audience (RFC 6749 §4.4), the
// client authenticating with its secret in the Authorization header.
func ClientCredentials(ctx context.Context, issuer, clientID, secret, audience string) (*oauth2.Token, error) {
	hc := http.DefaultClient
	ep, err := endpoint(ctx, hc, issuer)
	if err != nil {
		return nil, err
	}
	cfg := clientcredentials.Config{
		ClientID: clientID, ClientSecret: secret, TokenURL: ep.TokenURL,
		EndpointParams: url.Values{"audience": {audience}},
		AuthStyle:      oauth2.AuthStyleInHeader,
	}
	return cfg.Token(context.WithValue(ctx, oauth2.HTTPClient, hc))
}
