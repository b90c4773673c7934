package domain

import (
	"encoding/hex"
	"time"

	"github.com/tradefin/tradefin/events/identity"
)

// DocumentKind is the kind of a trade document.
type DocumentKind string

const (
	CommercialInvoice   DocumentKind = "commercial_invoice"
	PackingList         DocumentKind = "packing_list"
	CertificateOfOrigin DocumentKind = "certificate_of_origin"
	BillOfLading        DocumentKind = "bill_of_lading"
	InsuranceDocument   DocumentKind = "insurance_document"
)

var documentKinds = map[DocumentKind]bool{CommercialInvoice: true, PackingList: true, CertificateOfOrigin: true, BillOfLading: true, InsuranceDocument: true}

// DocumentRegistered: a document's fingerprint was registered for a trade. A document is
// identified by its SHA-256: it cannot change once registered; a corrected document is another
// document with another hash.
type DocumentRegistered struct {
	SHA256     string
	TradeID    string
	Kind       DocumentKind
	Issuer     string
	IssueDate  string         // YYYY-MM-DD
	Registrant Party          // the organisation that registered it
	Actor      identity.Stamp // who registered it
}

func (DocumentRegistered) EventName() string { return "customs.DocumentRegistered" }

// Document is a registered trade document.
type Document struct {
	changes
	DocumentRegistered
}

// RegisterDocument validates and registers a document.
func RegisterDocument(d DocumentRegistered) (*Document, error) {
	if b, err := hex.DecodeString(d.SHA256); err != nil || len(b) != 32 {
		return nil, invalid("sha256", "want 64 hex digits")
	}
	if err := validTradeID(d.TradeID); err != nil {
		return nil, err
	}
	if !documentKinds[d.Kind] {
		return nil, invalid("kind", "%q: want commercial_invoice, packing_list, certificate_of_origin, bill_of_lading or insurance_document", d.Kind)
	}
	if err := validText("issuer", d.Issuer, maxName, false); err != nil {
		return nil, err
	}
	if d.Registrant.Org == "" || d.Registrant.Kind == "" {
		return nil, invalid("registrant", "the registering organisation is required")
	}
	if _, err := time.Parse(time.DateOnly, d.IssueDate); err != nil {
		return nil, invalid("issueDate", "want YYYY-MM-DD")
	}
	doc := &Document{}
	doc.record(d)
	return doc, nil
}

// Same reports whether a registration repeats this one (a retry), so it is not a conflict: the
// same content registered by the same organisation, whichever of its users or clients sends it.
func (d *Document) Same(r DocumentRegistered) bool {
	r.Actor = d.Actor
	return d.DocumentRegistered == r
}

func (d *Document) record(e Event) {
	d.Apply(e)
	d.pending = append(d.pending, e)
}

// Apply changes state for an event; loading replays stored events through it.
func (d *Document) Apply(e Event) {
	if r, ok := e.(DocumentRegistered); ok {
		d.DocumentRegistered = r
	}
}
