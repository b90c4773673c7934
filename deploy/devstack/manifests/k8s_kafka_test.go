package manifests_test

import (
	"slices"
	"testing"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
)

// TestKubernetesDeploymentsAuthenticateToKafkaAsThemselves: the platform config names the
// mechanism; every Deployment that is one of the broker's principals authenticates as itself,
// with its password from a Secret of its own (never a literal in the manifest), and none as
// another.
func TestKubernetesDeploymentsAuthenticateToKafkaAsThemselves(t *testing.T) {
	o := load(t)
	mechanism := ""
	for _, c := range o.configMaps {
		if v, ok := c.Data["TRADEFIN_KAFKA_SASL_MECHANISM"]; ok {
			mechanism = v
		}
	}
	if mechanism != kafkabroker.Mechanism {
		t.Errorf("TRADEFIN_KAFKA_SASL_MECHANISM %q in the platform config, want %s", mechanism, kafkabroker.Mechanism)
	}
	principals := kafkabroker.Principals()
	for _, d := range o.deployments {
		user, secret, literal := "", "", false
		for _, c := range d.Spec.Template.Spec.Containers {
			for _, e := range c.Env {
				switch e.Name {
				case "TRADEFIN_KAFKA_USER":
					user = e.Value
				case "TRADEFIN_KAFKA_PASSWORD":
					literal = e.Value != ""
					if e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil {
						secret = e.ValueFrom.SecretKeyRef.Name
					}
				}
			}
		}
		if !slices.Contains(principals, d.Name) {
			if user != "" {
				t.Errorf("deployment %s authenticates to Kafka as %q, but is no principal of its own", d.Name, user)
			}
			continue
		}
		if user != d.Name {
			t.Errorf("deployment %s authenticates to Kafka as %q, want %s", d.Name, user, d.Name)
		}
		if literal || secret != "kafka-user-"+d.Name {
			t.Errorf("deployment %s: Kafka password from secret %q (literal %v), want the Secret kafka-user-%s", d.Name, secret, literal, d.Name)
		}
	}
}
