package stack

// The environment each component contributes (see COMMON conventions in README).

func (k Kafka) Env() map[string]string {
	return map[string]string{"TRADEFIN_KAFKA_BROKERS": k.Address()}
}

func (t Temporal) Env() map[string]string {
	return map[string]string{"TRADEFIN_TEMPORAL_ADDRESS": t.p.Addr(offTemporal), "TRADEFIN_TEMPORAL_NAMESPACE": "default"}
}

func (g Postgres) Env() map[string]string { return map[string]string{"TRADEFIN_POSTGRES_DSN": g.DSN()} }
