//go:build !unit

package service_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/service"
)

// start runs the service as the end-to-end test does (in-process, SQLite, the real broker),
// reading lc.applied.v1 with a consumer group of its own: its event store is its own, so it
// must see every application, whatever other tests' instances read.
// A creation on a trade it does not know waits up to tradeWait for it.
func start(t *testing.T, ctx context.Context, brokers []string, tradeWait time.Duration) *service.Service {
	t.Helper()
	svc, err := service.NewWith(ctx, service.Config{DataDir: t.TempDir(), KafkaBrokers: brokers, KafkaSASL: testenv.KafkaSASL(t)},
		service.Options{ConsumerGroup: fmt.Sprintf("customs.test-%d", time.Now().UnixNano()), TradeWait: tradeWait})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() }) // after the background work stops (cleanups run last first)
	testenv.Background(t, svc.Run)
	return svc
}

// applied is the credit application of trade between applicant and beneficiary (their LEI or
// EORI), as the LC service publishes it.
func applied(trade, applicant, beneficiary string) contracts.LCApplied {
	return contracts.LCApplied{TradeID: trade, Actor: identity.Stamp{Org: applicant, User: "buyer", Client: "erp"}, LCID: "LC-" + trade,
		Applicant: "the importer", Beneficiary: "the exporter", ApplicantOrg: applicant, BeneficiaryOrg: beneficiary, IssuingBank: "DEUTDEFF",
		AdvisingBank: "BRASBRRJ", Amount: money.New(4_500_000, money.MustCurrency("USD")), ExpiryDate: "2027-01-15", ExpiryPlace: "Santos"}
}

// publish puts an integration event about subject on Kafka, as its producer's outbox does.
func publish(t *testing.T, ctx context.Context, brokers []string, eventID, subject string, ev any) {
	t.Helper()
	msg, topic, err := eventbus.Encode(ctx, "/tradefin/lc", subject, eventID, ev)
	if err != nil {
		t.Fatal(err)
	}
	publishMessage(t, brokers, topic, msg)
}

// forge puts on Kafka what no producer of tradefin's sends (eventbus.Encode refuses it): an
// lc.applied.v1 about subject whose payload is ev, whatever its bounds.
func forge(t *testing.T, ctx context.Context, brokers []string, eventID, subject string, ev contracts.LCApplied) {
	t.Helper()
	msg, topic, err := eventbus.Encode(ctx, "/tradefin/lc", "T-0", eventID, applied("T-0", ev.ApplicantOrg, ev.BeneficiaryOrg))
	if err != nil {
		t.Fatal(err)
	}
	if msg.Payload, err = json.Marshal(ev); err != nil {
		t.Fatal(err)
	}
	msg.Metadata.Set(eventbus.HeaderSubject, subject)
	msg.Metadata.Set(kafkapubsub.PartitionKeyMetadata, subject)
	publishMessage(t, brokers, topic, msg)
}

func publishMessage(t *testing.T, brokers []string, topic string, msg *message.Message) {
	t.Helper()
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: testenv.KafkaSASL(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	if err := pub.Publish(topic, msg); err != nil {
		t.Fatal(err)
	}
}

// created POSTs body until the service creates it (201): the first call of a test may come
// before the service's consumer has joined its group and read up to the trade's application.
func created(t *testing.T, ctx context.Context, svc *service.Service, as identity.Actor, path string, body any) map[string]any {
	t.Helper()
	for {
		code, out := call(ctx, svc, as, path, body)
		if code == 201 {
			return out
		}
		if code != 404 || ctx.Err() != nil {
			t.Fatalf("POST %s as %s: %d %v", path, as.Subject, code, out)
		}
	}
}

// call POSTs body to the service's API as the bearer middleware would let as through.
func call(ctx context.Context, svc *service.Service, as identity.Actor, path string, body any) (int, map[string]any) {
	b, _ := json.Marshal(body)
	req := httptest.NewRequestWithContext(identity.WithActor(ctx, as), "POST", path, bytes.NewReader(b))
	rec := httptest.NewRecorder()
	svc.HTTP.ServeHTTP(rec, req)
	var out map[string]any
	_ = json.NewDecoder(rec.Body).Decode(&out)
	return rec.Code, out
}

// TestOutboxReachesKafka runs the service as the end-to-end test does (in-process, SQLite, the
// real Kafka-protocol broker): an export through the HTTP API comes out on tradefin.customs.v1
// as decodable integration events, in order, keyed by the trade, each with its stored event's ID.
func TestOutboxReachesKafka(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	brokers := testenv.KafkaBrokers(t)
	svc := start(t, ctx, brokers, 30*time.Second) // the group's first read goes through the topic's history

	trade := fmt.Sprintf("T-KAFKA-%d", time.Now().UnixNano())
	// The exporter (an EORI-identified coffee farm) and Santos export customs, as the bearer
	// middleware would put them in each request's context.
	exporter := identity.Actor{Org: "BR12345678000195", OrgKind: identity.Trader, Subject: "ana", Client: "erp", Roles: []string{identity.RoleTrader}}
	customs := identity.Actor{Org: "BR817700", OrgKind: identity.Customs, Subject: "rafael", Client: "portal", Roles: []string{identity.RoleCustomsOfficer}}
	// The credit application opens the trade: a German roaster buys from the farm.
	credit := applied(trade, "DE123456789", exporter.Org)
	publish(t, ctx, brokers, trade+"/applied", trade, credit)
	post := func(as identity.Actor, path string, body any) map[string]any {
		t.Helper()
		code, out := call(ctx, svc, as, path, body)
		if code >= 300 {
			t.Fatalf("POST %s: %d %v", path, code, out)
		}
		return out
	}
	var docs []string
	for _, kind := range []string{"commercial_invoice", "packing_list", "certificate_of_origin"} {
		d := post(exporter, "/v1/documents", map[string]any{"tradeId": trade, "kind": kind, "issuer": "Fazenda Santos", "issueDate": "2026-11-20",
			"content": []byte(kind + trade)})
		docs = append(docs, d["sha256"].(string))
	}
	// Coffee from Brazil to Germany: the ordinary case goes green and clears without inspection.
	decl := post(exporter, "/v1/declarations", map[string]any{"id": "EXP-" + trade, "tradeId": trade, "direction": "export", "customsOffice": customs.Org,
		"originCountry": "BR", "destinationCountry": "DE", "documents": docs,
		"lines": []any{map[string]any{"hsCode": "090111", "description": "green coffee, not roasted", "customsValue": map[string]any{"minor": 4_500_000, "currency": "USD"}}}})
	if decl["riskLane"] != "GREEN" {
		t.Fatalf("lane: %v", decl)
	}
	post(customs, "/v1/declarations/EXP-"+trade+"/clearance", nil)

	want := []string{"customs.document_registered.v1", "customs.document_registered.v1", "customs.document_registered.v1",
		"customs.export_declared.v1", "customs.export_cleared.v1"}
	var got []string
	for i, m := range testenv.TradeMessages(ctx, t, brokers, "tradefin.customs.v1", trade, len(want)) {
		env, err := eventbus.Decode(m)
		if err != nil {
			t.Fatal(err)
		}
		if env.ID != m.UUID || env.Source != "/tradefin/customs" {
			t.Errorf("%s: ce_id %q, message %q, source %q", env.Type, env.ID, m.UUID, env.Source)
		}
		if d, ok := env.Data.(*contracts.DocumentRegistered); ok && (d.SHA256 != docs[i] || d.Actor != exporter.Stamp()) {
			t.Errorf("document %d: sha256 %s by %+v, want %s by the exporter", i, d.SHA256, d.Actor, docs[i])
		}
		if c, ok := env.Data.(*contracts.ExportCleared); ok && c.Actor != customs.Stamp() {
			t.Errorf("cleared by %+v, want Santos customs' officer", c.Actor)
		}
		got = append(got, env.Type)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("on Kafka:\n got %v\nwant %v", got, want)
	}
}
