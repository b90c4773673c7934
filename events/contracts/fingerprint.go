package contracts

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// canonicalEvent is an integration event in CloudEvents structured JSON form with a fixed key
// order and UTC time: the form whose SHA-256 goes on the ledger. Any party holding the event (a
// consumer, an auditor reading the Kafka topic) can recompute the hash and compare it with the
// milestone record.
type canonicalEvent struct {
	SpecVersion string `json:"specversion"`
	ID          string `json:"id"`
	Type        string `json:"type"`
	Source      string `json:"source"`
	Subject     string `json:"subject"`
	Time        string `json:"time"`
	Data        any    `json:"data"`
}

// Canonical returns the canonical JSON of a decoded event.
func Canonical(e Envelope) ([]byte, error) {
	b, err := json.Marshal(canonicalEvent{SpecVersion: "1.0", ID: e.ID, Type: e.Type, Source: e.Source, Subject: e.TradeID,
		Time: e.Time.UTC().Format(time.RFC3339Nano), Data: e.Data})
	if err != nil {
		return nil, fmt.Errorf("canonical %s %s: %w", e.Type, e.ID, err)
	}
	return b, nil
}

// Fingerprint is the hex SHA-256 of the event's canonical JSON.
func Fingerprint(e Envelope) (string, error) {
	b, err := Canonical(e)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
