//go:build !unit

package e2e_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/tradefin/tradefin/deploy/devstack/testenv"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/workflows/trade"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// TestIdentityAttacks replays, against the real stack with real tokens, each attack the identity
// issue found on a platform where the caller's role was whatever header it sent. Each failed
// before (the header was believed) and is refused now, changing nothing.
func TestIdentityAttacks(t *testing.T) {
	p := startPlatform(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := p.client(t)
	tradeID := "T-ATTACK-" + time.Now().UTC().Format("150405.000")
	lcID, application := scenario.CreditApplication(tradeID, time.Now().UTC())
	credit := p.endpoints.LC + "/v1/letters-of-credit/" + lcID
	as := func(user string) string { return testenv.UserToken(t, user) }
	// send makes a request with the old identity headers (which must mean nothing) and a token.
	send := func(method, url, token string, headers map[string]string, body any) (int, string) {
		t.Helper()
		js, _ := json.Marshal(body)
		req := scenario.Request{Method: method, URL: url}
		if body != nil {
			req.Body, req.ContentType = js, "application/json"
		}
		status, b, err := sendWithHeaders(ctx, c, req, token, headers)
		if err != nil {
			t.Fatal(err)
		}
		return status, string(b)
	}
	issuerHeaders := map[string]string{"X-Tradefin-Role": "issuing-bank", "X-Tradefin-Actor": "ESSESESS"}
	status := func() map[string]any {
		t.Helper()
		code, body := send("GET", credit, as("ingrid"), nil, nil)
		var v map[string]any
		if code != 200 || json.Unmarshal([]byte(body), &v) != nil {
			t.Fatalf("the applicant reads its credit: %d %s", code, body)
		}
		return v
	}
	if code, body := send("POST", p.endpoints.LC+"/v1/letters-of-credit", as("ingrid"), nil, application); code != 201 {
		t.Fatalf("apply: %d %s", code, body)
	}

	t.Run("1. a header claiming issuing-bank issues nobody's credit", func(t *testing.T) {
		if code, _ := send("POST", credit+"/issue", "", issuerHeaders, map[string]any{"issueDate": today()}); code != http.StatusUnauthorized {
			t.Errorf("headers alone: %d, want 401", code)
		}
		if code, _ := send("POST", credit+"/issue", as("oscar"), issuerHeaders, map[string]any{"issueDate": today()}); code != http.StatusNotFound {
			t.Errorf("another bank's officer with the headers: %d, want 404", code)
		}
		if code, _ := send("POST", credit+"/issue", as("joao"), issuerHeaders, map[string]any{"issueDate": today()}); code != http.StatusForbidden {
			t.Errorf("the beneficiary with the headers: %d, want 403", code)
		}
		if s := status()["status"]; s != "APPLIED" {
			t.Errorf("the credit is %v after the attempts, want APPLIED", s)
		}
	})

	// The credit as the real parties move it on: issued, advised, accepted.
	for _, step := range []struct{ user, path string }{{"erik", "/issue"}, {"ana", "/advice"}, {"joao", "/acceptance"}} {
		body := map[string]any{"issueDate": today()}
		if step.path != "/issue" {
			body = nil
		}
		if code, b := send("POST", credit+step.path, as(step.user), nil, body); code != 200 {
			t.Fatalf("%s %s: %d %s", step.user, step.path, code, b)
		}
	}

	t.Run("2. the beneficiary cannot amend its own credit by claiming issuing-bank", func(t *testing.T) {
		raise := map[string]any{"date": today(), "increase": map[string]any{"minor": 991_600_000, "currency": "EUR"}}
		if code, _ := send("POST", credit+"/amendments", as("joao"), issuerHeaders, raise); code != http.StatusForbidden {
			t.Errorf("the beneficiary amending: %d, want 403", code)
		}
		v := status()
		amount := v["terms"].(map[string]any)["amount"].(map[string]any)["minor"]
		if amount != float64(8_400_000) || len(v["amendments"].([]any)) != 0 {
			t.Errorf("after the attempt: amount %v, amendments %v", amount, v["amendments"])
		}
	})

	t.Run("3. nobody raises a payment by HTTP", func(t *testing.T) {
		paymentID := tradeID + ":" + lcID + ":P-1"
		raise := map[string]any{"tradeId": tradeID, "lcId": lcID, "presentationId": "P-1",
			"amount": map[string]any{"minor": 991_600_000, "currency": "EUR"}, "issuingBank": "ESSESESS", "advisingBank": "OTHRGB2L"}
		code, _ := send("POST", p.endpoints.Settlement+"/v1/payments", as("erik"), issuerHeaders, raise)
		if code != http.StatusNotFound && code != http.StatusMethodNotAllowed {
			t.Errorf("raising a payment by HTTP: %d, want the route gone (404/405)", code)
		}
		if code, body := send("GET", p.endpoints.Settlement+"/v1/payments/"+paymentID, as("erik"), nil, nil); code != http.StatusNotFound {
			t.Errorf("a payment exists after the attempt: %d %s", code, body)
		}
	})

	t.Run("4. no read answers without a token, nor to a caller party to nothing", func(t *testing.T) {
		reads := []string{credit, p.endpoints.Customs + "/v1/documents?tradeId=" + tradeID,
			p.endpoints.Settlement + "/v1/payments/" + tradeID + ":" + lcID + ":P-1", p.endpoints.Trades + "/v1/trades/" + tradeID}
		for _, url := range reads {
			code, body := send("GET", url, "", issuerHeaders, nil)
			if code != http.StatusUnauthorized || !strings.Contains(body, `"status":401`) {
				t.Errorf("GET %s without a token: %d %s", url, code, body)
			}
		}
		if code, _ := send("GET", credit, as("olga"), issuerHeaders, nil); code != http.StatusNotFound {
			t.Errorf("an outsider reads the credit (beneficiary's IBAN included): %d, want 404", code)
		}
		if code, body := send("GET", p.endpoints.Customs+"/v1/documents?tradeId="+tradeID, as("olga"), nil, nil); code != 200 || strings.Contains(body, "sha256") {
			t.Errorf("an outsider lists the trade's documents: %d %s", code, body)
		}
	})

	t.Run("5. neither a forged signal nor an unauthenticated Kafka client gets a milestone signed", func(t *testing.T) {
		// Whoever reaches Temporal signals the trade a customs clearance that never happened: the
		// workflow asks Customs' ledger agent to sign it, and the agent finds no such event.
		// The bridge starts the trade's workflow from the credit's first event: wait for it.
		for deadline := time.Now().Add(30 * time.Second); ; {
			if _, err := c.Timeline(ctx, tradeID); err == nil {
				break
			} else if time.Now().After(deadline) {
				t.Fatalf("the trade's workflow never started: %v", err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		forged := sha256.Sum256([]byte("an export clearance nobody made"))
		err := p.Temporal.SignalWorkflow(ctx, trade.WorkflowID(tradeID), "", trade.EventSignal, trade.Event{
			Type: "customs.export_cleared.v1", ID: "forged-" + tradeID, Source: "/tradefin/customs", Time: time.Now().UTC(),
			SHA256: hex.EncodeToString(forged[:])})
		if err != nil {
			t.Fatalf("signal: %v", err)
		}
		// Whoever reaches Kafka without the broker's credentials publishes nothing.
		pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: p.brokers})
		if err == nil {
			err = pub.Publish(contracts.Topic("customs.export_cleared.v1"), message.NewMessage("forged-kafka-"+tradeID, []byte(`{}`)))
			_ = pub.Close()
		}
		if err == nil {
			t.Error("a Kafka client without credentials published")
		}
		deadline := time.Now().Add(15 * time.Second)
		for {
			tl, err := c.Timeline(ctx, tradeID)
			if err != nil {
				t.Fatal(err)
			}
			if refused := milestoneError(tl, "EXPORT_CLEARED"); refused != "" {
				if !strings.Contains(refused, ledger.UnjustifiedErrorType) && !strings.Contains(refused, "NO_SUCH_EVENT") {
					t.Errorf("EXPORT_CLEARED failed, but not as the agent's refusal: %s", refused)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the forged milestone was neither refused nor signed in 15 s: %+v", tl.Milestones)
			}
			time.Sleep(200 * time.Millisecond)
		}
		recs, err := p.Ledger["ImporterBankMSP"].Milestones(ctx, tradeID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if r.Milestone == "EXPORT_CLEARED" {
				t.Fatalf("the forged clearance is on the ledger: %+v", r)
			}
		}
	})
}

// sendWithHeaders is Client.Send with extra request headers.
func sendWithHeaders(ctx context.Context, c *scenario.Client, req scenario.Request, token string, headers map[string]string) (int, []byte, error) {
	if len(headers) == 0 {
		return c.Send(ctx, req, token)
	}
	hc := *c
	base := c.HTTP.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	hc.HTTP = &http.Client{Timeout: c.HTTP.Timeout, Transport: roundTripper(func(r *http.Request) (*http.Response, error) {
		r = r.Clone(r.Context())
		for k, v := range headers {
			r.Header.Set(k, v)
		}
		return base.RoundTrip(r)
	})}
	status, b, err := hc.Send(ctx, req, token)
	if err != nil {
		return 0, nil, fmt.Errorf("%s %s: %w", req.Method, req.URL, err)
	}
	return status, b, nil
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// milestoneError is why the trade's milestone failed to commit ("" while it has not failed).
func milestoneError(tl tradeview.Timeline, name string) string {
	for _, m := range slices.Concat(tl.Milestones, tl.Pending) {
		if m.Name == name && m.Error != "" {
			return m.Error
		}
	}
	return ""
}
