package contracts

import (
	"reflect"
	"slices"

	"github.com/tradefin/tradefin/events/identity"
)

// ActorOf is who acted, as the event records it (every contract has an Actor field).
func ActorOf(data any) identity.Stamp {
	v := reflect.ValueOf(data)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return identity.Stamp{}
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return identity.Stamp{}
	}
	if f := v.FieldByName("Actor"); f.IsValid() {
		if s, ok := f.Interface().(identity.Stamp); ok {
			return s
		}
	}
	return identity.Stamp{}
}

// Parties are the organisations an event makes parties of its trade: whoever acted, and the
// organisations the event names (the credit's applicant, beneficiary and banks). The trade view
// shows a trade only to them and the auditor (need-to-know). Sorted, without duplicates.
func Parties(env Envelope) []string {
	var ps []string
	add := func(orgs ...string) {
		for _, o := range orgs {
			if o != "" && o != identity.Workflow.Org {
				ps = append(ps, o)
			}
		}
	}
	add(ActorOf(env.Data).Org)
	switch e := env.Data.(type) {
	case *LCApplied:
		add(e.ApplicantOrg, e.BeneficiaryOrg, e.IssuingBank, e.AdvisingBank)
	case *LCReceived:
		add(e.ApplicantOrg, e.BeneficiaryOrg, e.IssuingBank, e.AdvisingBank)
	case *LCHonoured:
		add(e.IssuingBank, e.AdvisingBank, e.HonouredBy)
	case *LCConfirmed:
		add(e.ConfirmingBank)
	case *LCReimbursementClaimed:
		add(e.ClaimingBank, e.IssuingBank, e.ReimbursingBank)
	case *LCUndertakingDiscounted:
		add(e.NominatedBank)
	case *LCTransferred:
		add(e.TransferringBank, e.SecondBeneficiaryOrg)
	}
	slices.Sort(ps)
	return slices.Compact(ps)
}
