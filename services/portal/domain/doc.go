// Package domain is the portal's own logic, pure: which of a trade's next steps the signed-in
// user is offered, and how a trade's progress reads. It only decides what to show; every step is
// still decided by the service that owns it (its access function), with the user's token.
package domain
