package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// outbox returns the pending integration events in order, decoded.
func outbox(t *testing.T, es eventstore.Store) []contracts.Envelope {
	t.Helper()
	pending, err := es.PendingOutbox(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []contracts.Envelope
	for _, m := range pending {
		wm := message.NewMessage(m.ID, m.Payload)
		for k, v := range m.Headers {
			wm.Metadata.Set(k, v)
		}
		msg, err := eventbus.Decode(wm)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, msg)
	}
	return out
}

// TestRejectedPaymentIsInstructedAgain is issue 10's "a rejected payment leaves the trade RUNNING
// forever and cannot be re-instructed", on each real store: after a rejection that may pass by
// itself, the workflow's release instructs a new attempt with a new UETR and publishes a new
// settlement.payment_initiated.v1; the books hold one payment (the first attempt's postings
// reversed, the second's booked); a late settlement of the first attempt is refused; the second
// settles, and settlement.payment_settled.v1 carries its amount.
func TestRejectedPaymentIsInstructedAgain(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			es := open(t)
			a, first := instructed(t, es)
			id := first.ID()
			release := func() (*domain.Payment, error) {
				return a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id})
			}
			if _, err := a.Commands.ApplyStatusReport.Handle(ctx, nils, statusReport(first, "RJCT", "TM01")); err != nil {
				t.Fatal(err)
			}
			second, err := release()
			if err != nil || second.Status != domain.StatusInstructed || len(second.Attempts) != 2 {
				t.Fatalf("re-instruction: %v %+v", err, second)
			}
			if again, err := release(); err != nil || len(again.Attempts) != 2 {
				t.Fatalf("a retried re-instruction: %v", err)
			}
			att1, att2 := second.Attempts[0], second.Attempts[1]
			if att2.UETR == att1.UETR || att2.MsgID == att1.MsgID || att2.EndToEndID != att1.EndToEndID {
				t.Fatalf("attempt 2 %+v reuses attempt 1's identifiers %+v", att2, att1)
			}

			bal, err := a.Queries.Balances.Handle(ctx, nils)
			if err != nil {
				t.Fatal(err)
			}
			want := domain.Ledger{}
			want.Post(att2.Postings)
			for acct, b := range want {
				if bal[acct] != b {
					t.Errorf("%s: %s after a rejection and a new attempt, want %s (one payment)", acct, bal[acct], b)
				}
			}

			late := attemptReport(second, &att1, "ACSC")
			if _, err := a.Commands.ApplyStatusReport.Handle(ctx, nils, late); domain.KindOf(err) != domain.KindConflict {
				t.Fatalf("a late ACSC for the rejected attempt: %v", err)
			}
			if _, err := a.Commands.ApplyStatusReport.Handle(ctx, nils, attemptReport(second, &att1, "RJCT", "TM01")); err != nil {
				t.Fatalf("the first rejection redelivered: %v", err)
			}
			settled, err := a.Commands.ApplyStatusReport.Handle(ctx, nils, statusReport(second, "ACSC"))
			if err != nil || settled.Status != domain.StatusSettled {
				t.Fatalf("attempt 2 settles: %v", err)
			}

			var types []string
			var uetrs []string
			for _, env := range outbox(t, es) {
				types = append(types, env.Type)
				if pi, ok := env.Data.(*contracts.PaymentInitiated); ok {
					uetrs = append(uetrs, pi.UETR)
				}
				if ps, ok := env.Data.(*contracts.PaymentSettled); ok && ps.CreditedAmount != att2.Credited {
					t.Errorf("settled %s, attempt 2 credited %s", ps.CreditedAmount, att2.Credited)
				}
			}
			wantTypes := []string{"settlement.payment_initiated.v1", "settlement.payment_failed.v1", "settlement.payment_initiated.v1", "settlement.payment_settled.v1"}
			if len(types) != len(wantTypes) || len(uetrs) != 2 || uetrs[0] != att1.UETR || uetrs[1] != att2.UETR {
				t.Fatalf("outbox %v with UETRs %v, want %v", types, uetrs, wantTypes)
			}
			for i := range wantTypes {
				if types[i] != wantTypes[i] {
					t.Fatalf("outbox %v, want %v", types, wantTypes)
				}
			}
		})
	}
}

// TestCorrectedPaymentIsStored: after AC01 the payment waits for a correction; the corrected
// creditor account is stored with the next attempt and read back on each store, and the stored
// history is still that of the honour's terms.
func TestCorrectedPaymentIsStored(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			es := open(t)
			a, p := instructed(t, es)
			id := p.ID()
			if _, err := a.Commands.ApplyStatusReport.Handle(ctx, nils, statusReport(p, "RJCT", "AC01")); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id}); !errors.Is(err, domain.ErrAwaitingCorrection) {
				t.Fatalf("AC01 re-instructed: %v", err)
			}
			per := identity.Actor{Org: "BNPAFRPP", OrgKind: identity.Bank, Subject: "per", Client: "portal", Roles: []string{identity.RolePaymentsOfficer}}
			const account = "DE89370400440532013000"
			if _, err := a.Commands.Correct.Handle(ctx, per, command.Correct{PaymentID: id, CreditorAccount: account}); err != nil {
				t.Fatal(err)
			}
			got, err := store.New(es).Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if c := got.Current(); got.Status != domain.StatusInstructed || c.Number != 2 || c.CreditorAccount != account ||
				len(got.Corrections) != 1 || got.Corrections[0].By != per.Stamp() || len(got.Obligation.TermsDiffer(obligation())) != 0 {
				t.Fatalf("stored corrected payment: %+v", got)
			}
			evs, err := es.ReadStream(ctx, "settlement.payment-"+id, 1)
			if err != nil {
				t.Fatal(err)
			}
			var corrected struct{ CreditorAccount string }
			if evs[len(evs)-2].Type != "settlement.InstructionCorrected" || json.Unmarshal(evs[len(evs)-2].Data, &corrected) != nil || corrected.CreditorAccount != account {
				t.Fatalf("stored events end with %s %s", evs[len(evs)-2].Type, evs[len(evs)-2].Data)
			}
		})
	}
}
