package stack

// The environment each component contributes (see COMMON conventions in README).

// Env gives whoever uses the stack from outside (tests, benchmarks, a shell) the tests principal;
// the stack's own processes get their own principal instead (Service.Start).
func (k Kafka) Env() map[string]string {
	env := k.principalEnv(TestsPrincipal)
	env["TRADEFIN_KAFKA_BROKERS"] = k.Address()
	return env
}

func (t Temporal) Env() map[string]string {
	return map[string]string{"TRADEFIN_TEMPORAL_ADDRESS": t.p.Addr(offTemporal), "TRADEFIN_TEMPORAL_NAMESPACE": "default"}
}

func (g Postgres) Env() map[string]string { return map[string]string{"TRADEFIN_POSTGRES_DSN": g.DSN()} }

// portalEnv says where the portal is reached (the base of the redirect URI its OAuth client is
// registered with, oauthclients.go) and where htmx and the tests' browser are.
func portalEnv(p Profile, t Tools) map[string]string {
	env := map[string]string{"TRADEFIN_PORTAL_URL": "http://" + p.Addr(offPortal)}
	if t.HTMX != "" {
		env["TRADEFIN_PORTAL_HTMX"] = t.HTMX
	}
	if t.Chromium != "" {
		env["TRADEFIN_CHROMIUM"] = t.Chromium
	}
	return env
}

// portalServiceEnv gives the portal process the APIs it calls.
func portalServiceEnv(p Profile) []string {
	url := func(off int) string { return "http://" + p.Addr(off) }
	return []string{"TRADEFIN_LC_URL=" + url(offLC), "TRADEFIN_CUSTOMS_URL=" + url(offCustoms),
		"TRADEFIN_SETTLEMENT_URL=" + url(offSettlement), "TRADEFIN_TRADES_URL=" + url(offWorker)}
}
