package hydra

import (
	"context"
	"net/http"
	"net/url"
)

// OAuthClient is the part of a client Hydra shows in login and consent requests.
type OAuthClient struct {
	ClientID   string `json:"client_id"`
	ClientName string `json:"client_name,omitempty"`
}

// LoginRequest is a login Hydra delegates: who asks (the client), whether Hydra already knows the
// user (Skip, with Subject), and what is requested.
type LoginRequest struct {
	Challenge         string      `json:"challenge"`
	Skip              bool        `json:"skip"`
	Subject           string      `json:"subject"`
	Client            OAuthClient `json:"client"`
	RequestedScope    []string    `json:"requested_scope"`
	RequestedAudience []string    `json:"requested_access_token_audience"`
}

// ConsentRequest is a consent Hydra delegates once the user is known.
type ConsentRequest struct {
	Challenge         string      `json:"challenge"`
	Skip              bool        `json:"skip"`
	Subject           string      `json:"subject"`
	Client            OAuthClient `json:"client"`
	RequestedScope    []string    `json:"requested_scope"`
	RequestedAudience []string    `json:"requested_access_token_audience"`
}

// Redirect is where Hydra sends the browser next.
type Redirect struct {
	RedirectTo string `json:"redirect_to"`
}

// AcceptLogin is the body of a login accept.
type AcceptLogin struct {
	Subject     string `json:"subject"`
	Remember    bool   `json:"remember"`
	RememberFor int    `json:"remember_for"` // seconds; 0 with Remember is "until the browser session ends"
}

// Reject is the body of a login or consent reject (an OAuth 2.0 error the client receives).
type Reject struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
}

// Session holds the extra claims of the tokens: AccessToken lands under the access token's
// "ext" claim, IDToken at the ID token's top level.
type Session struct {
	AccessToken any `json:"access_token"`
	IDToken     any `json:"id_token"`
}

// AcceptConsent is the body of a consent accept.
type AcceptConsent struct {
	GrantScope    []string `json:"grant_scope"`
	GrantAudience []string `json:"grant_access_token_audience"`
	Session       Session  `json:"session"`
	Remember      bool     `json:"remember"`
	RememberFor   int      `json:"remember_for"`
}

const flowPath = "/admin/oauth2/auth/requests/"

// LoginRequest fetches the login request of challenge.
func (a *Admin) LoginRequest(ctx context.Context, challenge string) (LoginRequest, error) {
	var r LoginRequest
	err := a.do(ctx, http.MethodGet, flowPath+"login", url.Values{"login_challenge": {challenge}}, nil, &r)
	return r, err
}

// AcceptLogin tells Hydra the user signed in.
func (a *Admin) AcceptLogin(ctx context.Context, challenge string, body AcceptLogin) (string, error) {
	var r Redirect
	err := a.do(ctx, http.MethodPut, flowPath+"login/accept", url.Values{"login_challenge": {challenge}}, body, &r)
	return r.RedirectTo, err
}

// RejectLogin ends the login with an OAuth 2.0 error.
func (a *Admin) RejectLogin(ctx context.Context, challenge string, body Reject) (string, error) {
	var r Redirect
	err := a.do(ctx, http.MethodPut, flowPath+"login/reject", url.Values{"login_challenge": {challenge}}, body, &r)
	return r.RedirectTo, err
}

// ConsentRequest fetches the consent request of challenge.
func (a *Admin) ConsentRequest(ctx context.Context, challenge string) (ConsentRequest, error) {
	var r ConsentRequest
	err := a.do(ctx, http.MethodGet, flowPath+"consent", url.Values{"consent_challenge": {challenge}}, nil, &r)
	return r, err
}

// AcceptConsent grants the scopes and audience and sets the tokens' claims.
func (a *Admin) AcceptConsent(ctx context.Context, challenge string, body AcceptConsent) (string, error) {
	var r Redirect
	err := a.do(ctx, http.MethodPut, flowPath+"consent/accept", url.Values{"consent_challenge": {challenge}}, body, &r)
	return r.RedirectTo, err
}

// RejectConsent refuses the consent with an OAuth 2.0 error.
func (a *Admin) RejectConsent(ctx context.Context, challenge string, body Reject) (string, error) {
	var r Redirect
	err := a.do(ctx, http.MethodPut, flowPath+"consent/reject", url.Values{"consent_challenge": {challenge}}, body, &r)
	return r.RedirectTo, err
}
