// Package identity is who is acting: the authenticated Actor (an organisation of the network's
// directory, the user or machine client inside it, and its roles there), taken only from a
// verified OAuth 2.0 access token (JWT) and never from a header a caller sets.
//
// A service mounts its API behind Middleware; handlers read the actor with FromContext and hand
// it to the service's one authorisation function, which decides from the actor and the resource's
// parties. Claims are those the project's sign-in app puts in tokens issued by Ory Hydra (under
// "ext"); another OIDC provider plugs in by issuer URL and a claim mapping (ClaimMapping).
package identity
