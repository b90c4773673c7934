package verification

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/ledger"
)

// Peers reads a trade's chain through each organisation's own peer.
type Peers []*ledger.Client

// ConnectPeers opens a read client for every organisation of the network, each with the identity
// the network description names for it (evaluate only: nothing is submitted).
func ConnectPeers(n *ledger.Network) (Peers, error) {
	var ps Peers
	for _, o := range n.Orgs {
		c, err := ledger.Connect(n, o.MSPID)
		if err != nil {
			ps.Close()
			return nil, fmt.Errorf("ledger: %s: %w", o.MSPID, err)
		}
		ps = append(ps, c)
	}
	return ps, nil
}

// Read returns the trade's chain as each peer answers it, by MSP ID.
func (ps Peers) Read(ctx context.Context, tradeID string) (map[string][]Record, error) {
	out := map[string][]Record{}
	for _, c := range ps {
		rs, err := c.Milestones(ctx, tradeID)
		if err != nil {
			return nil, fmt.Errorf("ledger via %s: %w", c.MSPID(), err)
		}
		chain := make([]Record, 0, len(rs))
		for _, r := range rs {
			chain = append(chain, Record{Seq: r.Seq, Milestone: r.Milestone, EventHash: r.EventHash, Org: r.Org, TxID: r.TxID,
				PrevHash: r.PrevHash, RecordHash: r.RecordHash})
		}
		out[c.MSPID()] = chain
	}
	return out, nil
}

// Close closes every client.
func (ps Peers) Close() {
	for _, c := range ps {
		_ = c.Close()
	}
}
