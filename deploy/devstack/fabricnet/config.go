// Package fabricnet runs a native Hyperledger Fabric network for tradefin: one Raft orderer,
// one peer per organisation (ImporterBank, ExporterBank, Customs), channel "trade", and the
// milestone chaincode run as a service (one server per organisation, mutual TLS with its peer).
// No Docker: every node is a process started from the Fabric binaries in the tools cache.
package fabricnet

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/tools"
)

const (
	Channel   = "trade"
	Chaincode = "milestone"
	ccVersion = "1.0"
	ccSeq     = "1"
	// Any two of the three organisations endorse each transaction.
	endorsementPolicy = "OutOf(2,'ImporterBankMSP.peer','ExporterBankMSP.peer','CustomsMSP.peer')"
)

// Config locates the network's state and programs.
type Config struct {
	Dir          string            // state: crypto, ledgers, logs, PID files, network.json
	Tools        tools.FabricTools // peer, orderer, ... and Fabric's sampleconfig
	ChaincodeSrc string            // the chaincode module folder (built into Dir/bin)
	PortBase     int               // the network uses 100 ports from here
	BatchTimeout time.Duration     // how long the orderer waits to fill a block
}

func (c *Config) setDefaults() {
	if c.BatchTimeout == 0 {
		// Short blocks keep one trade's sequential milestones quick (FACTS: p50 73 ms at 50 ms).
		c.BatchTimeout = 50 * time.Millisecond
	}
}

// Validate reports every problem at once.
func (c Config) Validate() error {
	var errs []error
	if c.Dir == "" {
		errs = append(errs, errors.New("a Dir is required"))
	}
	if c.Tools.BinDir == "" || c.Tools.SampleConfig == "" {
		errs = append(errs, errors.New("the Tools (Fabric binaries and sampleconfig) are required"))
	}
	if c.ChaincodeSrc == "" {
		errs = append(errs, errors.New("ChaincodeSrc is required"))
	}
	if c.PortBase < 1024 || c.PortBase > 65000 {
		errs = append(errs, fmt.Errorf("PortBase %d out of range", c.PortBase))
	}
	return errors.Join(errs...)
}

// org is one peer organisation of the network.
type org struct {
	Name   string // ImporterBank
	MSPID  string // ImporterBankMSP
	Domain string // importerbank.example.com
	index  int
}

var orgs = []org{
	{Name: "ImporterBank", MSPID: "ImporterBankMSP", Domain: "importerbank.example.com", index: 0},
	{Name: "ExporterBank", MSPID: "ExporterBankMSP", Domain: "exporterbank.example.com", index: 1},
	{Name: "Customs", MSPID: "CustomsMSP", Domain: "customs.example.com", index: 2},
}

// Ports, as offsets from PortBase.
func (c Config) ordererPort() int      { return c.PortBase }
func (c Config) ordererAdminPort() int { return c.PortBase + 1 }
func (c Config) ordererOpsPort() int   { return c.PortBase + 2 }
func (c Config) peerPort(o org) int    { return c.PortBase + 10 + 10*o.index }
func (c Config) peerCCPort(o org) int  { return c.PortBase + 11 + 10*o.index } // chaincode shim listener
func (c Config) peerOpsPort(o org) int { return c.PortBase + 12 + 10*o.index }
func (c Config) ccaasPort(o org) int   { return c.PortBase + 13 + 10*o.index } // chaincode server

func addr(port int) string { return fmt.Sprintf("127.0.0.1:%d", port) }

func (c Config) path(elem ...string) string {
	return filepath.Join(append([]string{c.Dir}, elem...)...)
}

// Crypto material paths (cryptogen's layout).
func (c Config) ordererOrgDir() string {
	return c.path("crypto", "ordererOrganizations", "example.com")
}
func (c Config) ordererDir() string {
	return filepath.Join(c.ordererOrgDir(), "orderers", "orderer.example.com")
}
func (c Config) orgDir(o org) string  { return c.path("crypto", "peerOrganizations", o.Domain) }
func (c Config) peerDir(o org) string { return filepath.Join(c.orgDir(o), "peers", "peer0."+o.Domain) }
func (c Config) userDir(o org, user string) string {
	return filepath.Join(c.orgDir(o), "users", user+"@"+o.Domain, "msp")
}

// NetworkFile is the description clients load (TRADEFIN_FABRIC_NETWORK).
func (c Config) NetworkFile() string { return c.path("network.json") }
