// Package bearer authenticates HTTP requests by OAuth 2.0 bearer access tokens (RFC 6750): JWTs
// checked against the issuer's keys found by OIDC discovery, mapped to an identity.Actor.
package bearer
