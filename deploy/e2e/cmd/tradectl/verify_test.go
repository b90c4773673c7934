//go:build !unit

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/ledger"
)

// TestVerifyCommand runs `tradectl verify` against the test stack: a trade that exists only as a
// milestone committed straight through the chaincode (an application nobody made) prints a
// MISMATCH line and fails with one line; a wrong call fails with the usage.
func TestVerifyCommand(t *testing.T) {
	brokers, sasl := testenv.KafkaBrokers(t), testenv.KafkaSASL(t)
	t.Setenv("TRADEFIN_KAFKA_BROKERS", strings.Join(brokers, ","))
	t.Setenv("TRADEFIN_KAFKA_USER", sasl.User)
	t.Setenv("TRADEFIN_KAFKA_PASSWORD", sasl.Password)
	t.Setenv("TRADEFIN_TEMPORAL_ADDRESS", testenv.TemporalAddress(t))
	t.Setenv("TRADEFIN_FABRIC_NETWORK", testenv.FabricNetwork(t))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n, err := ledger.LoadNetwork(testenv.FabricNetwork(t))
	if err != nil {
		t.Fatal(err)
	}
	bank, err := ledger.Connect(n, "ImporterBankMSP")
	if err != nil {
		t.Fatal(err)
	}
	defer bank.Close()
	tradeID := "FORGED-" + time.Now().UTC().Format("150405.000000")
	sum := sha256.Sum256([]byte("an application nobody made"))
	if _, err := bank.RecordMilestone(ctx, tradeID, "LC_APPLIED", hex.EncodeToString(sum[:])); err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	err = verify(ctx, []string{tradeID}, &out)
	t.Logf("\n%s", out.String())
	if err == nil || err.Error() != "1 of 1 trades do not reconcile" {
		t.Fatalf("verify of a forged trade: %v", err)
	}
	if !strings.Contains(out.String(), "1   LC_APPLIED           ImporterBankMSP  MISMATCH hash ") || !strings.Contains(out.String(), "no workflow for the trade") {
		t.Errorf("no MISMATCH line naming the forgery:\n%s", out.String())
	}
	if err := verify(ctx, nil, &out); err == nil || !strings.Contains(err.Error(), "usage: tradectl verify") {
		t.Errorf("verify with no trade: %v", err)
	}
}
