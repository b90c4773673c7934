package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/app"
	"github.com/tradefin/tradefin/services/customs/domain"
)

type documentView struct {
	ID        string              `json:"id"` // the SHA-256: a document is its content
	TradeID   string              `json:"tradeId"`
	Kind      domain.DocumentKind `json:"kind"`
	Issuer    string              `json:"issuer"`
	IssueDate string              `json:"issueDate"`
	SHA256    string              `json:"sha256"`
}

func viewDocument(d *domain.Document) documentView {
	return documentView{ID: d.SHA256, TradeID: d.TradeID, Kind: d.Kind, Issuer: d.Issuer, IssueDate: d.IssueDate, SHA256: d.SHA256}
}

func registerDocuments(mux *http.ServeMux, a app.Application) {
	// Register a document by its SHA-256, or by its content (base64 in JSON), which is hashed
	// here and not kept: the ledger and this service hold fingerprints, not documents.
	mux.HandleFunc("POST /v1/documents", allow(func(r *http.Request, actor string) (int, any, error) {
		var req struct {
			TradeID   string              `json:"tradeId"`
			Kind      domain.DocumentKind `json:"kind"`
			Issuer    string              `json:"issuer"`
			IssueDate string              `json:"issueDate"`
			SHA256    string              `json:"sha256"`
			Content   []byte              `json:"content"`
		}
		if err := decode(r, &req); err != nil {
			return 0, nil, err
		}
		if len(req.Content) > 0 {
			sum := sha256.Sum256(req.Content)
			if h := hex.EncodeToString(sum[:]); req.SHA256 != "" && req.SHA256 != h {
				return 0, nil, problem.InvalidFields(problem.InvalidParam{Name: "sha256", Reason: "does not match the content's SHA-256 " + h})
			} else {
				req.SHA256 = h
			}
		}
		d, isNew, err := a.Commands.RegisterDocument.Handle(r.Context(), domain.DocumentRegistered{SHA256: req.SHA256, TradeID: req.TradeID,
			Kind: req.Kind, Issuer: req.Issuer, IssueDate: req.IssueDate, By: actor})
		if err != nil {
			return 0, nil, err
		}
		return created(isNew), viewDocument(d), nil
	}, "exporter", "importer", "carrier"))
	// The documents registered for a trade, oldest first; with sha256, only the one with that
	// fingerprint (an empty list: not registered for this trade).
	mux.HandleFunc("GET /v1/documents", allow(func(r *http.Request, _ string) (int, any, error) {
		tradeID, sha := r.URL.Query().Get("tradeId"), r.URL.Query().Get("sha256")
		if tradeID == "" {
			return 0, nil, problem.InvalidFields(problem.InvalidParam{Name: "tradeId", Reason: "the query parameter tradeId is required"})
		}
		docs, err := a.Queries.DocumentsOfTrade(r.Context(), tradeID)
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
	// Verify a document: anyone holding it can check its fingerprint was registered, and for
	// which trade.
	mux.HandleFunc("GET /v1/documents/{sha256}", allow(func(r *http.Request, _ string) (int, any, error) {
		d, err := a.Queries.Document(r.Context(), r.PathValue("sha256"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, viewDocument(d), nil
	}))
}
