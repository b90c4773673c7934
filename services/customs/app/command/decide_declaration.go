package command

import (
	"context"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// DeclarationHandlers are the officials' and declarants' decisions on a lodged declaration.
type DeclarationHandlers struct {
	Repo   Repository
	Tariff domain.Tariff
}

// Inspect records an inspection's result.
func (h DeclarationHandlers) Inspect(ctx context.Context, id string, passed bool, note, by string) (*domain.Declaration, error) {
	return h.decide(ctx, id, func(d *domain.Declaration) error { return d.Inspect(passed, note, by) })
}

// Clear clears an export.
func (h DeclarationHandlers) Clear(ctx context.Context, id, by string) (*domain.Declaration, error) {
	return h.decide(ctx, id, func(d *domain.Declaration) error { return d.Clear(by) })
}

// AssessDuty assesses an import's duty from the tariff.
func (h DeclarationHandlers) AssessDuty(ctx context.Context, id, by string) (*domain.Declaration, error) {
	return h.decide(ctx, id, func(d *domain.Declaration) error { return d.AssessDuty(h.Tariff, by) })
}

// PayDuty records the duty's payment.
func (h DeclarationHandlers) PayDuty(ctx context.Context, id string, amount money.Money, reference string) (*domain.Declaration, error) {
	return h.decide(ctx, id, func(d *domain.Declaration) error { return d.PayDuty(amount, reference) })
}

// GuaranteeDuty records a guarantee that secures the duty, so the goods may be released first.
func (h DeclarationHandlers) GuaranteeDuty(ctx context.Context, id string, amount money.Money, guarantor, reference string) (*domain.Declaration, error) {
	return h.decide(ctx, id, func(d *domain.Declaration) error { return d.GuaranteeDuty(amount, guarantor, reference) })
}

// Release releases imported goods.
func (h DeclarationHandlers) Release(ctx context.Context, id, by string) (*domain.Declaration, error) {
	return h.decide(ctx, id, func(d *domain.Declaration) error { return d.Release(by) })
}

func (h DeclarationHandlers) decide(ctx context.Context, id string, fn func(*domain.Declaration) error) (*domain.Declaration, error) {
	return h.Repo.UpdateDeclaration(ctx, id, func(d *domain.Declaration) error { return asProblem(fn(d)) })
}
