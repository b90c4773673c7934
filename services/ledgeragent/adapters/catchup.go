package adapters

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/segmentio/kafka-go"
)

// CatchUp returns nil once the index holds every event on Kafka at the time of the call: for
// every partition of every trade topic, the agent's committed offset has reached the end offset
// read at the start. Offsets are committed only after their event is stored, so that is proof the
// index has it. It gives up after CatchUpWait.
func (ix *Indexer) CatchUp(ctx context.Context) error {
	wait := ix.CatchUpWait
	if wait == 0 {
		wait = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	transport, err := ix.SASL.Transport()
	if err != nil {
		return err
	}
	c := &kafka.Client{Addr: kafka.TCP(ix.Brokers...), Timeout: wait, Transport: transport}
	ends, err := ix.endOffsets(ctx, c)
	if err != nil {
		return err
	}
	for {
		behind, err := ix.behind(ctx, c, ends)
		if err == nil && behind == "" {
			return nil
		}
		if err == nil {
			err = errors.New(behind)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("index not caught up with Kafka within %s: %w", wait, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// endOffsets are the offsets the next message of each partition will get, per topic.
func (ix *Indexer) endOffsets(ctx context.Context, c *kafka.Client) (map[string]map[int]int64, error) {
	meta, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: ix.Topics})
	if err != nil {
		return nil, fmt.Errorf("kafka metadata: %w", err)
	}
	req := map[string][]kafka.OffsetRequest{}
	for _, t := range meta.Topics {
		if t.Error != nil {
			return nil, fmt.Errorf("kafka metadata of %s: %w", t.Name, t.Error)
		}
		for _, p := range t.Partitions {
			req[t.Name] = append(req[t.Name], kafka.LastOffsetOf(p.ID))
		}
	}
	res, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: req})
	if err != nil {
		return nil, fmt.Errorf("kafka end offsets: %w", err)
	}
	ends := map[string]map[int]int64{}
	for topic, ps := range res.Topics {
		ends[topic] = map[int]int64{}
		for _, p := range ps {
			if p.Error != nil {
				return nil, fmt.Errorf("kafka end offset of %s/%d: %w", topic, p.Partition, p.Error)
			}
			ends[topic][p.Partition] = p.LastOffset
		}
	}
	return ends, nil
}

// behind names the first partition whose committed offset is short of its end ("" when none).
func (ix *Indexer) behind(ctx context.Context, c *kafka.Client, ends map[string]map[int]int64) (string, error) {
	for _, topic := range ix.Topics {
		parts := make([]int, 0, len(ends[topic]))
		for p, end := range ends[topic] {
			if end > 0 {
				parts = append(parts, p)
			}
		}
		if len(parts) == 0 {
			continue
		}
		res, err := c.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: ix.group(topic), Topics: map[string][]int{topic: parts}})
		if err != nil {
			return "", fmt.Errorf("kafka committed offsets of %s: %w", ix.group(topic), err)
		}
		if res.Error != nil {
			return "", fmt.Errorf("kafka committed offsets of %s: %w", ix.group(topic), res.Error)
		}
		got := map[int]int64{}
		for _, p := range res.Topics[topic] {
			got[p.Partition] = p.CommittedOffset
		}
		for _, p := range parts {
			if got[p] < ends[topic][p] {
				return fmt.Sprintf("%s partition %d indexed to offset %d of %d", topic, p, got[p], ends[topic][p]), nil
			}
		}
	}
	return "", nil
}
