package stack

import (
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
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

func TestHydraConfigNamesTheSignInApp(t *testing.T) {
	p, _ := NewProfile("test", "/repo")
	h := Hydra{p: p}
	var cfg struct {
		Serve struct{ Public, Admin struct{ Port int } }
		URLs  struct {
			Self           struct{ Issuer string }
			Login, Consent string
		} `json:"urls"`
		Strategies struct {
			AccessToken string `json:"access_token"`
		}
		OAuth2 struct {
			TokenHook struct {
				URL  string
				Auth struct {
					Config struct{ Name, Value string }
				}
			} `json:"token_hook"`
		} `json:"oauth2"`
	}
	if err := yaml.Unmarshal([]byte(h.config("k3y")), &cfg); err != nil {
		t.Fatal(err)
	}
	signin := "http://" + p.Addr(offSignIn)
	if cfg.URLs.Self.Issuer != h.Issuer() || cfg.URLs.Login != signin+"/login" || cfg.URLs.Consent != signin+"/consent" {
		t.Errorf("urls: %+v", cfg.URLs)
	}
	if cfg.Serve.Public.Port != p.Port(offHydraPublic) || cfg.Serve.Admin.Port != p.Port(offHydraAdmin) {
		t.Errorf("ports: %+v", cfg.Serve)
	}
	if cfg.Strategies.AccessToken != "jwt" {
		t.Errorf("access tokens are %q, want JWTs services can verify offline", cfg.Strategies.AccessToken)
	}
	if cfg.OAuth2.TokenHook.URL != signin+"/hooks/token" || cfg.OAuth2.TokenHook.Auth.Config.Value != "k3y" {
		t.Errorf("token hook: %+v", cfg.OAuth2.TokenHook)
	}
	env := h.Env()
	if env["TRADEFIN_OIDC_ISSUER"] != "http://"+p.Addr(offHydraPublic) || env["TRADEFIN_OIDC_AUDIENCE"] != "tradefin" {
		t.Errorf("env: %v", env)
	}
	if strings.HasSuffix(env["TRADEFIN_OIDC_ISSUER"], "/") {
		t.Error("the issuer must be exactly the tokens' iss, which Hydra writes without a trailing slash")
	}
}
