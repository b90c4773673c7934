package fabricnet

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// marker files record one-time steps done, so a restart skips them.
func (c Config) done(step string) bool {
	_, err := os.Stat(c.path("state", step))
	return err == nil
}

func (c Config) markDone(step string) error {
	if err := os.MkdirAll(c.path("state"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(c.path("state", step), []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644)
}

// joinOrderer joins the orderer to the channel through the channel-participation API.
func (c Config) joinOrderer(ctx context.Context) error {
	if c.done("orderer-joined") {
		return nil
	}
	admin := filepath.Join(c.ordererOrgDir(), "users", "Admin@example.com", "tls")
	err := c.run(ctx, "osnadmin", "channel", "join", "--channelID", Channel,
		"--config-block", c.path("channel", Channel+".block"), "-o", addr(c.ordererAdminPort()),
		"--ca-file", c.ordererCA(), "--client-cert", filepath.Join(admin, "client.crt"), "--client-key", filepath.Join(admin, "client.key"))
	if err != nil && !strings.Contains(err.Error(), "already exists") {
		return fmt.Errorf("orderer join %s: %w", Channel, err)
	}
	return c.markDone("orderer-joined")
}

// joinPeer joins org's peer to the channel.
func (c Config) joinPeer(ctx context.Context, o org) error {
	step := "peer-joined." + o.Name
	if c.done(step) {
		return nil
	}
	err := c.runEnv(ctx, c.adminEnv(o), "peer", "channel", "join", "-b", c.path("channel", Channel+".block"))
	if err != nil && !strings.Contains(err.Error(), "already exists") {
		return fmt.Errorf("peer0.%s join %s: %w", o.Name, Channel, err)
	}
	return c.markDone(step)
}

// packageChaincode writes org's chaincode-as-a-service package (its chaincode server's address
// and the TLS material its peer uses to dial it) and returns the package's ID.
func (c Config) packageChaincode(ctx context.Context, o org) (string, error) {
	dir := c.path("pkg", o.Name)
	idFile := filepath.Join(dir, "package_id")
	if b, err := os.ReadFile(idFile); err == nil {
		return strings.TrimSpace(string(b)), nil
	}
	read := func(p string) string { b, _ := os.ReadFile(p); return string(b) }
	peerTLS := filepath.Join(c.peerDir(o), "tls")
	conn, err := json.Marshal(map[string]any{
		"address":              addr(c.ccaasPort(o)),
		"dial_timeout":         "10s",
		"tls_required":         true,
		"client_auth_required": true,
		// The peer presents its own TLS certificate (it carries the clientAuth usage) and checks
		// the chaincode server's certificate against the organisation's TLS CA.
		"client_key":  read(filepath.Join(peerTLS, "server.key")),
		"client_cert": read(filepath.Join(peerTLS, "server.crt")),
		"root_cert":   read(filepath.Join(c.orgDir(o), "tlsca", "tlsca."+o.Domain+"-cert.pem")),
	})
	if err != nil {
		return "", err
	}
	code, err := tgz(map[string][]byte{"connection.json": conn})
	if err != nil {
		return "", err
	}
	meta := []byte(fmt.Sprintf(`{"type":"ccaas","label":"%s_%s"}`, Chaincode, ccVersion))
	pkg, err := tgz(map[string][]byte{"metadata.json": meta, "code.tar.gz": code})
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	pkgFile := filepath.Join(dir, Chaincode+".tgz")
	if err := os.WriteFile(pkgFile, pkg, 0o644); err != nil {
		return "", err
	}
	out, err := c.output(ctx, nil, "peer", "lifecycle", "chaincode", "calculatepackageid", pkgFile)
	if err != nil {
		return "", err
	}
	id := strings.TrimSpace(out)
	return id, os.WriteFile(idFile, []byte(id+"\n"), 0o644)
}

// tgz builds a gzipped tar with files in a fixed order (the package ID is its hash).
func tgz(files map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, name := range []string{"metadata.json", "code.tar.gz", "connection.json"} {
		b, ok := files[name]
		if !ok {
			continue
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(b))}); err != nil {
			return nil, err
		}
		if _, err := tw.Write(b); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// install installs org's package on its peer.
func (c Config) install(ctx context.Context, o org) error {
	step := "installed." + o.Name
	if c.done(step) {
		return nil
	}
	err := c.runEnv(ctx, c.adminEnv(o), "peer", "lifecycle", "chaincode", "install", c.path("pkg", o.Name, Chaincode+".tgz"))
	if err != nil && !strings.Contains(err.Error(), "already successfully installed") {
		return fmt.Errorf("install on peer0.%s: %w", o.Name, err)
	}
	return c.markDone(step)
}

// defineChaincode approves the definition for every organisation and commits it: a 2-of-3
// endorsement policy and the banks' private collection.
func (c Config) defineChaincode(ctx context.Context, ids map[string]string) error {
	if c.done("chaincode-committed") {
		return nil
	}
	common := []string{"--channelID", Channel, "--name", Chaincode, "--version", ccVersion, "--sequence", ccSeq,
		"--signature-policy", endorsementPolicy, "--collections-config", c.path("config", "collections.json")}
	orderer := []string{"-o", addr(c.ordererPort()), "--tls", "--cafile", c.ordererCA()}
	err := forEachOrg(func(o org) error {
		args := append(append([]string{"lifecycle", "chaincode", "approveformyorg"}, orderer...), common...)
		args = append(args, "--package-id", ids[o.Name])
		if err := c.runEnv(ctx, c.adminEnv(o), "peer", args...); err != nil && !strings.Contains(err.Error(), "redefine uncommitted") {
			return fmt.Errorf("approve for %s: %w", o.Name, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	args := append(append([]string{"lifecycle", "chaincode", "commit"}, orderer...), common...)
	for _, o := range orgs {
		args = append(args, "--peerAddresses", addr(c.peerPort(o)), "--tlsRootCertFiles", filepath.Join(c.peerDir(o), "tls", "ca.crt"))
	}
	if err := c.runEnv(ctx, c.adminEnv(orgs[0]), "peer", args...); err != nil {
		return fmt.Errorf("commit chaincode definition: %w", err)
	}
	return c.markDone("chaincode-committed")
}

// forEachOrg runs fn for every organisation concurrently and joins the errors.
func forEachOrg(fn func(org) error) error {
	var wg sync.WaitGroup
	errs := make([]error, len(orgs))
	for i, o := range orgs {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = fn(o) }()
	}
	wg.Wait()
	return errors.Join(errs...)
}
