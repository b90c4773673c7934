package ledger

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hyperledger/fabric-gateway/pkg/client"
	"github.com/hyperledger/fabric-protos-go-apiv2/gateway"
	"google.golang.org/grpc/status"
)

var (
	// ErrRefused: the chaincode refused the transaction (wrong order, organisation not entitled,
	// conflicting hash, bad argument). Retrying the same request cannot succeed.
	ErrRefused = errors.New("refused by the chaincode")
	// ErrOutcomeUnknown: the transaction was submitted but its commit status could not be read.
	// It may or may not be on the ledger; retrying is safe because recording is idempotent.
	ErrOutcomeUnknown = errors.New("commit outcome unknown")
	// ErrNotCommitted: ordered but invalidated at commit (e.g. MVCC conflict); retry.
	ErrNotCommitted = errors.New("transaction not committed")
	// ErrUnavailable: endorsement or ordering could not be done (peers or orderer down); retry.
	ErrUnavailable = errors.New("ledger unavailable")
)

// RefusalError carries the chaincode's code (NOT_ENTITLED, OUT_OF_ORDER, ...) and message.
type RefusalError struct {
	Code    string
	Message string
}

func (e *RefusalError) Error() string        { return "ledger: " + e.Message }
func (e *RefusalError) Is(target error) bool { return target == ErrRefused }

// MayPass reports whether the refusal may not hold on a later try. OUT_OF_ORDER can come from an
// endorsing peer that has not yet committed the block holding the previous milestone (another
// organisation committed it through its own peer a moment ago); once the peer catches up, the
// same proposal is accepted. The other refusals are about the request itself and always hold.
func (e *RefusalError) MayPass() bool { return e.Code == "OUT_OF_ORDER" }

// chaincodeCodes are the prefixes the chaincode puts on its refusals.
var chaincodeCodes = []string{"UNKNOWN_MILESTONE", "NOT_ENTITLED", "OUT_OF_ORDER", "CONFLICT", "INVALID_ARGUMENT", "NOT_FOUND"}

// classify turns the gateway's error types into the package's errors, keeping the cause.
func classify(op string, err error) error {
	if err == nil {
		return nil
	}
	msg := chaincodeMessage(err)
	first, code := -1, ""
	for _, c := range chaincodeCodes {
		if i := strings.Index(msg, c+": "); i >= 0 && (first < 0 || i < first) {
			first, code = i, c
		}
	}
	if first >= 0 {
		return &RefusalError{Code: code, Message: msg[first:]}
	}
	var (
		endorse *client.EndorseError
		submit  *client.SubmitError
		unknown *client.CommitStatusError
		commit  *client.CommitError
	)
	switch {
	case errors.As(err, &unknown):
		return fmt.Errorf("%s: %w (tx %s): %v", op, ErrOutcomeUnknown, unknown.TransactionID, err)
	case errors.As(err, &commit):
		return fmt.Errorf("%s: %w (tx %s, status %s)", op, ErrNotCommitted, commit.TransactionID, commit.Code)
	case errors.As(err, &endorse), errors.As(err, &submit):
		return fmt.Errorf("%s: %w: %v", op, ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// chaincodeMessage digs the chaincode's own message out of a gateway error: the peers' messages
// travel in the gRPC status details, one per peer that answered.
func chaincodeMessage(err error) string {
	st, ok := status.FromError(err)
	if !ok {
		return err.Error()
	}
	for _, d := range st.Details() {
		if detail, ok := d.(*gateway.ErrorDetail); ok && detail.GetMessage() != "" {
			return detail.GetMessage()
		}
	}
	return st.Message()
}
