package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
	"github.com/tradefin/tradefin/services/customs/domain"
)

var joao = identity.Stamp{Org: "5493002AZULEJOSLX028", User: "joao", Client: "portal"}

func register(t *testing.T, r *store.Repository, trade, content string, kind domain.DocumentKind) *domain.Document {
	t.Helper()
	h := sha256.Sum256([]byte(content))
	d, err := domain.RegisterDocument(domain.DocumentRegistered{SHA256: hex.EncodeToString(h[:]), TradeID: trade, Kind: kind,
		Issuer: "issuer", IssueDate: "2026-11-20", Registrant: domain.Party{Kind: identity.Trader, Org: "5493002AZULEJOSLX028"}, Actor: joao})
	if err != nil {
		t.Fatal(err)
	}
	stored, isNew, err := r.CreateDocument(context.Background(), d)
	if err != nil || !isNew {
		t.Fatalf("create: new %v, %v", isNew, err)
	}
	return stored
}

func isKind(err error, k domain.Kind) bool { return domain.KindOf(err) == k }

// TestRepository checks, on SQLite and PostgreSQL, that each stored event's integration message
// carries the event's ID (so a retried forward republishes the same ID), that creates are
// idempotent by key and conflict on other content, and that the documents-by-trade read model
// sees a write at once and is rebuilt from the store by a fresh repository.
func TestRepository(t *testing.T) {
	ctx := context.Background()
	for name, open := range testenv.EventStores() {
		t.Run(name, func(t *testing.T) {
			events := open(t)
			r := store.New(events)
			if docs, err := r.DocumentsOfTrade(ctx, "T-1"); err != nil || len(docs) != 0 {
				t.Fatalf("before any: %v %v", docs, err)
			}
			inv := register(t, r, "T-1", "invoice", domain.CommercialInvoice)
			register(t, r, "T-2", "other trade's invoice", domain.CommercialInvoice)
			pl := register(t, r, "T-1", "packing list", domain.PackingList)
			docs, err := r.DocumentsOfTrade(ctx, "T-1")
			if err != nil || len(docs) != 2 || docs[0].SHA256 != inv.SHA256 || docs[1].SHA256 != pl.SHA256 {
				t.Fatalf("documents of T-1: %v %v", docs, err)
			}
			if docs, err = store.New(events).DocumentsOfTrade(ctx, "T-1"); err != nil || len(docs) != 2 || docs[1].Kind != domain.PackingList ||
				docs[1].Registrant.Org != joao.Org || docs[1].Actor != joao {
				t.Fatalf("rebuilt: %v %v", docs, err)
			}

			stored, err := events.ReadStream(ctx, "document-"+inv.SHA256, 1)
			if err != nil || len(stored) != 1 {
				t.Fatalf("stream: %v %v", stored, err)
			}
			pending, err := events.PendingOutbox(ctx, 10)
			if err != nil || len(pending) != 3 {
				t.Fatalf("outbox: %d %v", len(pending), err)
			}
			if m := pending[0]; m.ID != stored[0].ID || m.Key != "T-1" || m.Topic != "tradefin.customs.v1" || m.Headers["ce_id"] != m.ID {
				t.Errorf("outbox message %+v for event %s", m.OutboxMessage, stored[0].ID)
			}
			// The integration event says who registered the document.
			msg := message.NewMessage(pending[0].ID, pending[0].Payload)
			msg.Metadata = pending[0].Headers
			if env, err := eventbus.Decode(msg); err != nil || env.Data.(*contracts.DocumentRegistered).Actor != joao {
				t.Errorf("integration event: %+v %v", env.Data, err)
			}

			bl := domain.BillOfLadingIssued{ID: "S-1", TradeID: "T-1", BLNumber: "B1", OnBoardDate: "2026-11-21", Vessel: "V", Voyage: "1",
				PortOfLoading: "PTLIS", PortOfDischarge: "SEGOT", Carrier: "MAEU"}
			// Created, then found again (a retry), then other content under the same ID.
			for i := range 3 {
				conflict := i == 2
				if conflict {
					bl.Vessel = "OTHER"
				}
				s, err := domain.IssueBillOfLading(bl)
				if err != nil {
					t.Fatal(err)
				}
				_, isNew, err := r.CreateShipment(ctx, s)
				switch {
				case !conflict && (err != nil || isNew != (i == 0)):
					t.Errorf("create %d: new %v, %v", i, isNew, err)
				case conflict && !isKind(err, domain.KindConflict):
					t.Errorf("other content under S-1: %v", err)
				}
			}
			// The trade file holds the B/L (once, though created, retried and conflicted), and a
			// fresh repository rebuilds it.
			for _, repo := range []*store.Repository{r, store.New(events)} {
				f, err := repo.TradeFile(ctx, "T-1")
				if err != nil || len(f.Documents) != 2 || len(f.Shipments) != 1 || f.Shipments[0].Carrier != "MAEU" || len(f.Declarations) != 0 {
					t.Errorf("trade file: %+v %v", f, err)
				}
			}
			if _, err := r.Shipment(ctx, "S-2"); !isKind(err, domain.KindNotFound) {
				t.Errorf("unknown shipment: %v", err)
			}
			if _, err := r.UpdateDeclaration(ctx, "D-2", func(*domain.Declaration) error { return nil }); !isKind(err, domain.KindNotFound) {
				t.Errorf("unknown declaration: %v", err)
			}
		})
	}
}
