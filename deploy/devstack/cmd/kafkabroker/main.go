// Command kafkabroker runs the dev stack's Kafka-protocol broker until it is signalled. It
// requires SASL/SCRAM-SHA-512 with the principals of -credentials (the launcher generates the
// file once per profile) and enforces each principal's ACLs.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
)

func main() {
	var o kafkabroker.Options
	var topics, credentials string
	flag.IntVar(&o.Port, "port", 9092, "listen port on 127.0.0.1")
	flag.StringVar(&o.DataDir, "data", "", "data directory (messages and group offsets survive restarts)")
	flag.IntVar(&o.Partitions, "partitions", 4, "partitions of each topic")
	flag.StringVar(&topics, "topics", "", "comma-separated topics to create at start")
	flag.StringVar(&credentials, "credentials", "", "principals' passwords (JSON, mode 0600; required)")
	flag.Parse()
	if topics != "" {
		o.Topics = strings.Split(topics, ",")
	}
	if credentials == "" {
		fmt.Fprintln(os.Stderr, "kafkabroker: -credentials is required (the broker never runs without authentication)")
		os.Exit(2)
	}
	creds, err := kafkabroker.Load(credentials)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kafkabroker:", err)
		os.Exit(1)
	}
	o.Credentials = &creds
	o.Logger = brokerLog{}
	c, err := kafkabroker.Start(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kafkabroker:", err)
		os.Exit(1)
	}
	slog.Info("kafka broker listening", "addrs", c.ListenAddrs(), "data", o.DataDir, "sasl", kafkabroker.Mechanism,
		"principals", len(creds.Passwords))
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	c.Close() // flushes the data directory
	slog.Info("kafka broker stopped")
}
