// Package signin obtains OAuth 2.0 access tokens from tradefin's identity provider the way its
// clients do: a person signs in with the authorization-code flow with PKCE (RFC 7636), walked
// exactly as a browser walks it — Hydra's authorize endpoint, the sign-in app's login form,
// consent, the redirect with the code — and a machine with client credentials. Tokens caches
// tokens and renews them before they expire. tradectl and the tests use it.
package signin
