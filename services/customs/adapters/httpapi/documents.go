package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/app"
	"github.com/tradefin/tradefin/services/customs/domain"
)

func registerDocuments(mux *apispec.Mux, a app.Application) {
	// Register a document by its SHA-256, or by its content (base64 in JSON), which is hashed
	// here and not kept: the ledger and this service hold fingerprints, not documents.
	mux.HandleFunc("POST /v1/documents", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		var req documentRequest
		if err := decode(r, &req); err != nil {
			return 0, nil, err
		}
		if len(req.Content) > 0 {
			sum := sha256.Sum256(req.Content)
			h := hex.EncodeToString(sum[:])
			if req.SHA256 != "" && req.SHA256 != h {
				return 0, nil, problem.InvalidFields(problem.InvalidParam{Name: "sha256", Reason: "does not match the content's SHA-256 " + h})
			}
			req.SHA256 = h
		}
		d, isNew, err := a.Commands.RegisterDocument.Handle(r.Context(), actor, domain.DocumentRegistered{SHA256: req.SHA256, TradeID: req.TradeID,
			Kind: domain.DocumentKind(req.Kind), Issuer: req.Issuer, IssueDate: req.IssueDate})
		if err != nil {
			return 0, nil, err
		}
		return created(isNew), viewDocument(d), nil
	}))
	// The documents registered for a trade that the caller may see, oldest first; with sha256,
	// only the one with that fingerprint (an empty list: none it may see).
	mux.HandleFunc("GET /v1/documents", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		tradeID, sha := r.URL.Query().Get("tradeId"), r.URL.Query().Get("sha256")
		if tradeID == "" {
			return 0, nil, problem.InvalidFields(problem.InvalidParam{Name: "tradeId", Reason: "the query parameter tradeId is required"})
		}
		docs, err := a.Queries.DocumentsOfTrade(r.Context(), actor, tradeID)
		if err != nil {
			return 0, nil, err
		}
		views := []documentView{}
		for _, d := range docs {
			if sha == "" || d.SHA256 == sha {
				views = append(views, viewDocument(d))
			}
		}
		return http.StatusOK, map[string]any{"tradeId": tradeID, "documents": views}, nil
	}))
	// Verify a document: a party that may see it checks its fingerprint was registered, for which
	// trade and by whom.
	mux.HandleFunc("GET /v1/documents/{sha256}", authenticated(func(r *http.Request, actor identity.Actor) (int, any, error) {
		d, err := a.Queries.Document(r.Context(), actor, r.PathValue("sha256"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, viewDocument(d), nil
	}))
}
