package tradeindex

import (
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
)

func TestTheIndexKnowsWhoIsPartyToWhichTrade(t *testing.T) {
	x := New()
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	applied := contracts.Envelope{ID: "e1", Type: "lc.applied.v1", TradeID: "T-1", Time: at, Data: &contracts.LCApplied{LCID: "LC-T-1",
		Actor: identity.Stamp{Org: "5493001NORDICIMP0058"}, ApplicantOrg: "5493001NORDICIMP0058", BeneficiaryOrg: "5493002AZULEJOSLX028",
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL"}}
	x.Add(applied)
	x.Add(applied) // redelivered: harmless
	x.Add(contracts.Envelope{ID: "e2", Type: "customs.export_declared.v1", TradeID: "T-1", Time: at.Add(time.Hour),
		Data: &contracts.ExportDeclared{DeclarationID: "EXP-T-1", Actor: identity.Stamp{Org: "5493002AZULEJOSLX028"}}})
	x.Add(contracts.Envelope{ID: "e3", Type: "lc.applied.v1", TradeID: "T-2", Time: at, Data: &contracts.LCApplied{LCID: "LC-T-2",
		Actor: identity.Stamp{Org: "5493003OTHERTRAD0029"}, ApplicantOrg: "5493003OTHERTRAD0029"}})

	t1, ok := x.Trade("T-1")
	if !ok || t1.LCID != "LC-T-1" || len(t1.Declarations) != 1 || t1.Declarations[0].Direction != "export" || t1.LastEvent != "customs.export_declared.v1" {
		t.Fatalf("T-1: %+v", t1)
	}
	seb := x.Trades(func(t Trade) bool {
		for _, p := range t.Parties {
			if p == "ESSESESS" {
				return true
			}
		}
		return false
	})
	if len(seb) != 1 || seb[0].ID != "T-1" {
		t.Fatalf("the issuing bank's trades: %+v", seb)
	}
	if all := x.Trades(func(Trade) bool { return true }); len(all) != 2 || all[0].ID != "T-1" {
		t.Fatalf("most recently moved first: %+v", all)
	}
}
