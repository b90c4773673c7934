package main

import (
	"net/http"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/workflows/verification"
)

// registerVerification mounts GET /v1/trades/{id}/verification beside the trade view: Kafka as
// the worker's own principal, the workflow through Temporal, and the ledger through every
// organisation's peer with the identities network.json names (evaluate only, nothing signed).
// The services' stores are compared when TRADEFIN_VERIFY_<SERVICE>_DSN names them. Without a
// readable network the route answers 503 and the rest of the worker runs on. It returns what to
// close on exit.
func registerVerification(mux *http.ServeMux, rt *platform.Runtime) func() {
	network, err := ledger.LoadNetwork(rt.Config.FabricNetwork)
	var peers verification.Peers
	if err == nil {
		peers, err = verification.ConnectPeers(network)
	}
	if err != nil {
		rt.Log.Warn("trade verification unavailable: the ledger cannot be read", "err", err)
		mux.Handle(verification.Route, identity.Required(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			problem.Write(w, r, problem.New(problem.Unavailable, "Verification unavailable", "the worker cannot read the ledger"))
		})))
		return func() {}
	}
	s := verification.Sources{Temporal: rt.Temporal, KafkaBrokers: rt.Config.KafkaBrokers, KafkaSASL: rt.Config.KafkaSASL, Peers: peers,
		ServiceDSNs: verification.ServiceDSNsFromEnv()}
	mux.Handle(verification.Route, identity.Required(verification.Handler(s)))
	return peers.Close
}
