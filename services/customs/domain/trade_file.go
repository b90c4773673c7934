package domain

import (
	"fmt"
	"slices"

	"github.com/tradefin/tradefin/events/identity"
)

// TradeFile is what customs holds of one trade: the credit application that opened it, its
// documents, declarations and bills of lading, in the order they were recorded. The application
// reads it to find whether a creation may join the trade (its parties), who else may see a
// resource through the trade (need to know) and who the trade's shipper and consignee are.
type TradeFile struct {
	Trade        *TradeOpened // nil: customs does not know the trade (yet)
	Documents    []*Document
	Declarations []DeclarationLodged
	Shipments    []BillOfLadingIssued
}

// Parties of a declaration: its declarant and customs office.
func (d *Declaration) Parties() Parties {
	return Parties{Direction: d.Direction, Declarant: d.Declarant, CustomsOffice: d.CustomsOffice}
}

// Parties of a shipment: the carrier that issued its bill of lading, its shipper and consignee.
func (s *Shipment) Parties() Parties {
	return Parties{Carrier: s.Carrier, Shipper: s.Shipper, Consignee: s.Consignee}
}

// Parties of a document: the organisation that registered it.
func (d *Document) Parties() Parties { return Parties{Registrant: d.Registrant} }

// RoomForDocument: a trade holds at most MaxTradeDocuments documents; registering one it holds
// (a retry) always has room.
func (t TradeFile) RoomForDocument(sha256 string) error {
	if len(t.Documents) < MaxTradeDocuments || slices.ContainsFunc(t.Documents, func(d *Document) bool { return d.SHA256 == sha256 }) {
		return nil
	}
	return fmt.Errorf("%w: a trade holds at most %d documents", ErrRefused, MaxTradeDocuments)
}

// Registration are the parties of a document about to be registered: its kind and its trade.
func (t TradeFile) Registration(kind DocumentKind) Parties {
	return Parties{Kind: kind, Trade: t.Trade}
}

// Lodgement are the parties of a declaration about to be lodged, with its trade.
func (t TradeFile) Lodgement(l DeclarationLodged) Parties {
	return Parties{Direction: l.Direction, Declarant: l.Declarant, CustomsOffice: l.CustomsOffice, Trade: t.Trade}
}

// Issuance are the parties of a bill of lading about to be issued, with its trade.
func (t TradeFile) Issuance(b BillOfLadingIssued) Parties {
	return Parties{Carrier: b.Carrier, Shipper: b.Shipper, Consignee: b.Consignee, Trade: t.Trade}
}

// Shipment are a shipment's parties: its carrier, shipper and consignee, its trade, and the
// customs offices of its trade's declarations (they clear and release the goods it carries).
func (t TradeFile) Shipment(s *Shipment) Parties {
	p := s.Parties()
	p.Trade = t.Trade
	for _, d := range t.Declarations {
		p.Related = appendParty(p.Related, Party{identity.Customs, d.CustomsOffice})
	}
	return p
}

// Document are a document's parties: who registered it, its kind and trade, the parties of the
// trade's declarations and shipments that rely on it, and the trade's shipper and consignee (for
// relying on it).
func (t TradeFile) Document(d *Document) Parties {
	p := d.Parties()
	p.Trade, p.Kind = t.Trade, d.Kind
	for _, l := range t.Declarations {
		if slices.Contains(l.Documents, d.SHA256) {
			p.Related = appendParty(p.Related, Party{identity.Trader, l.Declarant})
			p.Related = appendParty(p.Related, Party{identity.Customs, l.CustomsOffice})
		}
	}
	for _, b := range t.Shipments {
		if b.DocumentSHA256 == d.SHA256 {
			for _, x := range []Party{{identity.Carrier, b.Carrier}, {identity.Trader, b.Shipper}, {identity.Trader, b.Consignee}} {
				p.Related = appendParty(p.Related, x)
			}
		}
	}
	p.TradeShippers, p.TradeConsignees = t.shippersAndConsignees()
	return p
}

func (t TradeFile) shippersAndConsignees() (shippers, consignees []string) {
	for _, b := range t.Shipments {
		if b.Shipper != "" && !slices.Contains(shippers, b.Shipper) {
			shippers = append(shippers, b.Shipper)
		}
		if b.Consignee != "" && !slices.Contains(consignees, b.Consignee) {
			consignees = append(consignees, b.Consignee)
		}
	}
	return shippers, consignees
}

func appendParty(ps []Party, p Party) []Party {
	if p.Org == "" || slices.Contains(ps, p) {
		return ps
	}
	return append(ps, p)
}
