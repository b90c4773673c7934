package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// DeclarationHandlers are the officials' and declarants' decisions on a lodged declaration. Each
// is authorised against the declaration as stored, inside the same load-decide-save.
type DeclarationHandlers struct {
	Repo   Repository
	Tariff domain.Tariff
}

// Inspect records an inspection's result.
func (h DeclarationHandlers) Inspect(ctx context.Context, actor identity.Actor, id string, passed bool, note string) (*domain.Declaration, error) {
	return h.decide(ctx, actor, id, domain.ActInspectDeclaration, func(d *domain.Declaration, by identity.Stamp) error { return d.Inspect(passed, note, by) })
}

// Clear clears an export.
func (h DeclarationHandlers) Clear(ctx context.Context, actor identity.Actor, id string) (*domain.Declaration, error) {
	return h.decide(ctx, actor, id, domain.ActClearExport, func(d *domain.Declaration, by identity.Stamp) error { return d.Clear(by) })
}

// AssessDuty assesses an import's duty from the tariff.
func (h DeclarationHandlers) AssessDuty(ctx context.Context, actor identity.Actor, id string) (*domain.Declaration, error) {
	return h.decide(ctx, actor, id, domain.ActAssessDuty, func(d *domain.Declaration, by identity.Stamp) error { return d.AssessDuty(h.Tariff, by) })
}

// PayDuty records the duty's payment.
func (h DeclarationHandlers) PayDuty(ctx context.Context, actor identity.Actor, id string, amount money.Money, reference string) (*domain.Declaration, error) {
	return h.decide(ctx, actor, id, domain.ActPayDuty, func(d *domain.Declaration, by identity.Stamp) error { return d.PayDuty(amount, reference, by) })
}

// GuaranteeDuty records a guarantee that secures the duty, so the goods may be released first.
func (h DeclarationHandlers) GuaranteeDuty(ctx context.Context, actor identity.Actor, id string, amount money.Money, guarantor, reference string) (*domain.Declaration, error) {
	return h.decide(ctx, actor, id, domain.ActGuaranteeDuty, func(d *domain.Declaration, by identity.Stamp) error {
		return d.GuaranteeDuty(amount, guarantor, reference, by)
	})
}

// Release releases imported goods.
func (h DeclarationHandlers) Release(ctx context.Context, actor identity.Actor, id string) (*domain.Declaration, error) {
	return h.decide(ctx, actor, id, domain.ActReleaseGoods, func(d *domain.Declaration, by identity.Stamp) error { return d.Release(by) })
}

func (h DeclarationHandlers) decide(ctx context.Context, actor identity.Actor, id string, action domain.Action, fn func(*domain.Declaration, identity.Stamp) error) (*domain.Declaration, error) {
	return h.Repo.UpdateDeclaration(ctx, id, func(d *domain.Declaration) error {
		if err := authorize(actor, action, d.Parties(), "declaration-"+id); err != nil {
			return err
		}
		return fn(d, actor.Stamp())
	})
}
