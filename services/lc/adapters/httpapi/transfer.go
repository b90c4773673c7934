package httpapi

import (
	"net/http"

	"github.com/tradefin/tradefin/events/problem"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/events/platform/apispec"
	"github.com/tradefin/tradefin/services/lc/adapters/swiftmap"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// The API's form of a transfer (UCP 600 Art. 38) and of the transferred credit.
type (
	transferDTO struct {
		SecondBeneficiary        partyDTO     `json:"secondBeneficiary"`
		SecondBeneficiaryAccount string       `json:"secondBeneficiaryAccount,omitempty"`
		Amount                   money.Money  `json:"amount"`
		UnitPrice                *money.Money `json:"unitPrice,omitempty"`
		ExpiryDate               domain.Date  `json:"expiryDate,omitzero"`
		LatestShipment           domain.Date  `json:"latestShipment,omitzero"`
		PresentationPeriodDays   int          `json:"presentationPeriodDays,omitempty"`
		InsuranceCoverPct        int64        `json:"insuranceCoverPct,omitempty"`
		SubstituteApplicant      bool         `json:"substituteApplicant,omitempty"`
		// AmendmentsToSecond: whether amendments go to the second beneficiary (Art. 38(e)).
		AmendmentsToSecond *bool `json:"amendmentsToSecondBeneficiary"`
	}
	transferredCreditView struct {
		ID            string                        `json:"id"`
		TradeID       string                        `json:"tradeId"`
		Status        string                        `json:"status"` // the transfer's: REQUESTED, TRANSFERRED
		RequestedBy   identity.Stamp                `json:"requestedBy"`
		TransferredBy string                        `json:"transferredBy,omitempty"`
		TransferredOn domain.Date                   `json:"transferredOn,omitzero"`
		Terms         termsDTO                      `json:"terms"` // the transferred credit's
		Presentations []transferredPresentationView `json:"presentations"`
		Messages      []swiftmap.Message            `json:"messages"`
	}
	transferredPresentationView struct {
		ID           string          `json:"id"`
		Presentation presentationDTO `json:"presentation"`
		Examination  examinationDTO  `json:"examination"` // the transferring bank's, against the transferred terms
		Substituted  bool            `json:"substituted"` // the first beneficiary's invoice went on in its place
		// DemandedOn: the transferring bank's first demand to substitute; AsReceived: it then
		// presented the second beneficiary's documents as received (Art. 38(i)).
		DemandedOn domain.Date `json:"demandedOn,omitzero"`
		AsReceived bool        `json:"asReceived"`
	}
)

func (t transferDTO) domain() domain.Transfer {
	return domain.Transfer{SecondBeneficiary: domain.Party(t.SecondBeneficiary), SecondBeneficiaryAccount: t.SecondBeneficiaryAccount,
		Amount: t.Amount, UnitPrice: t.UnitPrice, ExpiryDate: t.ExpiryDate, LatestShipment: t.LatestShipment,
		PresentationPeriodDays: t.PresentationPeriodDays, InsuranceCoverPct: t.InsuranceCoverPct, SubstituteApplicant: t.SubstituteApplicant,
		AmendmentsToSecondBeneficiary: t.AmendmentsToSecond}
}

func transferredCreditOf(lc *domain.LetterOfCredit) (transferredCreditView, error) {
	tr := lc.Transfer
	v := transferredCreditView{ID: lc.ID, TradeID: lc.TradeID, Status: tr.Status, RequestedBy: tr.RequestedBy, TransferredBy: tr.TransferredBy,
		TransferredOn: tr.TransferredOn, Terms: termsOf(lc.TransferredTerms()), Presentations: []transferredPresentationView{}, Messages: []swiftmap.Message{}}
	for _, p := range tr.Presentations {
		v.Presentations = append(v.Presentations, transferredPresentationView{ID: p.ID, Presentation: presentationOf(p.Presentation),
			Examination: examinationOf(p.Result), Substituted: p.Substituted, DemandedOn: p.DemandedOn, AsReceived: p.AsReceived})
	}
	if tr.Status == domain.TransferTransferred {
		msgs, err := swiftmap.MT720Messages(lc) // MT720, and MT721s when its narrative exceeds it
		if err != nil {
			return v, err
		}
		for _, m := range msgs {
			v.Messages = append(v.Messages, swiftmap.Message{Type: "MT" + m.Type, Text: m.String()})
		}
	}
	return v, nil
}

// registerTransfer mounts the transfer's steps: the first beneficiary asks, the transferring
// bank transfers (MT720), the second beneficiary reads the transferred credit and presents
// under it, the first beneficiary substitutes its invoice and the documents go on to the
// issuing bank (UCP 600 Art. 38(h)).
func registerTransfer(mux *apispec.Mux, a app.Application) {
	c := a.Commands
	transferred := func(w http.ResponseWriter, r *http.Request, lc *domain.LetterOfCredit, err error) {
		if err != nil {
			fail(w, r, err)
			return
		}
		v, err := transferredCreditOf(lc)
		if err != nil {
			fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/transfer-request", func(w http.ResponseWriter, r *http.Request) {
		var req transferDTO
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := c.RequestTransfer.Handle(r.Context(), command.RequestTransfer{CreditID: r.PathValue("id"), Transfer: req.domain()})
		transferred(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/transfer", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			TransferredOn domain.Date `json:"transferredOn"`
		}
		if err := decodeOptional(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := c.TransferCredit.Handle(r.Context(), command.TransferCredit{CreditID: r.PathValue("id"), On: req.TransferredOn})
		transferred(w, r, lc, err)
	})
	mux.HandleFunc("GET /v1/letters-of-credit/{id}/transferred-credit", func(w http.ResponseWriter, r *http.Request) {
		lc, err := a.Queries.TransferredCredit.Get(r.Context(), r.PathValue("id"))
		transferred(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/transferred-credit/presentations", func(w http.ResponseWriter, r *http.Request) {
		var req presentRequest
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		res, err := c.PresentTransferred.Handle(r.Context(), command.PresentTransferred{CreditID: r.PathValue("id"), PresentationID: req.PresentationID,
			Presentation: req.Presentation.domain()})
		examined(w, r, res, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/transferred-credit/presentations/{pid}/substitution", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Invoice documentDTO `json:"invoice"`
		}
		if err := decode(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		res, err := c.SubstituteInvoice.Handle(r.Context(), command.SubstituteInvoice{CreditID: r.PathValue("id"), PresentationID: r.PathValue("pid"),
			Invoice: domain.Document(req.Invoice)})
		examined(w, r, res, err)
	})
	registerTransferSteps(mux, a, transferred)
}

// registerTransferSteps mounts the transferring bank's steps after the transfer: its first
// demand that the first beneficiary substitute its invoice and the presentation of the second
// beneficiary's documents as received (UCP 600 Art. 38(i)); the advice of an amendment to the
// second beneficiary and that beneficiary's own answer (Art. 38(e), (f)).
func registerTransferSteps(mux *apispec.Mux, a app.Application, transferred func(http.ResponseWriter, *http.Request, *domain.LetterOfCredit, error)) {
	c := a.Commands
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/transferred-credit/presentations/{pid}/substitution-demand", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			DemandedOn domain.Date `json:"demandedOn"`
		}
		if err := decodeOptional(r, &req); err != nil {
			fail(w, r, err)
			return
		}
		lc, err := c.DemandSubstitution.Handle(r.Context(), command.DemandSubstitution{CreditID: r.PathValue("id"), PresentationID: r.PathValue("pid"), On: req.DemandedOn})
		transferred(w, r, lc, err)
	})
	mux.HandleFunc("POST /v1/letters-of-credit/{id}/transferred-credit/presentations/{pid}/as-received", func(w http.ResponseWriter, r *http.Request) {
		res, err := c.PresentAsReceived.Handle(r.Context(), command.PresentAsReceived{CreditID: r.PathValue("id"), PresentationID: r.PathValue("pid")})
		examined(w, r, res, err)
	})
	amendmentStepAnswering(mux, "POST /v1/letters-of-credit/{id}/transferred-credit/amendments/{n}/advice", decodeOptional, transferred,
		func(r *http.Request, n int, req struct {
			AdvisedOn domain.Date `json:"advisedOn"`
		}) (*domain.LetterOfCredit, error) {
			return c.AdviseToSecond.Handle(r.Context(), command.AdviseAmendmentToSecond{CreditID: r.PathValue("id"), Number: n, On: req.AdvisedOn})
		})
	amendmentStepAnswering(mux, "POST /v1/letters-of-credit/{id}/transferred-credit/amendments/{n}/answer", decode, transferred,
		func(r *http.Request, n int, req amendmentAnswerRequest) (*domain.LetterOfCredit, error) {
			if req.Accepted == nil {
				return nil, problem.InvalidFields(problem.InvalidParam{Name: "accepted", Reason: "required: true accepts the amendment, false rejects it (UCP 600 Art. 38(f))"})
			}
			if len(req.Excepted) > 0 { // Art. 10(e): partial acceptance is rejection; say so rather than guess
				return nil, problem.InvalidFields(problem.InvalidParam{Name: "excepted", Reason: "answer the amendment as a whole: partial acceptance is a rejection (UCP 600 Art. 10(e)); send accepted false"})
			}
			return c.AnswerTransferred.Handle(r.Context(), command.AnswerTransferredAmendment{CreditID: r.PathValue("id"), Number: n, Accepted: *req.Accepted})
		})
}

// examined answers a presentation's examination.
func examined(w http.ResponseWriter, r *http.Request, res domain.Examination, err error) {
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, examinationOf(res))
}
