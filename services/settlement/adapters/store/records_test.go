package store

import (
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/eventsourcing/recordtest"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// TestEveryEventHasAStoredRecord: every event type of the domain (domain.Events, so a new one
// cannot be left out) round-trips through its stored record.
func TestEveryEventHasAStoredRecord(t *testing.T) {
	recordtest.Run[*domain.Payment, domain.Event](t, payments, domain.Events()...)
}

// TestRecordsRoundTrip: every event, with every field and nested value object (obligation, FX
// rate, posting entries) set, is stored and read back unchanged.
func TestRecordsRoundTrip(t *testing.T) {
	by := identity.Stamp{Org: "ESSESESS", User: "maja", Client: "portal"}
	eur, usd := money.MustCurrency("EUR"), money.MustCurrency("USD")
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	o := domain.Obligation{TradeID: "T-1", LCID: "LC-1", PresentationID: "P-1:discount", Amount: money.New(48_500_00, eur), IssuingBank: "BCOMPTPL",
		AdvisingBank: "BCOMPTPLXXX", Beneficiary: "Azulejos", BeneficiaryAccount: "PT50000201231234567890154", AccountCurrency: usd,
		Purpose: domain.PurposeDiscount}
	postings := []domain.Entry{{Account: "discounted-lc:BCOMPTPL:LC-1:EUR", Side: domain.Debit, Amount: o.Amount},
		{Account: "vostro:BCOMPTPLXXX:EUR", Side: domain.Credit, Amount: o.Amount}}
	recordtest.RoundTrip[*domain.Payment, domain.Event](t, payments,
		domain.PaymentRaised{Obligation: o, Actor: by, At: at},
		domain.ReleaseRequested{Actor: by, At: at},
		domain.ReleaseApproved{Actor: by, At: at},
		domain.PaymentDisputed{EventID: "evt-2", Contested: o, Fields: []string{"amount"}, Actor: by, At: at},
		domain.PaymentInstructed{Actor: by, MsgID: "M1", EndToEndID: "LC-1-P-1", UETR: "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d401",
			Credited: money.New(52_584_00, usd), Rate: &domain.RateRecord{From: "EUR", To: "USD", Rate: "1.0842", Source: "dev", AsOf: at,
				Rounding: "half-even"}, Postings: postings, PostingID: "T-1:LC-1:P-1:payment", SettlementDate: "2026-11-24",
			CreditorAccount: "DE89370400440532013000", At: at},
		domain.PaymentSettled{Actor: by, StatusCode: "ACSC", UETR: "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d401", At: at},
		domain.PaymentFailed{Actor: by, Reason: "AC01", UETR: "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d401", At: at},
		domain.PaymentReversed{Actor: by, PostingID: "T-1:LC-1:P-1:reversal", Postings: postings, At: at},
		domain.InstructionCorrected{Actor: by, CreditorAccount: "DE89370400440532013000", AwaitsApproval: true, At: at},
		domain.PaymentAssigned{To: "BCOMPTPL", EventID: "evt-3", Actor: by, At: at},
	)
}
