package command

import (
	"context"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ReceiveCredit is an MT700 a bank received, as its terms: the issuing bank is the message's
// sender, the advising bank its receiver, the applicant and beneficiary those its fields 50 and
// 59 name, identified by the organisations the receiving bank knows them as.
type ReceiveCredit struct {
	Terms     domain.Terms
	IssueDate domain.Date // MT700 31C
}

// ReceiveAmendment is an MT707 a bank received: the amendment of the credit its sender issued
// under number (MT707 23, the issuing bank's reference).
type ReceiveAmendment struct {
	Sender, Receiver domain.BIC
	CreditNumber     string
	Amendment        domain.Amendment // Number is 26E
}

// ReceiveSwiftHandler registers what banks receive by SWIFT: a credit for advice, the amendment
// to advise.
type ReceiveSwiftHandler struct {
	Repo      Repository
	Trades    TradeClaims
	Calendars domain.Calendars
}

// errNotReceiver: a message is registered by the bank it is addressed to, and by no one else.
var errNotReceiver = domain.Forbid("only a trade officer of the bank a SWIFT message is addressed to (its receiver) registers it")

// receiver checks the caller is a trade officer of the message's receiver.
func receiver(ctx context.Context, bic domain.BIC) (identity.Actor, error) {
	a, err := Caller(ctx)
	if err != nil {
		return a, err
	}
	if !a.Acts(identity.Bank, bic, identity.RoleTradeOfficer) {
		return a, errNotReceiver
	}
	return a, nil
}

// HandleCredit registers the credit, ISSUED, for the advising bank to advise. The same MT700
// again is the credit it registered (created false); another one with the same issuing bank and
// number is a conflict.
func (h ReceiveSwiftHandler) HandleCredit(ctx context.Context, c ReceiveCredit) (lc *domain.LetterOfCredit, created bool, err error) {
	a, err := receiver(ctx, c.Terms.AdvisingBank)
	if err != nil {
		return nil, false, err
	}
	lc, err = domain.ReceiveCredit(c.Terms, c.IssueDate, a.Stamp(), h.Calendars)
	if err != nil {
		return nil, false, err
	}
	return createClaimed(ctx, h.Repo, h.Trades, lc, func(existing *domain.LetterOfCredit) (*domain.LetterOfCredit, bool, error) {
		if existing.Terms.AdvisingBank == c.Terms.AdvisingBank && existing.IssueDate == c.IssueDate && existing.Terms.Same(c.Terms) {
			return existing, false, nil
		}
		return nil, false, fmt.Errorf("%w: credit %s of %s was registered with other terms", domain.ErrCreditExists, c.Terms.Number, c.Terms.IssuingBank)
	})
}

// createClaimed stores a new credit once its trade ID is claimed for its parties (a trade has
// one credit, domain.TradeClaim); again answers when a credit has the ID already, stored before
// or concurrently (a retry, or a conflict). An application and a received MT700 both create so.
func createClaimed(ctx context.Context, repo Repository, trades TradeClaims, lc *domain.LetterOfCredit,
	again func(existing *domain.LetterOfCredit) (*domain.LetterOfCredit, bool, error)) (*domain.LetterOfCredit, bool, error) {
	if existing, err := repo.Get(ctx, lc.ID); err == nil {
		return again(existing)
	} else if !errors.Is(err, domain.ErrNotFound) {
		return nil, false, err
	}
	claim := domain.ClaimOf(lc)
	standing, err := trades.Claim(ctx, claim)
	if err != nil {
		return nil, false, err
	}
	if err := standing.Admits(claim); err != nil {
		return nil, false, err
	}
	err = repo.Create(ctx, lc)
	if errors.Is(err, domain.ErrCreditExists) { // the same ID created concurrently
		existing, gerr := repo.Get(ctx, lc.ID)
		if gerr != nil {
			return nil, false, gerr
		}
		return again(existing)
	}
	return lc, err == nil, err
}

// HandleAmendment records the amendment on the credit registered from its MT700, for the
// advising bank to advise. The caller is a trade officer of the receiver, which must be the
// credit's advising bank; the sender must be its issuing bank.
func (h ReceiveSwiftHandler) HandleAmendment(ctx context.Context, c ReceiveAmendment) (*domain.LetterOfCredit, error) {
	if _, err := receiver(ctx, c.Receiver); err != nil {
		return nil, err
	}
	return updateAs(ctx, h.Repo, domain.ReceivedCreditID(c.Sender, c.CreditNumber), domain.ActAdvise, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		_, err := lc.ReceiveAmendment(c.Sender, c.Amendment)
		return err
	})
}
