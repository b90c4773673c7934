package stack

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestOAuthClientsPerProfile(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	ids := func(name string) map[string]oauthClient {
		p, err := NewProfile(name, root)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := oauthClients(p)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]oauthClient{}
		for _, c := range cs {
			m[c.ClientID] = c
		}
		return m
	}
	dev, test := ids("dev"), ids("test")
	for _, id := range []string{"tradectl", "tradefin-portal", "seb-backoffice", "maersk-edi", "nclr-gateway"} {
		if _, ok := dev[id]; !ok {
			t.Errorf("dev profile lacks %s", id)
		}
		if _, ok := test[id]; !ok {
			t.Errorf("test profile lacks %s", id)
		}
	}
	for _, id := range []string{"wrong-audience-client", "short-lived-client"} {
		if _, ok := dev[id]; ok {
			t.Errorf("test-only client %s is registered in the dev profile", id)
		}
	}
	tc := test["tradectl"]
	if tc.TokenEndpointAuthMethod != "none" || !slices.Equal(tc.RedirectURIs, []string{"http://127.0.0.1/callback"}) ||
		!slices.Contains(tc.GrantTypes, "authorization_code") || tc.ClientSecret != "" {
		t.Errorf("tradectl is not a public authorization-code client: %+v", tc)
	}
	if wa := test["wrong-audience-client"]; !slices.Equal(wa.Audience, []string{"other-api"}) {
		t.Errorf("wrong-audience-client may ask for %v", wa.Audience)
	}
	if sl := test["short-lived-client"]; sl.lifespan != "1s" || !slices.Equal(sl.Audience, []string{"tradefin"}) {
		t.Errorf("short-lived-client: lifespan %q audience %v", sl.lifespan, sl.Audience)
	}
	if m := test["maersk-edi"]; m.ClientSecret != "maersk-edi-dev-secret" || !slices.Equal(m.GrantTypes, []string{"client_credentials"}) {
		t.Errorf("maersk-edi: %+v", m)
	}
}

func TestHydraEnvironmentNamesTheSignInApp(t *testing.T) {
	p, _ := NewProfile("test", "/repo")
	h := Hydra{p: p}
	env := map[string]string{}
	for _, kv := range h.environment("k3y") {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	signin := "http://" + p.Addr(offSignIn)
	want := map[string]string{
		"URLS_SELF_ISSUER":        h.Issuer(),
		"URLS_LOGIN":              signin + "/login",
		"URLS_CONSENT":            signin + "/consent",
		"STRATEGIES_ACCESS_TOKEN": "jwt", // JWTs services can verify offline
		"SERVE_PUBLIC_PORT":       strconv.Itoa(p.Port(offHydraPublic)),
		"SERVE_ADMIN_PORT":        strconv.Itoa(p.Port(offHydraAdmin)),
		"OAUTH2_TOKEN_HOOK_URL":   signin + "/hooks/token",
	}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("%s=%q, want %q", k, env[k], v)
		}
	}
	var auth struct {
		Type   string
		Config struct{ In, Name, Value string }
	}
	if err := json.Unmarshal([]byte(env["OAUTH2_TOKEN_HOOK_AUTH"]), &auth); err != nil || auth.Type != "api_key" ||
		auth.Config.In != "header" || auth.Config.Name != "X-Signin-Hook-Key" || auth.Config.Value != "k3y" {
		t.Errorf("token hook auth %q: %+v %v", env["OAUTH2_TOKEN_HOOK_AUTH"], auth, err)
	}
	stackEnv := h.Env()
	if stackEnv["TRADEFIN_OIDC_ISSUER"] != "http://"+p.Addr(offHydraPublic) || stackEnv["TRADEFIN_OIDC_AUDIENCE"] != "tradefin" {
		t.Errorf("stack env: %v", stackEnv)
	}
	if strings.HasSuffix(stackEnv["TRADEFIN_OIDC_ISSUER"], "/") {
		t.Error("the issuer must be exactly the tokens' iss, which Hydra writes without a trailing slash")
	}
}
