package kafkapubsub_test

import (
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// TestSASLValidate: credentials are whole or absent, the mechanism is SCRAM, and values are
// bounded and printable.
func TestSASLValidate(t *testing.T) {
	ok := []kafkapubsub.SASL{
		{},                                   // no authentication (a broker requiring SASL refuses it)
		{Mechanism: kafkapubsub.ScramSHA512}, // the platform's default mechanism with no user yet
		{User: "lc", Password: "p"},
		{Mechanism: kafkapubsub.ScramSHA256, User: "lc", Password: "p"},
	}
	for _, s := range ok {
		if err := s.Validate(); err != nil {
			t.Errorf("%+v: %v", s, err)
		}
	}
	bad := map[string]kafkapubsub.SASL{
		"user without password":  {User: "lc"},
		"password without user":  {Password: "p"},
		"PLAIN (clear password)": {Mechanism: "PLAIN", User: "lc", Password: "p"},
		"unknown mechanism":      {Mechanism: "OAUTHBEARER", User: "lc", Password: "p"},
		"overlong user":          {User: strings.Repeat("u", 256), Password: "p"},
		"overlong password":      {User: "lc", Password: strings.Repeat("p", 1025)},
		"control character":      {User: "lc\n", Password: "p"},
	}
	for name, s := range bad {
		if err := s.Validate(); err == nil {
			t.Errorf("%s accepted", name)
		}
		if _, err := s.Dialer(); err == nil {
			t.Errorf("%s: a dialer was made", name)
		}
		if _, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: []string{"127.0.0.1:1"}, SASL: s}); err == nil {
			t.Errorf("%s: a publisher was made", name)
		}
		if _, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: []string{"127.0.0.1:1"}, SASL: s}, nil); err == nil {
			t.Errorf("%s: a subscriber was made", name)
		}
	}
}
