package command

import (
	"context"
	"errors"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/customs/domain"
)

type trades interface {
	TradeFile(ctx context.Context, tradeID string) (domain.TradeFile, error)
}

// DefaultTradeWait is how long a creation on a trade waits for customs to learn the trade from
// its credit application (lc.applied.v1 on Kafka). The application is published a moment
// before its parties can act on customs: in the end-to-end trade the exporter registers its
// documents after the credit is issued, advised and accepted, so the event has long arrived; a
// caller quicker than the broker is answered once it has, not refused.
const DefaultTradeWait = 5 * time.Second

// tradePoll is how often a waiting creation looks at the trade again.
const tradePoll = 50 * time.Millisecond

// Trades admits creations to trades (documents, declarations, bills of lading): a trade ID is
// owned by the parties of the credit whose application opened it (domain.TradeOpened).
type Trades struct {
	Repo Repository
	// Wait bounds how long a creation waits for the trade to be known with the caller admitted
	// (DefaultTradeWait when 0). Everyone not admitted waits it out, whether the trade exists or
	// not, so the answer's timing does not tell a stranger that a trade exists either.
	Wait time.Duration
}

// admit returns the trade file of tradeID once actor may take action there, parties being the
// request's parties on that file. The rules that depend on the caller and its request alone are
// answered at once (403); a trade that customs does not know (after the wait) or that does not
// admit the caller is the 404 of a missing trade; a party of the trade in the wrong role gets
// the 403 naming its rule.
func (t Trades) admit(ctx context.Context, actor identity.Actor, action domain.Action, tradeID string, parties func(domain.TradeFile) domain.Parties) (domain.TradeFile, error) {
	if err := domain.ValidTradeID(tradeID); err != nil {
		return domain.TradeFile{}, err
	}
	if err := domain.Authorize(actor, action, parties(domain.TradeFile{})); !errors.Is(err, domain.ErrNotVisible) {
		if err == nil {
			err = errors.New("a creation authorised on no trade") // Authorize admits nobody to an unknown trade
		}
		return domain.TradeFile{}, err
	}
	file, err := t.await(ctx, actor, tradeID)
	if err != nil {
		return file, err
	}
	if err := domain.Authorize(actor, action, parties(file)); err != nil {
		if errors.Is(err, domain.ErrNotVisible) {
			err = notFound("trade-" + tradeID)
		}
		return file, err
	}
	return file, nil
}

// await reads the trade's file until the trade admits actor, or the wait is over.
func (t Trades) await(ctx context.Context, actor identity.Actor, tradeID string) (domain.TradeFile, error) {
	wait := t.Wait
	if wait <= 0 {
		wait = DefaultTradeWait
	}
	deadline := time.Now().Add(wait)
	for {
		file, err := t.Repo.TradeFile(ctx, tradeID)
		if err != nil || file.Trade.Admits(actor) || !time.Now().Before(deadline) {
			return file, err
		}
		select {
		case <-ctx.Done():
			return file, ctx.Err()
		case <-time.After(min(tradePoll, time.Until(deadline))):
		}
	}
}

// TradeOpener records the trades customs learns (adapters/store implements it on the inbox's
// transaction).
type TradeOpener interface {
	// OpenTrade records t, unless its trade is open already: then nil for the same parties,
	// domain.ErrTradeOwned for others.
	OpenTrade(ctx context.Context, t domain.TradeOpened) error
}

// OpenTradeHandler learns a trade from its credit application: the first application opens it,
// bound to its credit's parties.
type OpenTradeHandler struct{ Trades TradeOpener }

// Handle validates and records t.
func (h OpenTradeHandler) Handle(ctx context.Context, t domain.TradeOpened) error {
	t, err := domain.OpenTrade(t)
	if err != nil {
		return err
	}
	return h.Trades.OpenTrade(ctx, t)
}
