package domain

// The statuses the worker's chain verification gives each link (workflows/verification).
const (
	LinkOK       = "OK"
	LinkMismatch = "MISMATCH"
	LinkPending  = "PENDING" // on Kafka, held by the running workflow for a milestone not yet committed
)

// LinkColour is how the auditor's page shows a link: green when every source agrees, amber while
// a running trade has not committed the milestone yet, red for any disagreement or a status the
// portal does not know (a check it cannot read as passed has not passed).
func LinkColour(status string) string {
	switch status {
	case LinkOK:
		return "green"
	case LinkPending:
		return "amber"
	}
	return "red"
}

// ChainIntact: the chain verifies when no link is red; a chain with no link verifies nothing.
func ChainIntact(statuses []string) bool {
	for _, s := range statuses {
		if LinkColour(s) == "red" {
			return false
		}
	}
	return len(statuses) > 0
}
