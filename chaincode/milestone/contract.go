// Package milestone is the tradefin chaincode: a per-trade, hash-chained record of milestones,
// each committed by the organisation entitled to it, in the order package rules sets.
package milestone

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/hyperledger/fabric-contract-api-go/v2/contractapi"

	"github.com/tradefin/tradefin/chaincode/rules"
)

// Contract is the chaincode's transaction API.
type Contract struct {
	contractapi.Contract
}

// EventRecorded is the chaincode event emitted with each new record (one event per transaction).
const EventRecorded = "MilestoneRecorded"

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
	next := rules.Type(milestone)
	if strings.TrimSpace(tradeID) == "" || len(tradeID) > 128 {
		return nil, rules.Errorf(rules.ErrInvalid, "trade ID must be 1 to 128 characters")
	}
	if !isSHA256Hex(eventHash) {
		return nil, rules.Errorf(rules.ErrInvalid, "event hash must be a SHA-256 digest as 64 lowercase hex digits, got %q", eventHash)
	}
	org, err := ctx.GetClientIdentity().GetMSPID()
	if err != nil {
		return nil, fmt.Errorf("read creator MSP ID: %w", err)
	}
	headKey, err := key(ctx, "head", tradeID)
	if err != nil {
		return nil, err
	}
	var head Head
	if _, err := getJSON(ctx, headKey, &head); err != nil {
		return nil, err
	}
	if seen, found, err := c.recorded(ctx, tradeID, milestone, eventHash); err != nil || found {
		return seen, err // found: an idempotent retry
	}
	state, err := c.stateOf(ctx, tradeID, head)
	if err != nil {
		return nil, err
	}
	if err := rules.CheckDrawing(next, drawing, state, org); err != nil {
		if state.Has(next) {
			return nil, rules.Errorf(rules.ErrConflict, "%s is already recorded for trade %s with another event hash; refusing %s (%v)", next, tradeID, eventHash, err)
		}
		return nil, err
	}
	ts, err := ctx.GetStub().GetTxTimestamp()
	if err != nil {
		return nil, fmt.Errorf("read tx timestamp: %w", err)
	}
	r := Record{
		TradeID: tradeID, Seq: head.Seq + 1, Milestone: next, Drawing: drawing, EventHash: eventHash, Org: org,
		TxID: ctx.GetStub().GetTxID(), Timestamp: ts.AsTime().UTC().Format(time.RFC3339Nano),
		PrevHash: head.RecordHash,
	}
	r.RecordHash = r.hash()
	recKey, err := key(ctx, "milestone", tradeID, fmt.Sprintf("%06d", r.Seq))
	if err != nil {
		return nil, err
	}
	typeKey, err := key(ctx, "mtype", tradeID, milestone)
	if err != nil {
		return nil, err
	}
	hashKey, err := key(ctx, "mhash", tradeID, milestone, eventHash)
	if err != nil {
		return nil, err
	}
	after := state.AfterDrawing(next, drawing)
	writes := []struct {
		key string
		val any
	}{{recKey, r}, {typeKey, r}, {hashKey, r}, {headKey, Head{Seq: r.Seq, Last: next, RecordHash: r.RecordHash, State: &after}}}
	for _, w := range writes { // a slice, not a map: chaincode must not depend on map order
		if err := putJSON(ctx, w.key, w.val); err != nil {
			return nil, err
		}
	}
	b, _ := json.Marshal(r)
	if err := ctx.GetStub().SetEvent(EventRecorded, b); err != nil {
		return nil, err
	}
	return &r, nil
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
