package main

import (
	"crypto/sha256"
	"crypto/sha512"

	"github.com/IBM/sarama"
	"github.com/xdg-go/scram"

	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// saramaSCRAM makes a Sarama client authenticate with SCRAM as auth. Sarama brings the protocol
// but not the SCRAM client; xdg-go/scram (the one kafka-go uses) does the exchange.
func saramaSCRAM(cfg *sarama.Config, auth kafkapubsub.SASL) {
	cfg.Net.SASL.Enable = true
	cfg.Net.SASL.Handshake = true
	cfg.Net.SASL.User, cfg.Net.SASL.Password = auth.User, auth.Password
	hash, mech := scram.HashGeneratorFcn(sha512.New), sarama.SASLMechanism(sarama.SASLTypeSCRAMSHA512)
	if auth.Mechanism == kafkapubsub.ScramSHA256 {
		hash, mech = scram.HashGeneratorFcn(sha256.New), sarama.SASLTypeSCRAMSHA256
	}
	cfg.Net.SASL.Mechanism = mech
	cfg.Net.SASL.SCRAMClientGeneratorFunc = func() sarama.SCRAMClient { return &scramClient{hash: hash} }
}

// scramClient is sarama.SCRAMClient over one xdg-go/scram conversation.
type scramClient struct {
	hash  scram.HashGeneratorFcn
	convo *scram.ClientConversation
}

func (c *scramClient) Begin(user, password, authzID string) error {
	client, err := c.hash.NewClient(user, password, authzID)
	if err != nil {
		return err
	}
	c.convo = client.NewConversation()
	return nil
}

func (c *scramClient) Step(challenge string) (string, error) { return c.convo.Step(challenge) }

func (c *scramClient) Done() bool { return c.convo.Done() }
