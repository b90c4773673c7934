package fabricnet

import (
	"fmt"
	"path/filepath"

	"github.com/tradefin/tradefin/deploy/devstack/proc"
)

// node is one process of the network.
type node struct {
	spec proc.Spec
	addr string // what it listens on, for status lines
}

func (c Config) spec(name string, path string, args []string, env []string) proc.Spec {
	return proc.Spec{
		Name: name, Path: path, Args: args, Env: append(env, "FABRIC_CFG_PATH="+c.path("config")),
		LogFile: c.path("logs", name+".log"), PIDFile: c.path("pids", name+".pid"),
	}
}

func (c Config) ordererNode() node {
	o := c.ordererDir()
	tls := filepath.Join(o, "tls")
	env := []string{
		"FABRIC_LOGGING_SPEC=INFO",
		"ORDERER_GENERAL_LISTENADDRESS=127.0.0.1",
		fmt.Sprintf("ORDERER_GENERAL_LISTENPORT=%d", c.ordererPort()),
		"ORDERER_GENERAL_LOCALMSPID=OrdererMSP",
		"ORDERER_GENERAL_LOCALMSPDIR=" + filepath.Join(o, "msp"),
		"ORDERER_GENERAL_TLS_ENABLED=true",
		"ORDERER_GENERAL_TLS_PRIVATEKEY=" + filepath.Join(tls, "server.key"),
		"ORDERER_GENERAL_TLS_CERTIFICATE=" + filepath.Join(tls, "server.crt"),
		"ORDERER_GENERAL_TLS_ROOTCAS=[" + filepath.Join(tls, "ca.crt") + "]",
		"ORDERER_GENERAL_BOOTSTRAPMETHOD=none", // no system channel: channels join via the admin API
		"ORDERER_CHANNELPARTICIPATION_ENABLED=true",
		"ORDERER_FILELEDGER_LOCATION=" + c.path("data", "orderer"),
		"ORDERER_CONSENSUS_WALDIR=" + c.path("data", "orderer", "etcdraft", "wal"),
		"ORDERER_CONSENSUS_SNAPDIR=" + c.path("data", "orderer", "etcdraft", "snapshot"),
		"ORDERER_OPERATIONS_LISTENADDRESS=" + addr(c.ordererOpsPort()),
		"ORDERER_METRICS_PROVIDER=prometheus", // readiness reads consensus_etcdraft_is_leader
		"ORDERER_ADMIN_LISTENADDRESS=" + addr(c.ordererAdminPort()),
		"ORDERER_ADMIN_TLS_ENABLED=true",
		"ORDERER_ADMIN_TLS_CERTIFICATE=" + filepath.Join(tls, "server.crt"),
		"ORDERER_ADMIN_TLS_PRIVATEKEY=" + filepath.Join(tls, "server.key"),
		"ORDERER_ADMIN_TLS_ROOTCAS=[" + filepath.Join(tls, "ca.crt") + "]",
		"ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true",
		"ORDERER_ADMIN_TLS_CLIENTROOTCAS=[" + filepath.Join(tls, "ca.crt") + "]",
	}
	n := node{spec: c.spec("orderer", filepath.Join(c.Tools.BinDir, "orderer"), nil, env), addr: addr(c.ordererPort())}
	n.spec.Listen = []string{addr(c.ordererPort()), addr(c.ordererAdminPort())}
	return n
}

func (c Config) peerNode(o org) node {
	p := c.peerDir(o)
	env := []string{
		"FABRIC_LOGGING_SPEC=INFO",
		"CORE_PEER_ID=peer0." + o.Domain,
		"CORE_PEER_LOCALMSPID=" + o.MSPID,
		"CORE_PEER_MSPCONFIGPATH=" + filepath.Join(p, "msp"),
		"CORE_PEER_LISTENADDRESS=" + addr(c.peerPort(o)),
		"CORE_PEER_ADDRESS=" + addr(c.peerPort(o)),
		"CORE_PEER_CHAINCODELISTENADDRESS=" + addr(c.peerCCPort(o)),
		"CORE_PEER_CHAINCODEADDRESS=" + addr(c.peerCCPort(o)),
		"CORE_PEER_GOSSIP_BOOTSTRAP=" + addr(c.peerPort(o)),
		// Without an external endpoint other orgs never learn this peer, and the gateway
		// cannot collect cross-organisation endorsements.
		"CORE_PEER_GOSSIP_EXTERNALENDPOINT=" + addr(c.peerPort(o)),
		"CORE_PEER_TLS_ENABLED=true",
		"CORE_PEER_TLS_CERT_FILE=" + filepath.Join(p, "tls", "server.crt"),
		"CORE_PEER_TLS_KEY_FILE=" + filepath.Join(p, "tls", "server.key"),
		"CORE_PEER_TLS_ROOTCERT_FILE=" + filepath.Join(p, "tls", "ca.crt"),
		"CORE_PEER_FILESYSTEMPATH=" + c.path("data", "peer0."+o.Domain),
		"CORE_LEDGER_SNAPSHOTS_ROOTDIR=" + c.path("data", "peer0."+o.Domain, "snapshots"),
		"CORE_OPERATIONS_LISTENADDRESS=" + addr(c.peerOpsPort(o)),
		"CORE_METRICS_PROVIDER=prometheus",
		"CORE_CHAINCODE_EXTERNALBUILDERS=[{name: ccaas, path: " + c.path("builder") + "}]",
	}
	n := node{spec: c.spec("peer0."+o.Name, filepath.Join(c.Tools.BinDir, "peer"), []string{"node", "start"}, env), addr: addr(c.peerPort(o))}
	n.spec.Listen = []string{addr(c.peerPort(o))}
	return n
}

// chaincodeNode is the organisation's chaincode server; the peer dials it with mutual TLS.
func (c Config) chaincodeNode(o org, packageID string) node {
	tls := filepath.Join(c.orgDir(o), "peers", "ccaas."+o.Domain, "tls")
	env := []string{
		"CHAINCODE_ID=" + packageID,
		"CHAINCODE_SERVER_ADDRESS=" + addr(c.ccaasPort(o)),
		"CHAINCODE_TLS_CERT=" + filepath.Join(tls, "server.crt"),
		"CHAINCODE_TLS_KEY=" + filepath.Join(tls, "server.key"),
		"CHAINCODE_CLIENT_CA_CERT=" + filepath.Join(c.orgDir(o), "tlsca", "tlsca."+o.Domain+"-cert.pem"),
	}
	return node{spec: c.spec("chaincode."+o.Name, c.path("bin", "milestonecc"), nil, env), addr: addr(c.ccaasPort(o))}
}

// adminEnv is the peer CLI's environment for org's Admin against its own peer.
func (c Config) adminEnv(o org) []string {
	return []string{
		"CORE_PEER_LOCALMSPID=" + o.MSPID,
		"CORE_PEER_MSPCONFIGPATH=" + c.userDir(o, "Admin"),
		"CORE_PEER_ADDRESS=" + addr(c.peerPort(o)),
		"CORE_PEER_TLS_ENABLED=true",
		"CORE_PEER_TLS_ROOTCERT_FILE=" + filepath.Join(c.peerDir(o), "tls", "ca.crt"),
	}
}

func (c Config) ordererCA() string {
	return filepath.Join(c.ordererOrgDir(), "tlsca", "tlsca.example.com-cert.pem")
}
