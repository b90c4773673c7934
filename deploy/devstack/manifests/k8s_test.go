package manifests_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/yaml"
)

type objects struct {
	deployments []appsv1.Deployment
	services    []corev1.Service
	configMaps  []corev1.ConfigMap
}

// load decodes every document of deploy/k8s strictly: an unknown or misspelt field fails.
func load(t *testing.T) objects {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(repoRoot(t), "deploy", "k8s", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no manifests in deploy/k8s")
	}
	var o objects
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range bytes.Split(b, []byte("\n---\n")) {
			var meta struct{ Kind string }
			if err := yaml.Unmarshal(doc, &meta); err != nil {
				t.Fatalf("%s doc %d: %v", f, i, err)
			}
			var target any
			switch meta.Kind {
			case "Deployment":
				o.deployments = append(o.deployments, appsv1.Deployment{})
				target = &o.deployments[len(o.deployments)-1]
			case "Service":
				o.services = append(o.services, corev1.Service{})
				target = &o.services[len(o.services)-1]
			case "ConfigMap":
				o.configMaps = append(o.configMaps, corev1.ConfigMap{})
				target = &o.configMaps[len(o.configMaps)-1]
			case "Namespace":
				target = &corev1.Namespace{}
			default:
				t.Fatalf("%s doc %d: kind %q is not checked here; add it", f, i, meta.Kind)
			}
			if err := yaml.UnmarshalStrict(doc, target); err != nil {
				t.Errorf("%s doc %d (%s): %v", filepath.Base(f), i, meta.Kind, err)
			}
		}
	}
	return o
}

func TestKubernetesManifestsAreConsistent(t *testing.T) {
	o := load(t)
	if len(o.deployments) != 10 {
		t.Fatalf("%d deployments, want lc, customs, settlement, worker, portal, hydra, signin and three ledger agents", len(o.deployments))
	}
	configs := map[string]bool{}
	for _, c := range o.configMaps {
		configs[c.Name] = true
		if c.Name == "tradefin-platform" && (c.Data["TRADEFIN_OIDC_ISSUER"] == "" || c.Data["TRADEFIN_OIDC_AUDIENCE"] != "tradefin") {
			t.Errorf("config map %s does not name the OIDC issuer and audience", c.Name)
		}
	}
	for _, d := range o.deployments {
		sel := labels.SelectorFromSet(d.Spec.Selector.MatchLabels)
		if !sel.Matches(labels.Set(d.Spec.Template.Labels)) {
			t.Errorf("deployment %s: selector does not match its pod template", d.Name)
		}
		for _, c := range d.Spec.Template.Spec.Containers {
			ready, alive := "/readyz", "/healthz"
			if d.Name == "hydra" { // Ory's own health endpoints, on its admin port
				ready, alive = "/health/ready", "/health/alive"
			}
			if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet.Path != ready || c.LivenessProbe == nil || c.LivenessProbe.HTTPGet.Path != alive {
				t.Errorf("deployment %s: probes must use %s and %s", d.Name, ready, alive)
			}
			for _, e := range c.Env {
				if r := e.ValueFrom; r != nil && r.ConfigMapKeyRef != nil && !configs[r.ConfigMapKeyRef.Name] {
					t.Errorf("deployment %s: %s comes from config map %s, which is not defined", d.Name, e.Name, r.ConfigMapKeyRef.Name)
				}
			}
			for _, ef := range c.EnvFrom {
				if ef.ConfigMapRef != nil && !configs[ef.ConfigMapRef.Name] {
					t.Errorf("deployment %s: config map %s is not defined", d.Name, ef.ConfigMapRef.Name)
				}
			}
		}
		served := false
		for _, s := range o.services {
			if s.Namespace == d.Namespace && labels.SelectorFromSet(s.Spec.Selector).Matches(labels.Set(d.Spec.Template.Labels)) {
				served = true
				for _, p := range s.Spec.Ports {
					if !hasPort(d, p.TargetPort.String()) {
						t.Errorf("service %s: target port %s is not a port of %s", s.Name, p.TargetPort.String(), d.Name)
					}
				}
			}
		}
		if !served {
			t.Errorf("deployment %s has no service", d.Name)
		}
	}
}

func hasPort(d appsv1.Deployment, name string) bool {
	for _, c := range d.Spec.Template.Spec.Containers {
		for _, p := range c.Ports {
			if p.Name == name || name == strconv.Itoa(int(p.ContainerPort)) {
				return true
			}
		}
	}
	return false
}

// Each organisation's Fabric key is mounted into its ledger agent only, and the agent is told
// which organisation it is; no other deployment mounts a Fabric identity.
func TestOnlyTheLedgerAgentsHoldFabricKeys(t *testing.T) {
	agents := map[string]string{"ledger-importerbank": "ImporterBankMSP", "ledger-exporterbank": "ExporterBankMSP", "ledger-customs": "CustomsMSP"}
	seen := 0
	for _, d := range load(t).deployments {
		var secrets []string
		for _, v := range d.Spec.Template.Spec.Volumes {
			if v.Secret != nil && strings.HasPrefix(v.Secret.SecretName, "fabric-") {
				secrets = append(secrets, v.Secret.SecretName)
			}
			if v.Projected != nil {
				for _, src := range v.Projected.Sources {
					if src.Secret != nil && strings.HasPrefix(src.Secret.Name, "fabric-") {
						secrets = append(secrets, src.Secret.Name)
					}
				}
			}
		}
		msp, isAgent := agents[d.Name]
		if !isAgent {
			if len(secrets) > 0 {
				t.Errorf("deployment %s mounts Fabric identities %v; only the ledger agents may", d.Name, secrets)
			}
			continue
		}
		seen++
		want := "fabric-" + strings.TrimPrefix(d.Name, "ledger-")
		if len(secrets) != 1 || secrets[0] != want {
			t.Errorf("ledger agent %s mounts %v, want only %s", d.Name, secrets, want)
		}
		env := map[string]string{}
		for _, e := range d.Spec.Template.Spec.Containers[0].Env {
			env[e.Name] = e.Value
		}
		if env["TRADEFIN_LEDGER_MSP"] != msp || env["TRADEFIN_LEDGER_CERT"] == "" || env["TRADEFIN_LEDGER_KEY"] == "" {
			t.Errorf("ledger agent %s: organisation %q, certificate %q, key %q", d.Name, env["TRADEFIN_LEDGER_MSP"], env["TRADEFIN_LEDGER_CERT"], env["TRADEFIN_LEDGER_KEY"])
		}
		if *d.Spec.Replicas != 1 {
			t.Errorf("ledger agent %s: %d replicas, want 1", d.Name, *d.Spec.Replicas)
		}
	}
	if seen != len(agents) {
		t.Errorf("%d ledger agents deployed, want %d", seen, len(agents))
	}
}
