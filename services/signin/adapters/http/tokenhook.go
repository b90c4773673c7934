package http

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"slices"

	"github.com/tradefin/tradefin/services/signin/domain"
)

// hookRequest is the part of Hydra's token-hook body the app reads (Hydra v2 sends it for every
// grant type at the token endpoint).
type hookRequest struct {
	Request struct {
		ClientID   string   `json:"client_id"`
		GrantTypes []string `json:"grant_types"`
	} `json:"request"`
}

type hookResponse struct {
	Session struct {
		AccessToken any            `json:"access_token"`
		IDToken     map[string]any `json:"id_token"`
	} `json:"session"`
}

const maxHookBytes = 1 << 20

// tokenHook gives a client-credentials token its client's organisation and roles (Hydra puts
// session.access_token under the JWT's "ext" claim, as it does for a user's consent session).
// A client that is not in the directory gets 403, which Hydra turns into access_denied: a client
// registered in Hydra but belonging to no party obtains no token. Other grants (authorization
// code, refresh) already carry the consent's claims: 204 leaves them as they are.
func (s *Server) tokenHook(w http.ResponseWriter, r *http.Request) {
	if s.cfg.HookKey != "" && subtle.ConstantTimeCompare([]byte(r.Header.Get(HookKeyHeader)), []byte(s.cfg.HookKey)) != 1 {
		http.Error(w, "token hook: wrong key", http.StatusUnauthorized)
		return
	}
	var req hookRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxHookBytes)).Decode(&req); err != nil {
		http.Error(w, "token hook: body is not Hydra's token-hook request", http.StatusBadRequest)
		return
	}
	if !slices.Contains(req.Request.GrantTypes, "client_credentials") {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	claims, err := s.app.ClientClaims(req.Request.ClientID)
	if errors.Is(err, domain.ErrUnknown) {
		s.cfg.Log.Warn("token refused: client acts for no party", "client", req.Request.ClientID)
		http.Error(w, "client is not in the directory", http.StatusForbidden)
		return
	}
	if err != nil {
		http.Error(w, "token hook failed", http.StatusInternalServerError)
		return
	}
	var resp hookResponse
	resp.Session.AccessToken = claims
	resp.Session.IDToken = map[string]any{}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}
