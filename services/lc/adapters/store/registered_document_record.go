package store

import (
	"github.com/tradefin/tradefin/services/lc/domain"
)

// registeredDocumentRecord is domain.RegisteredDocument as stored.
type registeredDocumentRecord struct {
	SHA256 string              `json:"sha256"`
	Kind   domain.DocumentKind `json:"kind"`
}

func toRegisteredDocumentRecord(v domain.RegisteredDocument) registeredDocumentRecord {
	return registeredDocumentRecord(v)
}

func fromRegisteredDocumentRecord(r registeredDocumentRecord) domain.RegisteredDocument {
	return domain.RegisteredDocument(r)
}
