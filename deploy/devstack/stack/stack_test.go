package stack

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProfilesDoNotShareStateOrPorts(t *testing.T) {
	t.Setenv("TRADEFIN_PORT_BASE", "") // the profiles' own bases, whatever the caller's shell exports
	dev, err := NewProfile("dev", "/repo")
	if err != nil {
		t.Fatal(err)
	}
	test, err := NewProfile("test", "/repo")
	if err != nil {
		t.Fatal(err)
	}
	if dev.Dir == test.Dir {
		t.Fatal("profiles share a state folder")
	}
	lo, hi := test.PortBase, test.PortBase+offLedgerCustoms
	if dev.PortBase+offLedgerCustoms >= lo && dev.PortBase <= hi {
		t.Fatalf("port ranges overlap: dev %d.., test %d..", dev.PortBase, test.PortBase)
	}
	if _, err := NewProfile("prod", "/repo"); err == nil {
		t.Fatal("unknown profile accepted")
	}
	t.Setenv("TRADEFIN_PORT_BASE", "80")
	if _, err := NewProfile("dev", "/repo"); err == nil {
		t.Fatal("privileged port base accepted")
	}
}

func TestFailureNamesComponentAndLog(t *testing.T) {
	log := filepath.Join(t.TempDir(), "kafka.log")
	if err := os.WriteFile(log, []byte("line 1\nbind: address already in use\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := &Failure{Component: "kafka", Log: log, Err: errors.New("not ready")}
	msg := f.Error()
	for _, want := range []string{"kafka failed: not ready", log, "address already in use"} {
		if !strings.Contains(msg, want) {
			t.Errorf("failure message lacks %q:\n%s", want, msg)
		}
	}
}

func TestOnlySelectsComponents(t *testing.T) {
	p, _ := NewProfile("test", "/repo")
	s := New(p, Tools{}, os.Stdout)
	only, err := s.Only("fabric,kafka")
	if err != nil || len(only.Components) != 2 {
		t.Fatalf("Only = %v, %v", only, err)
	}
	if _, err := s.Only("zookeeper"); err == nil {
		t.Fatal("unknown component accepted")
	}
}

// The dev stack runs one ledger agent per organisation, after Fabric and before any process whose
// work ends in a milestone, each with a database of its own and given only its organisation.
func TestDevStackRunsALedgerAgentPerOrganisation(t *testing.T) {
	p, _ := NewProfile("dev", "/repo")
	s := New(p, Tools{}, os.Stdout)
	var names []string
	msps := map[string]string{}
	for _, c := range s.Components {
		names = append(names, c.Name())
		if svc, ok := c.(Service); ok && svc.msp != "" {
			msps[svc.name] = svc.msp
		}
	}
	want := "kafka postgres temporal fabric hydra signin ledger-importerbank ledger-exporterbank ledger-customs lc customs settlement worker portal"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("components %q, want %q", got, want)
	}
	if len(msps) != 3 || msps["ledger-importerbank"] != "ImporterBankMSP" || msps["ledger-exporterbank"] != "ExporterBankMSP" || msps["ledger-customs"] != "CustomsMSP" {
		t.Fatalf("agents' organisations: %v", msps)
	}
	dbs := strings.Join(serviceDatabases(), " ")
	if !strings.Contains(dbs, "tradefin_ledger_importerbank") || !strings.Contains(dbs, "tradefin_ledger_customs") {
		t.Fatalf("databases %s lack the agents'", dbs)
	}
	test, _ := NewProfile("test", "/repo")
	if n := len(New(test, Tools{}, os.Stdout).Components); n != 6 {
		t.Fatalf("the test profile runs %d components, want only the platform's 6", n)
	}
}
