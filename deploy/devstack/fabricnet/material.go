package fabricnet

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// generate creates, once, everything a new network needs: crypto material, the channel's
// genesis block, the peers' and orderer's configuration, and the chaincode-as-a-service builder.
func (c Config) generate(ctx context.Context) error {
	for _, d := range []string{"config", "channel", "logs", "pids", "data", "bin", "builder/bin"} {
		if err := os.MkdirAll(c.path(d), 0o755); err != nil {
			return err
		}
	}
	if err := os.WriteFile(c.path("config", "crypto-config.yaml"), []byte(cryptoConfig), 0o644); err != nil {
		return err
	}
	if err := c.run(ctx, "cryptogen", "generate", "--config="+c.path("config", "crypto-config.yaml"), "--output="+c.path("crypto")); err != nil {
		return err
	}
	if err := os.WriteFile(c.path("config", "configtx.yaml"), []byte(c.configtx()), 0o644); err != nil {
		return err
	}
	if err := c.run(ctx, "configtxgen", "-configPath", c.path("config"), "-profile", "TradeChannel",
		"-channelID", Channel, "-outputBlock", c.path("channel", Channel+".block")); err != nil {
		return err
	}
	if err := c.writeNodeConfig(); err != nil {
		return err
	}
	return c.writeBuilder()
}

// run runs a Fabric tool, its output kept for the error message.
func (c Config) run(ctx context.Context, tool string, args ...string) error {
	return c.runEnv(ctx, nil, tool, args...)
}

func (c Config) runEnv(ctx context.Context, env []string, tool string, args ...string) error {
	_, err := c.output(ctx, env, tool, args...)
	return err
}

func (c Config) output(ctx context.Context, env []string, tool string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, filepath.Join(c.Tools.BinDir, tool), args...)
	cmd.Env = append(append(cleanEnv(), "FABRIC_CFG_PATH="+c.path("config"), "FABRIC_LOGGING_SPEC=WARN"), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w\n%s", tool, strings.Join(args[:min(2, len(args))], " "), err, out)
	}
	return string(out), nil
}

// cleanEnv is the launcher's environment without Fabric's CORE_/ORDERER_ variables, which
// would silently override the settings given to each node.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CORE_") && !strings.HasPrefix(kv, "ORDERER_") && !strings.HasPrefix(kv, "FABRIC_") {
			env = append(env, kv)
		}
	}
	return env
}

// writeNodeConfig copies Fabric's sample core.yaml and orderer.yaml; the one change to core.yaml
// is an empty Docker endpoint, so the peer never tries to reach a Docker engine.
func (c Config) writeNodeConfig() error {
	core, err := os.ReadFile(filepath.Join(c.Tools.SampleConfig, "core.yaml"))
	if err != nil {
		return err
	}
	const docker = "endpoint: unix:///var/run/docker.sock"
	if !strings.Contains(string(core), docker) {
		return fmt.Errorf("sampleconfig core.yaml has no %q to disable", docker)
	}
	core = []byte(strings.Replace(string(core), docker, `endpoint: ""`, 1))
	if err := os.WriteFile(c.path("config", "core.yaml"), core, 0o644); err != nil {
		return err
	}
	ord, err := os.ReadFile(filepath.Join(c.Tools.SampleConfig, "orderer.yaml"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(c.path("config", "orderer.yaml"), ord, 0o644); err != nil {
		return err
	}
	return os.WriteFile(c.path("config", "collections.json"), []byte(collections), 0o644)
}

// writeBuilder writes the external builder for chaincode-as-a-service packages: nothing is
// compiled or run by the peer; "release" hands it connection.json and the peer dials the
// chaincode server named there.
func (c Config) writeBuilder() error {
	scripts := map[string]string{
		"detect": `#!/bin/sh
# ccaas packages only: metadata.json says "type": "ccaas".
grep -q '"type"[[:space:]]*:[[:space:]]*"ccaas"' "$2/metadata.json" 2>/dev/null
`,
		"build": `#!/bin/sh
set -e
[ -f "$1/connection.json" ] || { echo "ccaas build: no connection.json in package" >&2; exit 1; }
cp "$1/connection.json" "$3/connection.json"
`,
		"release": `#!/bin/sh
set -e
mkdir -p "$2/chaincode/server"
cp "$1/connection.json" "$2/chaincode/server/connection.json"
`,
	}
	for name, body := range scripts {
		if err := os.WriteFile(c.path("builder", "bin", name), []byte(body), 0o755); err != nil {
			return err
		}
	}
	return nil
}

var cryptoConfig = `# cryptogen input: one orderer org, three peer orgs with one peer each. Each peer org also
# gets a "ccaas" TLS identity: the server certificate of its chaincode server.
OrdererOrgs:
  - Name: Orderer
    Domain: example.com
    EnableNodeOUs: true
    Specs:
      - Hostname: orderer
        SANS: [127.0.0.1, localhost]
PeerOrgs:
` + peerOrgYAML("ImporterBank", "importerbank.example.com") + peerOrgYAML("ExporterBank", "exporterbank.example.com") + peerOrgYAML("Customs", "customs.example.com")

func peerOrgYAML(name, domain string) string {
	return fmt.Sprintf(`  - Name: %s
    Domain: %s
    EnableNodeOUs: true
    Template: {Count: 1, SANS: [127.0.0.1, localhost]}
    Specs:
      - Hostname: ccaas
        SANS: [127.0.0.1, localhost]
    Users: {Count: 1}
`, name, domain)
}

// collections: commercial terms are shared by the two banks only (memberOnlyRead/Write);
// Customs endorses milestones but never sees the terms.
const collections = `[
  {
    "name": "bankTerms",
    "policy": "OR('ImporterBankMSP.member','ExporterBankMSP.member')",
    "requiredPeerCount": 0,
    "maxPeerCount": 1,
    "blockToLive": 0,
    "memberOnlyRead": true,
    "memberOnlyWrite": true,
    "endorsementPolicy": {"signaturePolicy": "AND('ImporterBankMSP.peer','ExporterBankMSP.peer')"}
  }
]`
