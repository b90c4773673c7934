package contracts

import (
	"reflect"
	"slices"
	"strings"
)

// Types maps every event type name to its payload's Go type. Names are explicit strings: a Go
// type can be renamed without breaking the wire.
var types = map[string]reflect.Type{
	"lc.applied.v1":                    reflect.TypeFor[LCApplied](),
	"lc.received.v1":                   reflect.TypeFor[LCReceived](), // a credit issued outside (lc_received.go)
	"lc.issued.v1":                     reflect.TypeFor[LCIssued](),
	"lc.advised.v1":                    reflect.TypeFor[LCAdvised](),
	"lc.accepted.v1":                   reflect.TypeFor[LCAccepted](),
	"lc.documents_presented.v1":        reflect.TypeFor[DocumentsPresented](),
	"lc.documents_refused.v1":          reflect.TypeFor[DocumentsRefused](),
	"lc.discrepancies_waived.v1":       reflect.TypeFor[DiscrepanciesWaived](),
	"lc.honoured.v1":                   reflect.TypeFor[LCHonoured](),
	"lc.amended.v1":                    reflect.TypeFor[LCAmended](),
	"lc.amendment_issued.v1":           reflect.TypeFor[LCAmendmentIssued](),
	"lc.transferred.v1":                reflect.TypeFor[LCTransferred](),
	"lc.expired.v1":                    reflect.TypeFor[LCExpired](),
	"lc.cancelled.v1":                  reflect.TypeFor[LCCancelled](),
	"lc.fully_drawn.v1":                reflect.TypeFor[LCFullyDrawn](),
	"customs.document_registered.v1":   reflect.TypeFor[DocumentRegistered](),
	"customs.export_declared.v1":       reflect.TypeFor[ExportDeclared](),
	"customs.export_cleared.v1":        reflect.TypeFor[ExportCleared](),
	"customs.bill_of_lading_issued.v1": reflect.TypeFor[BillOfLadingIssued](),
	"customs.transport_event.v1":       reflect.TypeFor[TransportEvent](),
	"customs.import_declared.v1":       reflect.TypeFor[ImportDeclared](),
	"customs.duty_assessed.v1":         reflect.TypeFor[DutyAssessed](),
	"customs.duty_paid.v1":             reflect.TypeFor[DutyPaid](),
	"customs.import_released.v1":       reflect.TypeFor[ImportReleased](),
	"settlement.payment_initiated.v1":  reflect.TypeFor[PaymentInitiated](),
	"settlement.payment_settled.v1":    reflect.TypeFor[PaymentSettled](),
	"settlement.payment_failed.v1":     reflect.TypeFor[PaymentFailed](),
	// A confirmed credit and its reimbursement (confirmation.go).
	"lc.confirmed.v1":                     reflect.TypeFor[LCConfirmed](),
	"lc.reimbursement_claimed.v1":         reflect.TypeFor[LCReimbursementClaimed](),
	"settlement.reimbursement_settled.v1": reflect.TypeFor[ReimbursementSettled](),
	"lc.undertaking_discounted.v1":        reflect.TypeFor[LCUndertakingDiscounted](), // discount.go
}

// names is the inverse of types.
var names = func() map[reflect.Type]string {
	m := make(map[reflect.Type]string, len(types))
	for n, t := range types {
		m[t] = n
	}
	return m
}()

// NewPayload returns a pointer to a new zero value of the payload type named typeName, for a
// decoder to fill, and whether the name is registered.
func NewPayload(typeName string) (any, bool) {
	t, ok := types[typeName]
	if !ok {
		return nil, false
	}
	return reflect.New(t).Interface(), true
}

// TypeName returns the event type name of a payload (a value or pointer of a contract type).
func TypeName(payload any) (string, bool) {
	t := reflect.TypeOf(payload)
	if t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	n, ok := names[t]
	return n, ok
}

// Topic is the Kafka topic of an event type: one topic per bounded context and version line,
// e.g. "tradefin.lc.v1".
func Topic(typeName string) string {
	ctx, _, _ := strings.Cut(typeName, ".")
	return "tradefin." + ctx + ".v1"
}

// PoisonTopic receives messages that cannot be handled, for an operator to inspect.
const PoisonTopic = "tradefin.poison"

// Topics are the topics of every registered event type, sorted: every trade topic.
func Topics() []string {
	var out []string
	for typ := range types {
		if t := Topic(typ); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}
