// Package milestone is the tradefin chaincode: a per-trade, hash-chained record of milestones,
// each committed by the organisation entitled to it, in the order package rules sets.
package milestone

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/hyperledger/fabric-contract-api-go/v2/contractapi"

	"github.com/tradefin/tradefin/chaincode/rules"
)

// Contract is the chaincode's transaction API.
type Contract struct {
	contractapi.Contract
}

// EventRecorded is the chaincode event of a transaction that added one record (its JSON), and
// EventBatchRecorded that of one that added several (a JSON array of them): Fabric carries one
// event per transaction.
const (
	EventRecorded      = "MilestoneRecorded"
	EventBatchRecorded = "MilestonesRecorded"
)

// TermsCollection is the private data collection the two banks share (commercial terms).
const TermsCollection = "bankTerms"

type stub = contractapi.TransactionContextInterface

func key(ctx stub, kind string, attrs ...string) (string, error) {
	return ctx.GetStub().CreateCompositeKey(kind, attrs)
}

func getJSON(ctx stub, k string, v any) (bool, error) {
	b, err := ctx.GetStub().GetState(k)
	if err != nil {
		return false, fmt.Errorf("read %q: %w", k, err)
	}
	if b == nil {
		return false, nil
	}
	return true, json.Unmarshal(b, v)
}

func putJSON(ctx stub, k string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return ctx.GetStub().PutState(k, b)
}

// RecordMilestone appends a milestone to the trade's chain. Recording the same milestone with
// the same hash again returns the existing record (a retry after an unknown commit outcome is
// normal); the same milestone with a different hash is refused unless the rules allow it again
// (a re-presentation after a refusal, another amendment).
func (c *Contract) RecordMilestone(ctx stub, tradeID string, milestone string, eventHash string) (*Record, error) {
	return c.RecordDrawingMilestone(ctx, tradeID, milestone, "", eventHash)
}

// RecordDrawingMilestone is RecordMilestone for a milestone of one drawing of a credit drawn by
// several presentations (drawing: its reference; "" for none; rules/drawings.go).
func (c *Contract) RecordDrawingMilestone(ctx stub, tradeID, milestone, drawing, eventHash string) (*Record, error) {
	ch, err := c.openChain(ctx, tradeID)
	if err != nil {
		return nil, err
	}
	r, added, err := ch.append(ctx, Entry{Milestone: milestone, Drawing: drawing, EventHash: eventHash})
	if err != nil || !added {
		return r, err // not added: an idempotent retry
	}
	if err := ch.saveHead(ctx); err != nil {
		return nil, err
	}
	b, _ := json.Marshal(r)
	return r, ctx.GetStub().SetEvent(EventRecorded, b)
}

// recorded finds the record of milestone with eventHash, if the trade has it: by its own key, or,
// for a record written before that key existed, as the milestone's latest record.
func (c *Contract) recorded(ctx stub, tradeID, milestone, eventHash string) (*Record, bool, error) {
	for _, k := range [][]string{{"mhash", tradeID, milestone, eventHash}, {"mtype", tradeID, milestone}} {
		ck, err := key(ctx, k[0], k[1:]...)
		if err != nil {
			return nil, false, err
		}
		var r Record
		found, err := getJSON(ctx, ck, &r)
		if err != nil {
			return nil, false, err
		}
		if found && r.EventHash == eventHash {
			return &r, true, nil
		}
	}
	return nil, false, nil
}

// stateOf is what the rules need of the trade's chain: kept with the head, or, for a chain whose
// head predates it, folded from its records once (the next commit stores it).
func (c *Contract) stateOf(ctx stub, tradeID string, head Head) (rules.State, error) {
	if head.State != nil {
		return *head.State, nil
	}
	if head.Seq == 0 {
		return rules.State{}, nil
	}
	rs, err := c.GetMilestones(ctx, tradeID)
	if err != nil {
		return rules.State{}, err
	}
	ms := make([]rules.Type, len(rs))
	for i, r := range rs {
		ms[i] = r.Milestone
	}
	return rules.Fold(ms), nil
}

// GetMilestones returns the trade's records in order (empty for an unknown trade).
func (c *Contract) GetMilestones(ctx stub, tradeID string) ([]*Record, error) {
	it, err := ctx.GetStub().GetStateByPartialCompositeKey("milestone", []string{tradeID})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	out := []*Record{}
	for it.HasNext() {
		kv, err := it.Next()
		if err != nil {
			return nil, err
		}
		var r Record
		if err := json.Unmarshal(kv.Value, &r); err != nil {
			return nil, fmt.Errorf("corrupt record %q: %w", kv.Key, err)
		}
		out = append(out, &r)
	}
	return out, nil
}

// VerifyDocument returns the record whose event hash is sha256Hex, so anyone holding a document
// or event can prove it is the one the trade's milestone committed.
func (c *Contract) VerifyDocument(ctx stub, tradeID string, sha256Hex string) (*Record, error) {
	rs, err := c.GetMilestones(ctx, tradeID)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		if r.EventHash == sha256Hex {
			return r, nil
		}
	}
	return nil, rules.Errorf(rules.ErrNotFound, "no milestone of trade %s has hash %s", tradeID, sha256Hex)
}

// RecordCommercialTerms stores the terms from the transient field "terms" in the banks' private
// collection and their SHA-256 on the public record, so the terms stay between the two banks
// while anyone can later check a disclosed copy against the hash.
func (c *Contract) RecordCommercialTerms(ctx stub, tradeID string) (string, error) {
	org, err := ctx.GetClientIdentity().GetMSPID()
	if err != nil {
		return "", err
	}
	if org != rules.ImporterBank && org != rules.ExporterBank {
		return "", rules.Errorf(rules.ErrNotEntitled, "%s may not record commercial terms: only the two banks may", org)
	}
	tm, err := ctx.GetStub().GetTransient()
	if err != nil {
		return "", err
	}
	terms := tm["terms"]
	if len(terms) == 0 {
		return "", rules.Errorf(rules.ErrInvalid, "transient field \"terms\" is required")
	}
	if err := ctx.GetStub().PutPrivateData(TermsCollection, tradeID, terms); err != nil {
		return "", err
	}
	sum := sha256.Sum256(terms)
	h := hex.EncodeToString(sum[:])
	k, err := key(ctx, "termshash", tradeID)
	if err != nil {
		return "", err
	}
	return h, ctx.GetStub().PutState(k, []byte(h))
}

// GetCommercialTerms returns the private terms (only on a bank's peer).
func (c *Contract) GetCommercialTerms(ctx stub, tradeID string) (string, error) {
	b, err := ctx.GetStub().GetPrivateData(TermsCollection, tradeID)
	if err != nil {
		return "", err
	}
	if b == nil {
		return "", rules.Errorf(rules.ErrNotFound, "no commercial terms for trade %s", tradeID)
	}
	return string(b), nil
}

// Ping lets operators and readiness probes prove endorsement works; it writes nothing.
func (c *Contract) Ping(ctx stub) (string, error) {
	return ctx.GetStub().GetChannelID(), nil
}
