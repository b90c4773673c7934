package manifests_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/tradefin/tradefin/deploy/devstack/kafkabroker"
)

func loadCompose(t *testing.T) *types.Project {
	t.Helper()
	root := repoRoot(t)
	opts, err := cli.NewProjectOptions([]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root), cli.WithName("tradefin"),
		// The secrets compose requires from whoever runs it.
		cli.WithEnv([]string{"HYDRA_SECRETS_SYSTEM=test-secret-of-32-characters-or-more", "TRADEFIN_SIGNIN_HOOK_KEY=test-hook-key"}))
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("docker-compose.yml does not load: %v", err)
	}
	return p
}

func env(s types.ServiceConfig, key string) string {
	if v := s.Environment[key]; v != nil {
		return *v
	}
	return ""
}

// TestComposeKafkaRequiresSCRAMAndGrantsThePolicy: on Docker, too, Kafka takes no anonymous
// client (every listener reachable from the network is SASL with SCRAM-SHA-512, ACLs are
// enforced), kafka-init creates exactly the native stack's principals with exactly its grants,
// and each service authenticates as its own principal with the password kafka-init set.
func TestComposeKafkaRequiresSCRAMAndGrantsThePolicy(t *testing.T) {
	p := loadCompose(t)
	kafka, err := p.GetService("kafka")
	if err != nil {
		t.Fatal(err)
	}
	protocols := map[string]string{}
	for _, m := range strings.Split(env(kafka, "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"), ",") {
		name, proto, _ := strings.Cut(m, ":")
		protocols[name] = proto
	}
	for _, l := range strings.Split(env(kafka, "KAFKA_LISTENERS"), ",") {
		name, addr, _ := strings.Cut(l, "://")
		if !strings.HasPrefix(addr, "127.0.0.1:") && protocols[name] != "SASL_PLAINTEXT" && protocols[name] != "SASL_SSL" {
			t.Errorf("listener %s (%s) is reachable from the network without SASL", name, protocols[name])
		}
	}
	if got := env(kafka, "KAFKA_SASL_ENABLED_MECHANISMS"); got != kafkabroker.Mechanism {
		t.Errorf("mechanisms %q, want %s only", got, kafkabroker.Mechanism)
	}
	if env(kafka, "KAFKA_AUTHORIZER_CLASS_NAME") == "" || env(kafka, "KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND") != "false" {
		t.Error("Kafka does not enforce ACLs")
	}

	initSvc, err := p.GetService("kafka-init")
	if err != nil {
		t.Fatal(err)
	}
	if initSvc.NetworkMode != "service:kafka" || initSvc.DependsOn["kafka"].Condition != types.ServiceConditionHealthy {
		t.Errorf("kafka-init must share kafka's network (for the loopback listener) and wait for it healthy: %q %+v", initSvc.NetworkMode, initSvc.DependsOn)
	}
	users, rules := readKafkaInit(t)
	want := slices.DeleteFunc(kafkabroker.Principals(), func(p string) bool { return p == "tests" }) // no tests run on compose
	if !slices.Equal(users, want) {
		t.Errorf("kafka-init creates users %v, want the stack's principals %v", users, want)
	}
	for _, u := range users {
		if u == kafkabroker.Admin {
			continue
		}
		got, exp := rules[u], kafkabroker.Rules(u)
		slices.Sort(got)
		slices.Sort(exp)
		if !slices.Equal(got, exp) {
			t.Errorf("kafka-init grants %s %v; the policy (kafkabroker) grants %v", u, got, exp)
		}
	}

	for _, name := range []string{"lc", "customs", "settlement", "worker"} {
		s, _ := p.GetService(name)
		if env(s, "TRADEFIN_KAFKA_USER") != name || env(s, "TRADEFIN_KAFKA_SASL_MECHANISM") != kafkabroker.Mechanism {
			t.Errorf("%s authenticates as %q with %q, want %s with %s", name, env(s, "TRADEFIN_KAFKA_USER"),
				env(s, "TRADEFIN_KAFKA_SASL_MECHANISM"), name, kafkabroker.Mechanism)
		}
		set := env(initSvc, "TRADEFIN_KAFKA_PASSWORD_"+strings.ToUpper(strings.ReplaceAll(name, "-", "_")))
		if pw := env(s, "TRADEFIN_KAFKA_PASSWORD"); pw == "" || pw != set {
			t.Errorf("%s's password is not the one kafka-init gives its user", name)
		}
		if s.DependsOn["kafka-init"].Condition != types.ServiceConditionCompletedSuccessfully {
			t.Errorf("%s does not wait for kafka-init to create the users", name)
		}
	}
}

// readKafkaInit reads kafka-init.sh's `user <principal> ...` and `produces|consumes|groups
// <principal> <name>` lines.
func readKafkaInit(t *testing.T) (users []string, rules map[string][]string) {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot(t), "deploy/docker/kafka-init.sh"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rules = map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 {
			continue
		}
		switch fields[0] {
		case "user":
			users = append(users, fields[1])
		case "produces", "consumes", "groups":
			rules[fields[1]] = append(rules[fields[1]], fields[0]+" "+fields[2])
		}
	}
	slices.Sort(users)
	return users, rules
}
