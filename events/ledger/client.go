package ledger

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/hyperledger/fabric-gateway/pkg/client"
	"github.com/hyperledger/fabric-gateway/pkg/hash"
	"github.com/hyperledger/fabric-gateway/pkg/identity"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

// Client commits and reads milestones as one organisation. It holds one gRPC connection to the
// organisation's own peer; the Gateway service there gathers the other organisations'
// endorsements. Safe for concurrent use.
type Client struct {
	org      Org
	conn     *grpc.ClientConn
	gw       *client.Gateway
	contract *client.Contract
	network  *client.Network
	tracer   trace.Tracer
	commits  commitWatch // AwaitRecorded's waits, woken by the chaincode's events
}

// Connect opens a client for the organisation mspID using its user identity.
func Connect(n *Network, mspID string) (*Client, error) {
	org, err := n.Org(mspID)
	if err != nil {
		return nil, err
	}
	return ConnectAs(n, org, org.User)
}

// ConnectAs opens a client for org acting with the identity id.
func ConnectAs(n *Network, org Org, id Identity) (*Client, error) {
	conn, err := dial(org)
	if err != nil {
		return nil, err
	}
	signer, ident, err := loadIdentity(org.MSPID, id)
	if err != nil {
		conn.Close()
		return nil, err
	}
	gw, err := client.Connect(ident,
		client.WithSign(signer), client.WithHash(hash.SHA256), client.WithClientConnection(conn),
		client.WithEvaluateTimeout(10*time.Second), client.WithEndorseTimeout(20*time.Second),
		client.WithSubmitTimeout(10*time.Second), client.WithCommitStatusTimeout(time.Minute))
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("fabric gateway %s: %w", org.Peer, err)
	}
	network := gw.GetNetwork(n.Channel)
	return &Client{
		org: org, conn: conn, gw: gw, network: network,
		contract: network.GetContract(n.Chaincode),
		tracer:   otel.Tracer("github.com/tradefin/tradefin/events/ledger"),
	}, nil
}

func dial(org Org) (*grpc.ClientConn, error) {
	pem, err := os.ReadFile(org.TLSCACert)
	if err != nil {
		return nil, fmt.Errorf("TLS CA of %s: %w", org.MSPID, err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("TLS CA of %s: no certificate in %s", org.MSPID, org.TLSCACert)
	}
	creds := credentials.NewTLS(&tls.Config{RootCAs: pool, ServerName: org.PeerHost, MinVersion: tls.VersionTLS12})
	conn, err := grpc.NewClient(org.Peer, grpc.WithTransportCredentials(creds),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler())) // one trace from HTTP to the peer
	if err != nil {
		return nil, fmt.Errorf("peer %s: %w", org.Peer, err)
	}
	return conn, nil
}

func loadIdentity(mspID string, id Identity) (identity.Sign, *identity.X509Identity, error) {
	certPEM, err := os.ReadFile(id.Cert)
	if err != nil {
		return nil, nil, fmt.Errorf("identity certificate: %w", err)
	}
	cert, err := identity.CertificateFromPEM(certPEM)
	if err != nil {
		return nil, nil, fmt.Errorf("identity certificate %s: %w", id.Cert, err)
	}
	ident, err := identity.NewX509Identity(mspID, cert)
	if err != nil {
		return nil, nil, err
	}
	keyPEM, err := os.ReadFile(id.Key)
	if err != nil {
		return nil, nil, fmt.Errorf("identity key: %w", err)
	}
	key, err := identity.PrivateKeyFromPEM(keyPEM)
	if err != nil {
		return nil, nil, fmt.Errorf("identity key %s: %w", id.Key, err)
	}
	sign, err := identity.NewPrivateKeySign(key)
	if err != nil {
		return nil, nil, err
	}
	return sign, ident, nil
}

// MSPID is the organisation this client acts for.
func (c *Client) MSPID() string { return c.org.MSPID }

// Close releases the gateway and its connection.
func (c *Client) Close() error {
	c.commits.close()
	c.gw.Close()
	return c.conn.Close()
}

// RecordMilestone commits a milestone and waits for the commit. Recording the same milestone
// with the same hash again returns the original record, so callers may retry freely.
func (c *Client) RecordMilestone(ctx context.Context, tradeID, milestone, eventHash string) (Receipt, error) {
	return c.RecordDrawingMilestone(ctx, tradeID, milestone, "", eventHash)
}

// RecordDrawingMilestone is RecordMilestone for a milestone of one drawing (its reference; ""
// for none) of a credit drawn by several presentations.
func (c *Client) RecordDrawingMilestone(ctx context.Context, tradeID, milestone, drawing, eventHash string) (Receipt, error) {
	ctx, span := c.tracer.Start(ctx, "fabric.submit RecordMilestone", trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(attribute.String("trade.id", tradeID), attribute.String("milestone", milestone), attribute.String("fabric.msp_id", c.org.MSPID)))
	defer span.End()
	r, err := c.recordMilestone(ctx, tradeID, milestone, drawing, eventHash)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return r, err
	}
	span.SetAttributes(attribute.String("fabric.tx_id", r.TxID), attribute.Int64("fabric.block", int64(r.Block)))
	return r, nil
}

func (c *Client) recordMilestone(ctx context.Context, tradeID, milestone, drawing, eventHash string) (Receipt, error) {
	fn, args := "RecordMilestone", []string{tradeID, milestone, eventHash}
	if drawing != "" { // a chaincode of before drawings still takes every other milestone
		fn, args = "RecordDrawingMilestone", []string{tradeID, milestone, drawing, eventHash}
	}
	rs, err := c.submit(ctx, fn, args, func(b []byte) ([]*Record, error) {
		var rec Record
		err := json.Unmarshal(b, &rec)
		return []*Record{&rec}, err
	})
	if err != nil {
		return Receipt{}, err
	}
	return rs[0], nil
}

// submit endorses fn, decodes the records its result holds, and orders and awaits the
// transaction unless none of them is its own: all were recorded by earlier transactions, and
// there is nothing to order. Records this transaction wrote get its block in their receipts.
func (c *Client) submit(ctx context.Context, fn string, args []string, decode func([]byte) ([]*Record, error)) ([]Receipt, error) {
	proposal, err := c.contract.NewProposal(fn, client.WithArguments(args...))
	if err != nil {
		return nil, classify("record milestone", err)
	}
	tx, err := proposal.EndorseWithContext(ctx)
	if err != nil {
		return nil, classify("record milestone", err)
	}
	recs, err := decode(tx.Result())
	if err != nil {
		return nil, fmt.Errorf("record milestone: chaincode returned %q: %w", tx.Result(), err)
	}
	out := make([]Receipt, len(recs))
	own := false
	for i, r := range recs {
		if r == nil {
			return nil, fmt.Errorf("record milestone: chaincode returned %q", tx.Result())
		}
		out[i].Record = *r
		own = own || r.TxID == tx.TransactionID()
	}
	if !own {
		return out, nil
	}
	commit, err := tx.SubmitWithContext(ctx)
	if err != nil {
		return nil, classify("record milestone", err)
	}
	st, err := commit.StatusWithContext(ctx)
	if err != nil {
		return nil, classify("record milestone", err)
	}
	if !st.Successful {
		return nil, fmt.Errorf("record milestone: %w (tx %s, status %s)", ErrNotCommitted, st.TransactionID, st.Code)
	}
	for i := range out {
		if out[i].TxID == tx.TransactionID() {
			out[i].Block = st.BlockNumber
		}
	}
	return out, nil
}

// Milestones reads the trade's records in order through this organisation's peer.
func (c *Client) Milestones(ctx context.Context, tradeID string) ([]Record, error) {
	b, err := c.evaluate(ctx, "GetMilestones", tradeID)
	if err != nil {
		return nil, err
	}
	var rs []Record
	if err := json.Unmarshal(b, &rs); err != nil {
		return nil, fmt.Errorf("milestones: %w", err)
	}
	return rs, nil
}

// VerifyDocument returns the record that committed the document or event with this SHA-256.
func (c *Client) VerifyDocument(ctx context.Context, tradeID, sha256Hex string) (Record, error) {
	b, err := c.evaluate(ctx, "VerifyDocument", tradeID, sha256Hex)
	if err != nil {
		return Record{}, err
	}
	var r Record
	return r, json.Unmarshal(b, &r)
}

// Ping submits a no-op transaction: it proves endorsement across organisations and ordering.
func (c *Client) Ping(ctx context.Context) error {
	_, err := c.contract.SubmitWithContext(ctx, "Ping")
	return classify("ping", err)
}

func (c *Client) evaluate(ctx context.Context, fn string, args ...string) ([]byte, error) {
	ctx, span := c.tracer.Start(ctx, "fabric.evaluate "+fn, trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()
	b, err := c.contract.EvaluateWithContext(ctx, fn, client.WithArguments(args...))
	if err != nil {
		err = classify(fn, err)
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	return b, err
}

// Probe evaluates the no-op transaction on this organisation's peer: a cheap liveness check
// that writes nothing to the ledger.
func (c *Client) Probe(ctx context.Context) error {
	_, err := c.evaluate(ctx, "Ping")
	return err
}
