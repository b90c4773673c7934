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
	return registeredDocumentRecord{SHA256: v.SHA256, Kind: v.Kind}
}

func fromRegisteredDocumentRecord(r registeredDocumentRecord) domain.RegisteredDocument {
	return domain.RegisteredDocument{SHA256: r.SHA256, Kind: r.Kind}
}
