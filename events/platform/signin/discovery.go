package signin

import (
	"context"
	"fmt"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// endpoint finds the issuer's authorize and token endpoints by OIDC discovery; go-oidc checks
// that the document names the same issuer.
func endpoint(ctx context.Context, hc *http.Client, issuer string) (oauth2.Endpoint, error) {
	p, err := oidc.NewProvider(oidc.ClientContext(ctx, hc), issuer)
	if err != nil {
		return oauth2.Endpoint{}, fmt.Errorf("signin: discovery of %s: %w", issuer, err)
	}
	return p.Endpoint(), nil
}
