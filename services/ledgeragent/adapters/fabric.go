package adapters

import (
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/ledger"
)

// ConnectFabric connects to the organisation's own peer (from the network description: address
// and TLS CA) with the organisation's key material, given as the certificate and private key PEM
// files of its identity. The network description may name other organisations' identities; the
// agent never reads them.
func ConnectFabric(networkFile, mspID string, id ledger.Identity) (*ledger.Client, error) {
	if id.Cert == "" || id.Key == "" {
		return nil, errors.New("the organisation's Fabric certificate and key files are required")
	}
	n, err := ledger.LoadNetwork(networkFile)
	if err != nil {
		return nil, err
	}
	org, err := n.Org(mspID)
	if err != nil {
		return nil, err
	}
	c, err := ledger.ConnectAs(n, org, id)
	if err != nil {
		return nil, fmt.Errorf("fabric identity %s: %w", mspID, err)
	}
	return c, nil
}
