package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/messaging/poison"
	"github.com/tradefin/tradefin/events/platform"
)

const poisonUsage = "usage: tradectl poison list | tradectl poison replay <message-id>... | tradectl poison replay --all | tradectl outbox parked"

// poisonQueue is the broker's poison topic, reached as TRADEFIN_KAFKA_BROKERS (default the dev
// profile's broker) with the principal of TRADEFIN_KAFKA_USER and TRADEFIN_KAFKA_PASSWORD
// (`eval "$(make -s env)"` sets them).
func poisonQueue() (poison.Queue, error) {
	auth := platform.KafkaSASLFromEnv()
	if err := auth.Validate(); err != nil || auth.User == "" {
		if err == nil {
			err = errors.New("none set: the broker refuses anonymous clients")
		}
		return poison.Queue{}, fmt.Errorf("kafka credentials (TRADEFIN_KAFKA_USER, TRADEFIN_KAFKA_PASSWORD; eval \"$(make -s env)\"): %w", err)
	}
	broker := strings.TrimPrefix(devURL(92), "http://")
	return poison.Queue{Brokers: strings.Split(env("TRADEFIN_KAFKA_BROKERS", broker), ","), SASL: auth}, nil
}

// poisonCommand runs `tradectl poison ...` and `tradectl outbox parked`, printing to out.
func poisonCommand(ctx context.Context, out io.Writer, args []string) error {
	q, err := poisonQueue()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	switch {
	case len(args) == 2 && args[0] == "poison" && args[1] == "list":
		return printRecords(ctx, q, out, eventbus.StageConsumer)
	case len(args) == 2 && args[0] == "outbox" && args[1] == "parked":
		return printRecords(ctx, q, out, eventbus.StageOutbox)
	case len(args) >= 3 && args[0] == "poison" && args[1] == "replay":
		return replay(ctx, q, out, args[2:])
	}
	return errors.New(poisonUsage)
}

func printRecords(ctx context.Context, q poison.Queue, out io.Writer, stage string) error {
	recs, err := q.List(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "TIME\tID\tSOURCE TOPIC\tTYPE\tTRADE\tREASON")
	for _, r := range recs {
		if r.Stage == stage {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Time.UTC().Format(time.RFC3339), r.ID, r.SourceTopic, r.Type, r.TradeID, oneLine(r.Reason))
		}
	}
	return w.Flush()
}

// replay republishes the named messages (or every replayable one with --all) to their source
// topics; consumers' inboxes make a message handled before a no-op.
func replay(ctx context.Context, q poison.Queue, out io.Writer, ids []string) error {
	all := len(ids) == 1 && ids[0] == "--all"
	if !all && slices.Contains(ids, "--all") {
		return errors.New(poisonUsage)
	}
	recs, err := q.List(ctx)
	if err != nil {
		return err
	}
	byID := map[string]poison.Record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	var todo []poison.Record
	if all {
		for _, r := range recs {
			if r.Replayable() == nil {
				todo = append(todo, r)
			}
		}
	} else {
		for _, id := range ids {
			r, ok := byID[id]
			if !ok {
				return fmt.Errorf("no message %s on the poison topic (or it was replayed already)", id)
			}
			if err := r.Replayable(); err != nil {
				return err
			}
			todo = append(todo, r)
		}
	}
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: q.Brokers, SASL: q.SASL})
	if err != nil {
		return err
	}
	defer pub.Close()
	for _, r := range todo {
		if err := poison.Replay(pub, r, time.Now()); err != nil {
			return err
		}
		fmt.Fprintf(out, "replayed %s (%s, trade %s) to %s\n", r.ID, r.Type, r.TradeID, r.SourceTopic)
	}
	if len(todo) == 0 {
		fmt.Fprintln(out, "nothing to replay")
	}
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
