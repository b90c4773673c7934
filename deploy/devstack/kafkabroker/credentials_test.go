package kafkabroker_test

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// TestCredentialsAreGeneratedOncePrivateAndComplete: the file appears once (parallel callers
// agree on it) with mode 0600, a random password per principal; a readable file is refused; a
// file from before a principal was added keeps its passwords and gains the new one.
func TestCredentialsAreGeneratedOncePrivateAndComplete(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kafka-credentials.json")
	var wg sync.WaitGroup
	got := make([]kafkabroker.Credentials, 8)
	errs := make([]error, len(got))
	for i := range got {
		wg.Add(1)
		go func() { defer wg.Done(); got[i], errs[i] = kafkabroker.LoadOrCreate(path) }()
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if got[i].Passwords["lc"] != got[0].Passwords["lc"] {
			t.Fatal("parallel callers got different credentials")
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	seen := map[string]bool{}
	for _, p := range kafkabroker.Principals() {
		pw := got[0].Passwords[p]
		if len(pw) < 40 || seen[pw] {
			t.Errorf("principal %s: password %d characters, or shared with another principal", p, len(pw))
		}
		seen[pw] = true
	}

	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := kafkabroker.Load(path); err == nil {
		t.Error("a credentials file others may read was accepted")
	}

	// An older file without the portal's principal.
	older := got[0]
	delete(older.Passwords, "portal")
	b, _ := json.Marshal(older)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	upgraded, err := kafkabroker.LoadOrCreate(path)
	if err != nil {
		t.Fatal(err)
	}
	if upgraded.Passwords["lc"] != got[0].Passwords["lc"] || upgraded.Passwords["portal"] == "" {
		t.Errorf("upgrade lost a password or did not add the portal's")
	}
}

// TestRestartTakesTheCredentialsFileAndThePolicyAsTheyAreNow: a broker restarted on its data
// directory with regenerated credentials refuses the old passwords and accepts the new, and an
// ACL granted by hand since (not in the policy) is gone after the restart.
func TestRestartTakesTheCredentialsFileAndThePolicyAsTheyAreNow(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	first, err := kafkabroker.Generate()
	if err != nil {
		t.Fatal(err)
	}
	c, err := kafkabroker.Start(kafkabroker.Options{Partitions: 1, Credentials: &first, DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	addr := c.ListenAddrs()[0]
	// The admin grants lc everything on every topic, outside the policy.
	admin := client(t, addr, first.SASL(kafkabroker.Admin))
	resp, err := admin.CreateACLs(ctx, &kafka.CreateACLsRequest{ACLs: []kafka.ACLEntry{{ResourceType: kafka.ResourceTypeTopic,
		ResourceName: "*", ResourcePatternType: kafka.PatternTypeLiteral, Principal: "User:lc", Host: "*",
		Operation: kafka.ACLOperationTypeAll, PermissionType: kafka.ACLPermissionTypeAllow}}})
	if err != nil || errors.Join(resp.Errors...) != nil {
		t.Fatalf("grant: %v %v", err, resp)
	}
	if err := publish(addr, first.SASL("lc"), kafkabroker.TopicSettlement); err != nil {
		t.Fatalf("the hand-made grant did not take: %v", err)
	}
	c.Close()

	second, err := kafkabroker.Generate()
	if err != nil {
		t.Fatal(err)
	}
	c, err = kafkabroker.Start(kafkabroker.Options{Port: portOf(t, addr), Partitions: 1, Credentials: &second, DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := publish(addr, first.SASL("lc"), kafkabroker.TopicLC); err == nil {
		t.Error("the old password still works after the credentials were regenerated")
	}
	if err := publish(addr, second.SASL("lc"), kafkabroker.TopicLC); err != nil {
		t.Errorf("lc with its new password, on its own topic: %v", err)
	}
	if err := publish(addr, second.SASL("lc"), kafkabroker.TopicSettlement); !errors.Is(err, kafka.TopicAuthorizationFailed) {
		t.Errorf("lc on the settlement topic after the restart: %v, want TopicAuthorizationFailed (the stale grant removed)", err)
	}
}

func publish(addr string, auth kafkapubsub.SASL, topic string) error {
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: []string{addr}, SASL: auth})
	if err != nil {
		return err
	}
	defer pub.Close()
	return pub.Publish(topic, newMessage("x"))
}

func portOf(t *testing.T, addr string) int {
	t.Helper()
	a, err := net.ResolveTCPAddr("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	return a.Port
}
