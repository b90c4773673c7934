package fabricnet

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/proc"
	"github.com/tradefin/tradefin/events/ledger"
)

// Progress receives one line per step.
type Progress func(format string, args ...any)

// Up starts the network, creating it on first use. It is idempotent: on an existing state folder
// it keeps the ledgers and only starts the processes that are not running. It returns once a
// Raft leader exists and a transaction endorsed by two organisations has committed.
func Up(ctx context.Context, c Config, p Progress) error {
	c.setDefaults()
	if err := c.Validate(); err != nil {
		return fmt.Errorf("fabric config: %w", err)
	}
	if _, err := os.Stat(c.path("channel", Channel+".block")); err != nil {
		p("fabric: generating crypto material and the %q channel's genesis block", Channel)
		if err := c.generate(ctx); err != nil {
			return err
		}
	}
	if err := c.buildChaincode(ctx); err != nil {
		return err
	}
	if err := c.start(c.ordererNode()); err != nil {
		return err
	}
	if err := waitTCP(ctx, "orderer admin", addr(c.ordererAdminPort()), c.path("logs", "orderer.log")); err != nil {
		return err
	}
	if err := c.joinOrderer(ctx); err != nil {
		return err
	}
	err := forEachOrg(func(o org) error {
		n := c.peerNode(o)
		if err := c.start(n); err != nil {
			return err
		}
		if err := waitTCP(ctx, n.spec.Name, n.addr, n.spec.LogFile); err != nil {
			return err
		}
		return c.joinPeer(ctx, o)
	})
	if err != nil {
		return err
	}
	ids := map[string]string{}
	for _, o := range orgs {
		id, err := c.packageChaincode(ctx, o)
		if err != nil {
			return err
		}
		ids[o.Name] = id
	}
	err = forEachOrg(func(o org) error {
		n := c.chaincodeNode(o, ids[o.Name])
		if err := c.start(n); err != nil {
			return err
		}
		if err := waitTCP(ctx, n.spec.Name, n.addr, n.spec.LogFile); err != nil {
			return err
		}
		return c.install(ctx, o)
	})
	if err != nil {
		return err
	}
	// The lifecycle transactions go through the orderer: wait for its Raft leader first (on a
	// loaded machine the election outlasts the joins), and retry what the orderer refused only
	// for want of a leader.
	if err := proc.Poll(ctx, 100*time.Millisecond, c.raftLeader); err != nil {
		return fmt.Errorf("orderer has no Raft leader (log: %s): %w", c.path("logs", "orderer.log"), err)
	}
	if err := untilLeader(ctx, func() error { return c.defineChaincode(ctx, ids) }); err != nil {
		return err
	}
	if err := c.writeNetwork(); err != nil {
		return err
	}
	return Ready(ctx, c)
}

// untilLeader runs step again while it fails because the orderer has no Raft leader yet (a
// leader change right after the election), for at most a minute.
func untilLeader(ctx context.Context, step func() error) error {
	deadline := time.Now().Add(time.Minute)
	for {
		err := step()
		if err == nil || !strings.Contains(err.Error(), "no Raft leader") || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func (c Config) start(n node) error {
	if _, ok := proc.Running(n.spec.PIDFile); ok {
		return nil
	}
	_, err := proc.Start(n.spec)
	return err
}

// buildChaincode builds the chaincode server from the checkout, so a restart runs current code
// (the package ID stays the same: it names the server's address, not its code).
func (c Config) buildChaincode(ctx context.Context) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", c.path("bin", "milestonecc"), "./cmd/milestonecc")
	cmd.Dir = c.ChaincodeSrc
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("build chaincode: %w\n%s", err, out)
	}
	return nil
}

func waitTCP(ctx context.Context, name, address, log string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := proc.WaitTCP(ctx, address); err != nil {
		return fmt.Errorf("%s did not listen on %s (log: %s): %w", name, address, log, err)
	}
	return nil
}

// Ready waits for a Raft leader, then for a no-op transaction endorsed by two organisations to
// commit through the gateway: only then can services record milestones (after a restart,
// gossip needs a few seconds to rediscover the other organisations' peers).
func Ready(ctx context.Context, c Config) error {
	c.setDefaults()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	if err := proc.Poll(ctx, 100*time.Millisecond, c.raftLeader); err != nil {
		return fmt.Errorf("orderer has no Raft leader (log: %s): %w", c.path("logs", "orderer.log"), err)
	}
	n, err := ledger.LoadNetwork(c.NetworkFile())
	if err != nil {
		return err
	}
	cl, err := ledger.Connect(n, orgs[0].MSPID)
	if err != nil {
		return err
	}
	defer cl.Close()
	err = proc.Poll(ctx, 300*time.Millisecond, func(ctx context.Context) error {
		pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		return cl.Ping(pctx)
	})
	if err != nil {
		return fmt.Errorf("no cross-organisation endorsement (logs: %s): %w", c.path("logs"), err)
	}
	return nil
}

func (c Config) raftLeader(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr(c.ordererOpsPort())+"/metrics", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	want := fmt.Sprintf(`consensus_etcdraft_is_leader{channel=%q} 1`, Channel)
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if sc.Text() == want {
			return nil
		}
	}
	return fmt.Errorf("no leader yet for channel %s", Channel)
}

// Down stops every process of the network; the ledgers stay.
func Down(c Config) error {
	var last error
	for _, name := range c.processNames() {
		if err := proc.Stop(c.path("pids", name+".pid"), 10*time.Second); err != nil {
			last = fmt.Errorf("%s: %w", name, err)
		}
	}
	return last
}

// processNames lists the network's processes, clients first so they stop before what they use.
func (c Config) processNames() []string {
	var names []string
	for _, o := range orgs {
		names = append(names, "chaincode."+o.Name)
	}
	for _, o := range orgs {
		names = append(names, "peer0."+o.Name)
	}
	return append(names, "orderer")
}

// Status is one line per process: name, address, running.
type Status struct {
	Name, Address string
	Running       bool
}

// Statuses reports every process of the network.
func Statuses(c Config) []Status {
	addrs := map[string]string{"orderer": addr(c.ordererPort())}
	for _, o := range orgs {
		addrs["peer0."+o.Name] = addr(c.peerPort(o))
		addrs["chaincode."+o.Name] = addr(c.ccaasPort(o))
	}
	var out []Status
	for _, name := range c.processNames() {
		_, ok := proc.Running(c.path("pids", name+".pid"))
		out = append(out, Status{Name: name, Address: addrs[name], Running: ok})
	}
	return out
}

// writeNetwork writes network.json for clients.
func (c Config) writeNetwork() error {
	n := ledger.Network{Channel: Channel, Chaincode: Chaincode}
	for _, o := range orgs {
		user, err := identity(c.userDir(o, "User1"))
		if err != nil {
			return err
		}
		admin, err := identity(c.userDir(o, "Admin"))
		if err != nil {
			return err
		}
		n.Orgs = append(n.Orgs, ledger.Org{
			Name: o.Name, MSPID: o.MSPID, Peer: addr(c.peerPort(o)), PeerHost: "peer0." + o.Domain,
			TLSCACert: filepath.Join(c.peerDir(o), "tls", "ca.crt"), User: user, Admin: admin,
		})
	}
	return n.Save(c.NetworkFile())
}

// identity finds the certificate and the (only) private key of an MSP folder.
func identity(msp string) (ledger.Identity, error) {
	certs, _ := filepath.Glob(filepath.Join(msp, "signcerts", "*.pem"))
	keys, _ := filepath.Glob(filepath.Join(msp, "keystore", "*"))
	if len(certs) != 1 || len(keys) != 1 {
		return ledger.Identity{}, fmt.Errorf("MSP %s: want one certificate and one key, found %d and %d", msp, len(certs), len(keys))
	}
	return ledger.Identity{Cert: certs[0], Key: keys[0]}, nil
}

// LogTail is the end of a process's log, for error messages.
func LogTail(c Config, name string) string {
	b, err := os.ReadFile(c.path("logs", name+".log"))
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > 10 {
		lines = lines[len(lines)-10:]
	}
	return strings.Join(lines, "\n")
}

// Check is a cheap readiness check for status lines: every process runs, a Raft leader exists
// and a peer answers through the gateway. It commits nothing.
func Check(ctx context.Context, c Config) error {
	c.setDefaults()
	for _, s := range Statuses(c) {
		if !s.Running {
			return fmt.Errorf("%s is not running (log: %s)", s.Name, c.path("logs", s.Name+".log"))
		}
	}
	if err := c.raftLeader(ctx); err != nil {
		return err
	}
	n, err := ledger.LoadNetwork(c.NetworkFile())
	if err != nil {
		return err
	}
	cl, err := ledger.Connect(n, orgs[2].MSPID)
	if err != nil {
		return err
	}
	defer cl.Close()
	return cl.Probe(ctx)
}
