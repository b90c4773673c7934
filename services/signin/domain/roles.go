package domain

import (
	"slices"

	"github.com/tradefin/tradefin/events/identity"
)

// rolesByKind are the roles a person or machine of an organisation of each kind may hold: a
// trader cannot be made a customs officer by a typo in the directory.
var rolesByKind = map[identity.OrgKind][]string{
	identity.Bank:     {identity.RoleTradeOfficer, identity.RoleApprover, identity.RolePaymentsOfficer},
	identity.Trader:   {identity.RoleTrader},
	identity.Customs:  {identity.RoleCustomsOfficer},
	identity.Carrier:  {identity.RoleCarrierAgent},
	identity.Auditor:  {identity.RoleAuditor},
	identity.Platform: nil,
}

const maxRoles = 8

// validateRoles checks that roles is a non-empty set of roles an organisation of kind k grants.
func validateRoles(entry string, k identity.OrgKind, roles []string) error {
	if len(roles) == 0 || len(roles) > maxRoles {
		return fieldErr(entry, "roles", "1 to %d roles", maxRoles)
	}
	for i, r := range roles {
		if !slices.Contains(rolesByKind[k], r) {
			return fieldErr(entry, "roles", "%s cannot be held in a %s organisation (allowed: %v)", quote(r), k, rolesByKind[k])
		}
		if slices.Contains(roles[:i], r) {
			return fieldErr(entry, "roles", "%s is listed twice", quote(r))
		}
	}
	return nil
}
