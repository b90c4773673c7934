// Package kafkabroker runs a Kafka-protocol broker (franz-go's kfake) for the dev stack and tests.
//
// kfake speaks the real Kafka wire protocol, so every client (kafka-go, Sarama, franz-go, kcat)
// talks to it as to Kafka, but it starts in milliseconds and needs no JVM. With a data directory
// its messages and committed group offsets survive a restart.
//
// The broker requires SASL/SCRAM-SHA-512 on every connection and enforces ACLs: each process
// authenticates as its own principal (Credentials) and may only read and write what it needs
// (the policy in acls.go). A client without credentials, with a wrong password or with another
// mechanism has its connection closed before any request is served.
package kafkabroker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
)

// Options configure a broker.
type Options struct {
	Port       int    // 0 picks a free port
	DataDir    string // empty keeps everything in memory
	Partitions int    // partitions of auto-created topics
	Topics     []string
	// Credentials are the principals' passwords (required: the broker never runs open).
	Credentials *Credentials
	// Logger receives the broker's own log (e.g. why it closed a connection); nil discards it.
	Logger kfake.Logger
}

func (o *Options) setDefaults() {
	if o.Partitions == 0 {
		o.Partitions = 4
	}
}

// Validate reports every problem with the options at once.
func (o Options) Validate() error {
	var errs []error
	if o.Port < 0 || o.Port > 65535 {
		errs = append(errs, fmt.Errorf("port %d out of range", o.Port))
	}
	if o.Partitions < 0 {
		errs = append(errs, fmt.Errorf("partitions %d must be positive", o.Partitions))
	}
	if o.Credentials == nil {
		errs = append(errs, errors.New("credentials are required"))
	} else if err := o.Credentials.Validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Start starts a one-broker cluster that requires SASL/SCRAM-SHA-512 and enforces the ACL
// policy; it returns once the ACLs are in place. Close it when done.
func Start(o Options) (*kfake.Cluster, error) {
	o.setDefaults()
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("kafka broker: %w", err)
	}
	if o.DataDir != "" {
		// kfake restores SASL users from its data directory over the configured ones; the
		// credentials file is the only source of truth (a regenerated file must take effect).
		if err := os.Remove(filepath.Join(o.DataDir, "sasl.json")); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("kafka broker: %w", err)
		}
	}
	opts := []kfake.Opt{
		kfake.EnableSASL(),
		kfake.EnableACLs(),
		kfake.Superuser(Mechanism, Admin, o.Credentials.Passwords[Admin]),
		kfake.NumBrokers(1),
		kfake.AllowAutoTopicCreation(),
		kfake.DefaultNumPartitions(o.Partitions),
		// Consumers in tests restart often; a short minimum lets them use short sessions.
		kfake.GroupMinSessionTimeout(100 * time.Millisecond),
	}
	if o.Port != 0 {
		opts = append(opts, kfake.Ports(o.Port))
	}
	if o.DataDir != "" {
		opts = append(opts, kfake.DataDir(o.DataDir))
	}
	if len(o.Topics) > 0 {
		opts = append(opts, kfake.SeedTopics(int32(o.Partitions), o.Topics...))
	}
	if o.Logger != nil {
		opts = append(opts, kfake.WithLogger(o.Logger))
	}
	for p := range policy {
		// Seeded ACLs take effect before the first connection on a fresh data directory.
		opts = append(opts, kfake.User(Mechanism, p, o.Credentials.Passwords[p], acls(p)...))
	}
	c, err := kfake.NewCluster(opts...)
	if err != nil {
		return nil, fmt.Errorf("kafka broker: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := reconcileACLs(ctx, c.ListenAddrs()[0], o.Credentials.Passwords[Admin]); err != nil {
		c.Close()
		return nil, fmt.Errorf("kafka broker: %w", err)
	}
	return c, nil
}
