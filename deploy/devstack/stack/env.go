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
