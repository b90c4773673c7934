// Package ledger is the client every service uses to commit and read trade milestones on the
// Fabric channel, through the Fabric Gateway with the identity of the organisation it acts for.
package ledger

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Network describes a Fabric network for clients; the dev stack writes it as network.json
// (TRADEFIN_FABRIC_NETWORK points to it).
type Network struct {
	Channel   string `json:"channel"`
	Chaincode string `json:"chaincode"`
	Orgs      []Org  `json:"orgs"`
}

// Org is one organisation: its peer and the identities a client may act with (the dev stack
// names them; a ledger agent is given its own and ignores these).
type Org struct {
	Name      string   `json:"name"`      // e.g. ImporterBank
	MSPID     string   `json:"mspId"`     // e.g. ImporterBankMSP
	Peer      string   `json:"peer"`      // gRPC host:port
	PeerHost  string   `json:"peerHost"`  // TLS server name the peer's certificate carries
	TLSCACert string   `json:"tlsCACert"` // PEM file of the org's TLS CA
	User      Identity `json:"user"`
	Admin     Identity `json:"admin"`
}

// Identity is an X.509 identity: certificate and private key PEM files.
type Identity struct {
	Cert string `json:"cert"`
	Key  string `json:"key"`
}

// LoadNetwork reads a network description.
func LoadNetwork(path string) (*Network, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("fabric network description: %w", err)
	}
	var n Network
	if err := json.Unmarshal(b, &n); err != nil {
		return nil, fmt.Errorf("fabric network description %s: %w", path, err)
	}
	return &n, n.Validate()
}

// Save writes the description atomically.
func (n *Network) Save(path string) error {
	b, err := json.MarshalIndent(n, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// Validate reports every missing field at once.
func (n *Network) Validate() error {
	var errs []error
	if n.Channel == "" || n.Chaincode == "" {
		errs = append(errs, errors.New("channel and chaincode are required"))
	}
	if len(n.Orgs) == 0 {
		errs = append(errs, errors.New("no organisations"))
	}
	for i, o := range n.Orgs {
		// The user identity is optional: a ledger agent is given its own organisation's key
		// apart from the description, which need name no key at all.
		if o.MSPID == "" || o.Peer == "" || o.TLSCACert == "" {
			errs = append(errs, fmt.Errorf("org %d (%s): mspId, peer and tlsCACert are required", i, o.Name))
		}
	}
	return errors.Join(errs...)
}

// Org returns the organisation with the MSP ID.
func (n *Network) Org(mspID string) (Org, error) {
	for _, o := range n.Orgs {
		if o.MSPID == mspID {
			return o, nil
		}
	}
	return Org{}, fmt.Errorf("fabric network has no organisation %q", mspID)
}
