package tools

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// FabricVersion is Fabric's main branch of April 2023 (2.5 era: Gateway service, channel
// participation, no system channel). Fabric publishes no usable v2/v3 module tags, but this
// pseudo-version downloads from the module proxy and builds with current Go.
const FabricVersion = "v1.4.0-rc1.0.20230405174026-695dd57e01c2"

// FabricCommands are the programs the network needs.
var FabricCommands = []string{"peer", "orderer", "configtxgen", "cryptogen", "osnadmin"}

// FabricTools locates the built Fabric programs and Fabric's sample configuration.
type FabricTools struct {
	BinDir       string // peer, orderer, configtxgen, cryptogen, osnadmin
	SampleConfig string // core.yaml, orderer.yaml, configtx.yaml from the module
}

// EnsureFabric builds the Fabric programs when missing (~3 min cold) and returns where they are.
//
// `go install pkg@version` refuses Fabric's module (its go.mod has a replace directive), so a
// throw-away wrapper module requires it, repeats the replace, and builds the five commands.
func EnsureFabric(ctx context.Context, p Progress) (FabricTools, error) {
	root, err := CacheRoot()
	if err != nil {
		return FabricTools{}, err
	}
	dir := filepath.Join(root, "fabric-"+FabricVersion)
	t := FabricTools{BinDir: filepath.Join(dir, "bin"), SampleConfig: filepath.Join(dir, "sampleconfig")}
	if allExist(t) {
		p("fabric %s: cached at %s", FabricVersion, t.BinDir)
		return t, nil
	}
	err = build(p, "fabric "+FabricVersion, "building peer, orderer, configtxgen, cryptogen, osnadmin (about 3 minutes on 2 cores)...", dir, func(tmp string) error { return buildFabric(ctx, tmp) })
	if err != nil {
		return FabricTools{}, err
	}
	return t, nil
}

func allExist(t FabricTools) bool {
	for _, c := range FabricCommands {
		if !exists(filepath.Join(t.BinDir, c)) {
			return false
		}
	}
	return exists(filepath.Join(t.SampleConfig, "core.yaml"))
}

func buildFabric(ctx context.Context, out string) error {
	src := filepath.Join(out, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return err
	}
	gomod := "module fabricbuild\n\ngo 1.26.0\n\nrequire github.com/hyperledger/fabric " + FabricVersion + "\n\n" +
		"replace github.com/cespare/xxhash/v2 => github.com/cespare/xxhash/v2 v2.1.2\n"
	var imports strings.Builder
	for _, c := range FabricCommands {
		fmt.Fprintf(&imports, "\t_ \"github.com/hyperledger/fabric/cmd/%s\"\n", c)
	}
	toolsGo := "//go:build tools\n\npackage tools\n\nimport (\n" + imports.String() + ")\n"
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(src, "tools.go"), []byte(toolsGo), 0o644); err != nil {
		return err
	}
	if err := goCmd(ctx, src, nil, "mod", "tidy"); err != nil {
		return err
	}
	args := []string{"build", "-o", filepath.Join(out, "bin") + "/"}
	for _, c := range FabricCommands {
		args = append(args, "github.com/hyperledger/fabric/cmd/"+c)
	}
	if err := goCmd(ctx, src, nil, args...); err != nil {
		return err
	}
	// Keep a copy of Fabric's sampleconfig: the network's core.yaml and orderer.yaml start from it.
	modDir, err := goOutput(ctx, src, "list", "-m", "-f", "{{.Dir}}", "github.com/hyperledger/fabric")
	if err != nil {
		return err
	}
	if err := os.CopyFS(filepath.Join(out, "sampleconfig"), os.DirFS(filepath.Join(modDir, "sampleconfig"))); err != nil {
		return fmt.Errorf("copy sampleconfig: %w", err)
	}
	return os.RemoveAll(src)
}
