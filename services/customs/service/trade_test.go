//go:build !unit

package service_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message/router/middleware"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
)

// The dev directory's exporter, importer and an outsider (all traders), and a carrier.
var (
	joao   = identity.Actor{Org: "5493002AZULEJOSLX028", OrgKind: identity.Trader, Subject: "joao", Client: "portal", Roles: []string{identity.RoleTrader}}
	ingrid = identity.Actor{Org: "5493001NORDICIMP0058", OrgKind: identity.Trader, Subject: "ingrid", Client: "portal", Roles: []string{identity.RoleTrader}}
	olga   = identity.Actor{Org: "5493003OTHERTRAD0029", OrgKind: identity.Trader, Subject: "olga", Client: "portal", Roles: []string{identity.RoleTrader}}
)

func invoice(trade, content string) map[string]any {
	return map[string]any{"tradeId": trade, "kind": "commercial_invoice", "issuer": "issuer", "issueDate": "2026-11-20", "content": []byte(content)}
}

// TestAStrangerCannotJoinATrade is issue 10's "a trade ID is owned" on customs' side, on the
// real broker: once the credit application of a trade has reached customs over Kafka, its
// exporter registers documents, and a stranger's document or declaration on that trade is
// answered 404, word for word as on a trade that does not exist. (Before, customs knew no
// trade's parties and registered the stranger's document: 201.) A second credit application on
// the trade naming other parties does not make them its parties: it lands on the poison topic
// with the reason.
func TestAStrangerCannotJoinATrade(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	brokers := testenv.KafkaBrokers(t)
	svc := start(t, ctx, brokers, 2*time.Second) // a stranger waits it out: kept short
	trade := fmt.Sprintf("T-OWNED-%d", time.Now().UnixNano())
	publish(t, ctx, brokers, trade+"/applied", trade, applied(trade, ingrid.Org, joao.Org))

	// The exporter's first document waits for the application to arrive, then is registered.
	created(t, ctx, svc, joao, "/v1/documents", invoice(trade, "joao's invoice"))
	stranger := func() {
		t.Helper()
		code, out := call(ctx, svc, olga, "/v1/documents", invoice(trade, "olga's invoice"))
		_, unknown := call(ctx, svc, olga, "/v1/documents", invoice("T-NOBODY-KNOWS", "olga's invoice"))
		if code != 404 || fmt.Sprint(out["title"], out["detail"]) != strings.ReplaceAll(fmt.Sprint(unknown["title"], unknown["detail"]), "T-NOBODY-KNOWS", trade) {
			t.Errorf("a stranger's document on the trade: %d %v (on a trade nobody knows: %v)", code, out, unknown)
		}
		decl := map[string]any{"id": "EXP-OLGA-" + trade, "tradeId": trade, "direction": "export", "customsOffice": "PT000100", "originCountry": "PT",
			"destinationCountry": "SE", "lines": []any{map[string]any{"hsCode": "690721", "customsValue": map[string]any{"minor": 100, "currency": "EUR"}}}}
		if code, out := call(ctx, svc, olga, "/v1/declarations", decl); code != 404 {
			t.Errorf("a stranger's export declaration on the trade: %d %v", code, out)
		}
	}
	stranger()

	// The stranger applies for a credit of its own on the trade: refused as a conflict.
	publish(t, ctx, brokers, trade+"/olga-applied", trade, applied(trade, olga.Org, "5493002AZULEJOSLX028"))
	poisoned := testenv.TradeMessages(ctx, t, brokers, contracts.PoisonTopic, trade, 1)[0]
	if reason := poisoned.Metadata.Get(middleware.ReasonForPoisonedKey); poisoned.Metadata.Get(eventbus.HeaderID) != trade+"/olga-applied" ||
		!strings.Contains(reason, "conflicts with recorded state") || !strings.Contains(reason, "first credit") {
		t.Fatalf("poisoned %s: reason %q", poisoned.Metadata.Get(eventbus.HeaderID), reason)
	}
	stranger()
	// The trade's importer is still its importer.
	imp := map[string]any{"id": "IMP-" + trade, "tradeId": trade, "direction": "import", "customsOffice": "SE000100", "originCountry": "PT",
		"destinationCountry": "SE", "lines": []any{map[string]any{"hsCode": "690721", "customsValue": map[string]any{"minor": 100, "currency": "EUR"}}}}
	if code, out := call(ctx, svc, ingrid, "/v1/declarations", imp); code != 201 {
		t.Errorf("the importer's declaration: %d %v", code, out)
	}
}

// TestConsumerRefusesWhatBreaksTheBounds: a credit application whose trade ID breaks the
// platform's bound, and one over the size of an integration event (forged: tradefin's producers
// refuse to send either), are refused as permanent
// (the poison topic, with the reason) rather than retried, and the application after them is
// handled.
func TestConsumerRefusesWhatBreaksTheBounds(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	brokers := testenv.KafkaBrokers(t)
	svc := start(t, ctx, brokers, 2*time.Second)
	stamp := time.Now().UnixNano()

	long := fmt.Sprintf("T-LONG-%d-%s", stamp, strings.Repeat("x", contracts.MaxTradeIDLength))
	forge(t, ctx, brokers, long+"/applied", long, applied(long, ingrid.Org, joao.Org))
	huge := fmt.Sprintf("T-HUGE-%d", stamp)
	big := applied(huge, ingrid.Org, joao.Org)
	big.Applicant = strings.Repeat("Nordic Imports AB ", contracts.MaxMessageBytes/17)
	forge(t, ctx, brokers, huge+"/applied", huge, big)
	good := fmt.Sprintf("T-GOOD-%d", stamp)
	publish(t, ctx, brokers, good+"/applied", good, applied(good, ingrid.Org, joao.Org))

	for subject, why := range map[string]string{long: "invalid trade ID", huge: "malformed event"} {
		poisoned := testenv.TradeMessages(ctx, t, brokers, contracts.PoisonTopic, subject, 1)[0]
		if reason := poisoned.Metadata.Get(middleware.ReasonForPoisonedKey); !strings.Contains(reason, why) {
			t.Errorf("poisoned %.40s: reason %q, want it to say %q", subject, reason, why)
		}
	}
	created(t, ctx, svc, joao, "/v1/documents", invoice(good, "good invoice")) // the application after them was handled
}
