package command

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// ApplyStatusReport applies a pacs.002, decoded by the adapter that received it, to a payment.
type ApplyStatusReport struct {
	PaymentID string
	Report    domain.StatusReport
}

// ApplyStatusReportHandler applies the report, made by the settlement bank or the debtor bank,
// to the attempt it reports on (domain.Payment.ApplyReport).
type ApplyStatusReportHandler struct {
	Repo   Repository
	Now    func() time.Time
	Policy Policy
}

// Handle applies the report as actor.
func (h ApplyStatusReportHandler) Handle(ctx context.Context, actor identity.Actor, c ApplyStatusReport) (*domain.Payment, error) {
	return updateAs(ctx, h.Repo, h.Policy, actor, domain.ActReportStatus, c.PaymentID, func(p *domain.Payment) error {
		return p.ApplyReport(c.Report, actor.Stamp(), h.Now())
	})
}
