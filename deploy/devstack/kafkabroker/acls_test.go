package kafkabroker_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/segmentio/kafka-go"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// access is what one principal must be allowed; everything else must be refused.
type access struct {
	writes, reads, groups []string
}

var (
	topics = []string{kafkabroker.TopicLC, kafkabroker.TopicCustoms, kafkabroker.TopicSettlement, kafkabroker.TopicPoison}
	// groupsProbed are the consumer groups the stack's processes use, and one nobody owns.
	groupsProbed = []string{"settlement", "customs", "trade-bridge.tradefin.lc.v1", "ledger-importerbank", "ledger-exporterbank",
		"ledger-customs", "portal", "someone-else"}
)

// expected is the least-privilege table, written out here (not derived from the policy) so a
// change of the policy has to change the test too.
var expected = map[string]access{
	"lc":                  {writes: []string{kafkabroker.TopicLC, kafkabroker.TopicPoison}, reads: []string{kafkabroker.TopicCustoms}, groups: []string{"lc"}},
	"customs":             {writes: []string{kafkabroker.TopicCustoms, kafkabroker.TopicPoison}, reads: []string{kafkabroker.TopicLC}, groups: []string{"customs"}},
	"settlement":          {writes: []string{kafkabroker.TopicSettlement, kafkabroker.TopicPoison}, reads: []string{kafkabroker.TopicLC}, groups: []string{"settlement"}},
	"worker":              {writes: []string{kafkabroker.TopicPoison}, reads: []string{kafkabroker.TopicLC, kafkabroker.TopicCustoms, kafkabroker.TopicSettlement}, groups: []string{"trade-bridge.tradefin.lc.v1"}},
	"ledger-importerbank": {reads: []string{kafkabroker.TopicLC, kafkabroker.TopicCustoms, kafkabroker.TopicSettlement}, groups: []string{"ledger-importerbank"}},
	"ledger-exporterbank": {reads: []string{kafkabroker.TopicLC}, groups: []string{"ledger-exporterbank"}},
	"ledger-customs":      {reads: []string{kafkabroker.TopicCustoms}, groups: []string{"ledger-customs"}},
	"portal":              {reads: []string{kafkabroker.TopicLC, kafkabroker.TopicCustoms, kafkabroker.TopicSettlement}, groups: []string{"portal"}},
	"tests":               {writes: topics, reads: topics, groups: groupsProbed},
}

func client(t *testing.T, addr string, auth kafkapubsub.SASL) *kafka.Client {
	t.Helper()
	tr, err := auth.Transport()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tr.CloseIdleConnections)
	return &kafka.Client{Addr: kafka.TCP(addr), Transport: tr, Timeout: 5 * time.Second}
}

// refusedBy reports whether err is the broker's authorization refusal code, and fails the test
// on any other error (a refusal for the wrong reason proves nothing). kafka-go reports a topic
// the principal may not even describe as "topic not found": the broker's metadata answer for it
// must then be TOPIC_AUTHORIZATION_FAILED, as Kafka hides topics from who may not see them.
func refusedBy(t *testing.T, c *kafka.Client, auth kafkapubsub.SASL, topic, what string, err, code error) bool {
	t.Helper()
	switch {
	case err == nil:
		return false
	case errors.Is(err, code):
		return true
	case topic != "" && strings.Contains(err.Error(), "topic not found"):
		// The client's transport answers from its cached view of all topics, which the broker
		// filtered; ask the broker about this topic itself.
		if merr := describe(auth, c.Addr.String(), topic); !errors.Is(merr, kafka.TopicAuthorizationFailed) {
			t.Errorf("%s: %v, and the broker describes %s with %v, want TopicAuthorizationFailed", what, err, topic, merr)
		}
		return true
	default:
		t.Errorf("%s: %v, want success or %v", what, err, code)
		return true
	}
}

// describe asks the broker for topic's partitions over a connection of its own.
func describe(auth kafkapubsub.SASL, addr, topic string) error {
	d, err := auth.Dialer()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ReadPartitions(topic)
	return err
}

// TestEachPrincipalMayOnlyDoWhatItsProcessNeeds checks every principal against every topic
// (produce, fetch) and every consumer group of the stack, on the broker as the stack runs it,
// and prints the matrix.
func TestEachPrincipalMayOnlyDoWhatItsProcessNeeds(t *testing.T) {
	addr, creds, _ := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	admin := client(t, addr, creds.SASL(kafkabroker.Admin))
	var create kafka.CreateTopicsRequest
	for _, topic := range topics {
		create.Topics = append(create.Topics, kafka.TopicConfig{Topic: topic, NumPartitions: 1, ReplicationFactor: 1})
	}
	if resp, err := admin.CreateTopics(ctx, &create); err != nil {
		t.Fatal(err)
	} else {
		for topic, err := range resp.Errors {
			if err != nil {
				t.Fatalf("create %s: %v", topic, err)
			}
		}
	}

	var principals []string
	for p := range expected {
		principals = append(principals, p)
	}
	slices.Sort(principals)
	if want := slices.DeleteFunc(kafkabroker.Principals(), func(p string) bool { return p == kafkabroker.Admin }); !slices.Equal(principals, want) {
		t.Fatalf("the broker knows principals %v; this test covers %v", want, principals)
	}

	var table strings.Builder
	fmt.Fprintf(&table, "%-20s", "principal")
	for _, topic := range topics {
		fmt.Fprintf(&table, " %-24s", topic)
	}
	fmt.Fprintf(&table, " groups allowed\n")
	for _, p := range principals {
		want := expected[p]
		c := client(t, addr, creds.SASL(p))
		fmt.Fprintf(&table, "%-20s", p)
		for _, topic := range topics {
			produce, err := c.Produce(ctx, &kafka.ProduceRequest{Topic: topic, Partition: 0, RequiredAcks: kafka.RequireAll,
				Records: kafka.NewRecordReader(kafka.Record{Value: kafka.NewBytes([]byte("probe from " + p))})})
			if err == nil {
				err = produce.Error
			}
			wrote := !refusedBy(t, c, creds.SASL(p), topic, p+" produce to "+topic, err, kafka.TopicAuthorizationFailed)
			fetch, err := c.Fetch(ctx, &kafka.FetchRequest{Topic: topic, Partition: 0, Offset: 0, MaxBytes: 1 << 16, MaxWait: 10 * time.Millisecond})
			if err == nil {
				err = fetch.Error
			}
			read := !refusedBy(t, c, creds.SASL(p), topic, p+" fetch from "+topic, err, kafka.TopicAuthorizationFailed)
			if wrote != slices.Contains(want.writes, topic) {
				t.Errorf("%s producing to %s: allowed=%v, want %v", p, topic, wrote, !wrote)
			}
			if read != slices.Contains(want.reads, topic) {
				t.Errorf("%s fetching from %s: allowed=%v, want %v", p, topic, read, !read)
			}
			cell := map[[2]bool]string{{false, false}: "-", {true, false}: "write", {false, true}: "read", {true, true}: "read+write"}[[2]bool{wrote, read}]
			fmt.Fprintf(&table, " %-24s", cell)
		}
		var allowed []string
		for _, g := range groupsProbed {
			resp, err := c.FindCoordinator(ctx, &kafka.FindCoordinatorRequest{Key: g, KeyType: kafka.CoordinatorKeyTypeConsumer})
			if err == nil {
				err = resp.Error
			}
			ok := !refusedBy(t, c, creds.SASL(p), "", p+" group "+g, err, kafka.GroupAuthorizationFailed)
			if ok != slices.Contains(want.groups, g) {
				t.Errorf("%s using group %s: allowed=%v, want %v", p, g, ok, !ok)
			}
			if ok {
				allowed = append(allowed, g)
			}
		}
		if len(allowed) == len(groupsProbed) {
			allowed = []string{"all"}
		}
		fmt.Fprintf(&table, " %s\n", strings.Join(allowed, ", "))
	}
	t.Logf("what each principal may do on the broker:\n%s", table.String())

	// Only the admin administers: the tests principal, which may do anything else, may not
	// grant itself or anyone an ACL.
	acl := kafka.ACLEntry{ResourceType: kafka.ResourceTypeTopic, ResourceName: "*", ResourcePatternType: kafka.PatternTypeLiteral,
		Principal: "User:lc", Host: "*", Operation: kafka.ACLOperationTypeAll, PermissionType: kafka.ACLPermissionTypeAllow}
	resp, err := client(t, addr, creds.SASL("tests")).CreateACLs(ctx, &kafka.CreateACLsRequest{ACLs: []kafka.ACLEntry{acl}})
	if err == nil {
		err = errors.Join(resp.Errors...)
	}
	if !errors.Is(err, kafka.ClusterAuthorizationFailed) {
		t.Errorf("tests creating an ACL: %v, want ClusterAuthorizationFailed", err)
	}
}

// TestServicesWorkAsTheirOwnPrincipal: the real clients (kafkapubsub, as the outbox forwarder
// and the consumers use it) work end to end with each process's own principal, and a process
// using another context's topic is refused.
func TestServicesWorkAsTheirOwnPrincipal(t *testing.T) {
	addr, creds, _ := start(t)
	brokers := []string{addr}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	lc, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: brokers, SASL: creds.SASL("lc")})
	if err != nil {
		t.Fatal(err)
	}
	defer lc.Close()
	if err := lc.Publish(kafkabroker.TopicLC, newMessage("honoured")); err != nil {
		t.Fatalf("lc publishing its own events: %v", err)
	}
	if err := lc.Publish(kafkabroker.TopicSettlement, newMessage("forged payment")); !errors.Is(err, kafka.TopicAuthorizationFailed) {
		t.Errorf("lc publishing a settlement event: %v, want TopicAuthorizationFailed", err)
	}

	settlement, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: creds.SASL("settlement"),
		ConsumerGroup: "settlement", SessionTimeout: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer settlement.Close()
	msgs, err := settlement.Subscribe(ctx, kafkabroker.TopicLC)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-msgs:
		m.Ack()
		if string(m.Payload) != "honoured" {
			t.Errorf("settlement read %q", m.Payload)
		}
	case <-ctx.Done():
		t.Fatal("settlement never received lc's event as its own principal")
	}

	// Customs' ledger agent may not even make the subscription: it reads no LC events.
	agent, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: brokers, SASL: creds.SASL("ledger-customs"), ConsumerGroup: "ledger-customs"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer agent.Close()
	if _, err := agent.Subscribe(ctx, kafkabroker.TopicLC); !errors.Is(err, kafka.TopicAuthorizationFailed) {
		t.Errorf("customs' ledger agent subscribing to LC events: %v, want TopicAuthorizationFailed", err)
	}
}

func newMessage(payload string) *message.Message {
	return message.NewMessage(watermill.NewUUID(), []byte(payload))
}
