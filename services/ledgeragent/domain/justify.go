package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// Event types the derived milestones are checked against.
const (
	applied  = "lc.applied.v1"
	honoured = "lc.honoured.v1"
	released = "customs.import_released.v1"
)

// Justify decides whether org signs req, given every event of req's trade in the index, at now.
//
// A milestone an event makes is justified by exactly that event: its hash must be the
// fingerprint of an event of this trade whose type stands for this milestone; the milestone
// must be org's to commit (so the event is one of org's own steps).
//
// The trade workflow makes two milestones itself, and hashes them by the ID it derives them
// from (workflows/trade); the agent checks that derivation as far as the hash lets it:
//   - CLOSED is committed when the goods are released: its hash must be SHA-256 of the ID of a
//     customs.import_released.v1 of this trade followed by "/closed". (The chaincode itself
//     orders SETTLED → IMPORT_RELEASED → CLOSED, so the release and the payment are on the ledger
//     before it.)
//   - EXPIRED, when the credit's expiry passes unhonoured: its hash must be SHA-256 of the trade
//     ID followed by "/expired", the trade's lc.applied.v1 must name an expiry date whose day is
//     over (UCP 600 Art. 6(d)(i): a credit is available through its expiry date), and no
//     lc.honoured.v1 may exist for the trade (an honoured credit does not expire). An EXPIRED
//     that stands for an lc.expired.v1 event is checked like any other event's milestone.
func Justify(org string, req Request, trade []Entry, now time.Time) Verdict {
	if v, bad := invalid(req); bad {
		return v
	}
	m := rules.Type(req.Milestone)
	if !rules.MayCommit(m, org) {
		return refused(CodeNotOurs, "%s is %s's to commit; this agent signs only %s's milestones", m, rules.EntitledOrg(m), org)
	}
	for _, e := range trade {
		if e.SHA256 != req.SHA256 {
			continue
		}
		if stands := contracts.Milestone(e.Type); stands != req.Milestone {
			return refused(CodeWrongType, "hash %s is of %s %s, which stands for %s, not %s", short(req.SHA256), e.Type, e.ID, orNone(stands), m)
		}
		// The organisation that performed the step commits it (rules.CommittingOrg): an honour
		// by the confirming bank is its own, one by the issuing bank is not (UCP 600 Art. 8(a)).
		if owner := rules.CommittingOrg(m, e.ByConfirmingBank); owner != org {
			return refused(CodeNotOurs, "%s %s was performed by %s: %s is its to commit, not %s's", e.Type, e.ID, owner, m, org)
		}
		return justified(e, "%s is %s %s", m, e.Type, e.ID)
	}
	switch m {
	case rules.Closed:
		return closed(req, trade)
	case rules.Expired:
		if req.SHA256 == derivedHash(req.TradeID+"/expired") {
			return expired(req, trade, now)
		}
	}
	return unknown("no event of trade %s has hash %s (%s stands for %s)", req.TradeID, short(req.SHA256), m, strings.Join(contracts.MilestoneEvents(req.Milestone), " or "))
}

func closed(req Request, trade []Entry) Verdict {
	for _, e := range trade {
		if e.Type == released && derivedHash(e.ID+"/closed") == req.SHA256 {
			return justified(e, "CLOSED follows %s %s", e.Type, e.ID)
		}
	}
	return unknown("CLOSED of trade %s: hash %s is not derived from any %s of the trade", req.TradeID, short(req.SHA256), released)
}

func expired(req Request, trade []Entry, now time.Time) Verdict {
	for _, e := range trade {
		if e.Type == honoured {
			return refused(CodeNotDue, "trade %s was honoured (%s %s): its credit cannot expire", req.TradeID, e.Type, e.ID)
		}
	}
	for _, e := range trade {
		if e.Type != applied {
			continue
		}
		date, err := time.Parse(time.DateOnly, e.ExpiryDate)
		if err != nil {
			return refused(CodeNotDue, "%s %s names no expiry date (%q)", e.Type, e.ID, e.ExpiryDate)
		}
		end := date.AddDate(0, 0, 1)
		switch {
		case !now.Before(end):
			return justified(e, "the credit of %s %s expired at the end of %s", e.Type, e.ID, e.ExpiryDate)
		case end.Sub(now) <= ExpiryGrace:
			return Verdict{Outcome: Early, Reason: "the credit expires at " + end.Format(time.RFC3339) + ", moments from now"}
		}
		return refused(CodeNotDue, "the credit of trade %s is available until the end of %s (UCP 600 Art. 6(d)(i))", req.TradeID, e.ExpiryDate)
	}
	return unknown("EXPIRED of trade %s: no %s of the trade names the expiry", req.TradeID, applied)
}

// invalid checks the request's bounds.
func invalid(req Request) (Verdict, bool) {
	switch {
	case req.TradeID == "" || len(req.TradeID) > MaxTradeIDLength || strings.IndexFunc(req.TradeID, notPrintable) >= 0:
		return refused(CodeInvalid, "trade ID must be 1 to %d printable characters", MaxTradeIDLength), true
	case rules.EntitledOrg(rules.Type(req.Milestone)) == "":
		return refused(CodeInvalid, "unknown milestone %.40q", req.Milestone), true
	case !isHash(req.SHA256):
		return refused(CodeInvalid, "hash must be a SHA-256 digest as %d lowercase hex digits", hashLength), true
	}
	return Verdict{}, false
}

func notPrintable(r rune) bool { return !unicode.IsPrint(r) || unicode.IsSpace(r) }

func isHash(s string) bool {
	if len(s) != hashLength {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// derivedHash is how the trade workflow hashes a milestone it makes itself: SHA-256 of the ID it
// derives it from.
func derivedHash(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:])
}

func short(h string) string {
	if len(h) > 16 {
		return h[:16] + "…"
	}
	return h
}

func orNone(m string) string {
	if m == "" {
		return "no milestone"
	}
	return m
}
