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
	lo, hi := test.PortBase, test.PortBase+offPortal
	if dev.PortBase+offPortal >= lo && dev.PortBase <= hi {
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
