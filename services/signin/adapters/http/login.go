package http

import (
	"errors"
	"net/http"

	"github.com/tradefin/tradefin/services/signin/adapters/hydra"
	"github.com/tradefin/tradefin/services/signin/domain"
)

type loginView struct {
	Challenge, Client, Username, Error string
}

// Bounds on what the form accepts.
const (
	maxChallenge = 8 << 10 // Hydra v2 challenges carry the encrypted flow state: ~1.5 KB
	maxUsername  = 64
	maxFormBytes = 16 << 10
)

// WrongCredentials is the message of a failed sign-in; it does not say which of the two was wrong.
const WrongCredentials = "wrong username or password"

// showLogin is where Hydra sends the browser with a login challenge.
func (s *Server) showLogin(w http.ResponseWriter, r *http.Request) {
	challenge := r.URL.Query().Get("login_challenge")
	lr, ok := s.loginRequest(w, r, challenge)
	if !ok {
		return
	}
	if lr.Skip {
		// Hydra remembers this browser's sign-in; the user must still be in the directory.
		if _, _, err := s.app.UserClaims(lr.Subject); err == nil {
			s.acceptLogin(w, r, challenge, lr.Subject)
			return
		}
		s.redirect(s.hydra.RejectLogin(r.Context(), challenge, hydra.Reject{Error: "access_denied", ErrorDescription: "the user is no longer in the directory"}))(w, r)
		return
	}
	s.render(w, http.StatusOK, loginView{Challenge: challenge, Client: clientName(lr.Client)})
}

// submitLogin checks the password; a wrong one shows the form again, with no code issued.
func (s *Server) submitLogin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		s.render(w, http.StatusBadRequest, loginView{Error: "the form could not be read"})
		return
	}
	challenge := r.PostForm.Get("login_challenge")
	lr, ok := s.loginRequest(w, r, challenge)
	if !ok {
		return
	}
	username, password := r.PostForm.Get("username"), r.PostForm.Get("password")
	view := loginView{Challenge: challenge, Client: clientName(lr.Client), Error: WrongCredentials}
	if len(username) <= maxUsername {
		view.Username = username
	}
	if len(username) > maxUsername || len(password) > domain.MaxPassword {
		s.render(w, http.StatusOK, view)
		return
	}
	u, err := s.app.SignIn(username, password)
	if errors.Is(err, domain.ErrWrongCredentials) {
		s.cfg.Log.Info("sign-in refused", "username", view.Username, "client", lr.Client.ClientID)
		s.render(w, http.StatusOK, view)
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	s.cfg.Log.Info("signed in", "username", u.Username, "organisation", u.Org, "client", lr.Client.ClientID)
	s.acceptLogin(w, r, challenge, u.Username)
}

func (s *Server) acceptLogin(w http.ResponseWriter, r *http.Request, challenge, subject string) {
	s.redirect(s.hydra.AcceptLogin(r.Context(), challenge, hydra.AcceptLogin{
		Subject: subject, Remember: s.cfg.RememberLogin > 0, RememberFor: int(s.cfg.RememberLogin.Seconds()),
	}))(w, r)
}

// loginRequest fetches the challenge's request; an unknown or used one ends in a page saying so.
func (s *Server) loginRequest(w http.ResponseWriter, r *http.Request, challenge string) (hydra.LoginRequest, bool) {
	if challenge == "" || len(challenge) > maxChallenge {
		s.render(w, http.StatusBadRequest, loginView{Error: "this page is reached from a tradefin application's sign-in link"})
		return hydra.LoginRequest{}, false
	}
	lr, err := s.hydra.LoginRequest(r.Context(), challenge)
	if hydra.IsNotFound(err) || hydra.IsGone(err) {
		s.render(w, http.StatusBadRequest, loginView{Error: "this sign-in has expired or was already used: start again from the application"})
		return hydra.LoginRequest{}, false
	}
	if err != nil {
		s.fail(w, err)
		return hydra.LoginRequest{}, false
	}
	return lr, true
}

func clientName(c hydra.OAuthClient) string {
	if c.ClientName != "" {
		return c.ClientName
	}
	return c.ClientID
}

func (s *Server) render(w http.ResponseWriter, status int, v loginView) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := loginPage.Execute(w, v); err != nil {
		s.cfg.Log.Error("login page", "err", err)
	}
}

// redirect sends the browser where Hydra said, or fails.
func (s *Server) redirect(to string, err error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err != nil {
			s.fail(w, err)
			return
		}
		http.Redirect(w, r, to, http.StatusFound)
	}
}

func (s *Server) fail(w http.ResponseWriter, err error) {
	s.cfg.Log.Error("sign-in", "err", err)
	s.render(w, http.StatusBadGateway, loginView{Error: "the identity provider could not be reached: try again"})
}
