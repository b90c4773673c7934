package http

import (
	"net/http"
	"slices"

	"github.com/tradefin/tradefin/services/signin/adapters/hydra"
)

// grantable are the scopes a first-party client gets when it asks: OpenID Connect sign-in and a
// refresh token. tradefin authorises by party and role (the claims), not by scope.
var grantable = []string{"openid", "offline", "offline_access"}

// consent is where Hydra sends the browser after login. tradefin's own clients get the user's
// consent without a page (the user signs in to tradefin itself); any other client is refused:
// tradefin registers no third-party applications.
func (s *Server) consent(w http.ResponseWriter, r *http.Request) {
	challenge := r.URL.Query().Get("consent_challenge")
	if challenge == "" || len(challenge) > maxChallenge {
		s.render(w, http.StatusBadRequest, loginView{Error: "this page is reached from a tradefin application's sign-in link"})
		return
	}
	cr, err := s.hydra.ConsentRequest(r.Context(), challenge)
	if hydra.IsNotFound(err) || hydra.IsGone(err) {
		s.render(w, http.StatusBadRequest, loginView{Error: "this sign-in has expired or was already used: start again from the application"})
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	if !slices.Contains(s.cfg.FirstParty, cr.Client.ClientID) {
		s.cfg.Log.Warn("consent refused: not a first-party client", "client", cr.Client.ClientID, "subject", cr.Subject)
		s.redirect(s.hydra.RejectConsent(r.Context(), challenge, hydra.Reject{
			Error: "access_denied", ErrorDescription: "only tradefin's own applications may sign users in"}))(w, r)
		return
	}
	access, id, err := s.app.UserClaims(cr.Subject)
	if err != nil {
		s.redirect(s.hydra.RejectConsent(r.Context(), challenge, hydra.Reject{
			Error: "access_denied", ErrorDescription: "the user is not in the directory"}))(w, r)
		return
	}
	var scopes []string
	for _, sc := range cr.RequestedScope {
		if slices.Contains(grantable, sc) && !slices.Contains(scopes, sc) {
			scopes = append(scopes, sc)
		}
	}
	// Not remembered: every sign-in takes the directory's current organisation and roles.
	s.redirect(s.hydra.AcceptConsent(r.Context(), challenge, hydra.AcceptConsent{
		GrantScope:    scopes,
		GrantAudience: []string{s.cfg.Audience},
		Session:       hydra.Session{AccessToken: access, IDToken: id},
	}))(w, r)
}
