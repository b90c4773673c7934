package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
	"github.com/tradefin/tradefin/services/portal/adapters/customsapi"
	"github.com/tradefin/tradefin/services/portal/adapters/lcapi"
	"github.com/tradefin/tradefin/services/portal/adapters/settlementapi"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeindex"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeviewapi"
	"github.com/tradefin/tradefin/services/portal/domain"
)

// tradePage is everything of one trade the user may see, each part read with their token: a
// part the service refuses (404: not theirs to see) is left out.
type tradePage struct {
	ID           string
	Today        string
	LastEvent    string
	Timeline     *tradeviewapi.Timeline
	Credit       *lcapi.Credit
	Documents    []customsapi.Document
	Declarations []customsapi.Declaration
	Shipment     *customsapi.Shipment
	Payment      *settlementapi.Payment
	Route        []routeStop
	Actions      map[string]bool // domain.Action → offered (templates index maps by string)
	// Prefills of the forms, from the credit's terms.
	Presentation     *presentationPrefill
	Declaration      *declarationPrefill
	MissingDocuments []string
	Refused          []string         // presentations the applicant may waive
	WaiverRequests   []string         // presentations whose waiver the issuing bank decides
	Queued           []string         // presentations awaiting the issuing bank's examiner
	PendingAmendment *lcapi.Amendment // the amendment awaiting the beneficiary's answer
	Import           *customsapi.Declaration
}

type presentationPrefill struct {
	Place, Currency, Amount, Goods, Applicant, OnBoardDate, PortOfLoading, PortOfDischarge string
	Quantity                                                                               int64
}

type declarationPrefill struct{ Goods, Currency, Amount string }

// routeStop is one DCSA event on the shipment's route line.
type routeStop struct {
	Label string
	Done  bool
}

// ShipmentID is the shipment the portal opens for a trade: one bill of lading per trade.
func ShipmentID(tradeID string) string { return "SHP-" + tradeID }

// CreditID is the credit the portal applies for on a trade.
func CreditID(tradeID string) string { return "LC-" + tradeID }

func (s *Server) gatherTrade(ctx context.Context, u *User, id string) (*tradePage, error) {
	t := &tradePage{ID: id, Today: time.Now().UTC().Format(time.DateOnly)}
	ix, _ := s.index.Trade(id)
	t.LastEvent = ix.LastEvent
	lcID := ix.LCID
	if lcID == "" {
		lcID = CreditID(id)
	}
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	// read runs one read; a 404 (not there, or not the user's to see) leaves its part out.
	read := func(fn func() error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fn(); err != nil && !apiclient.IsNotFound(err) {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	read(func() error {
		tl, err := s.apis.Trades.Get(ctx, u.token, id)
		if err == nil {
			t.Timeline = &tl
		}
		return err
	})
	read(func() error {
		c, err := s.apis.LC.Get(ctx, u.token, lcID)
		if err == nil && c.TradeID == id {
			t.Credit = &c
		}
		return err
	})
	read(func() error {
		docs, err := s.apis.Customs.Documents(ctx, u.token, id)
		t.Documents = docs
		return err
	})
	read(func() error {
		sh, err := s.apis.Customs.Shipment(ctx, u.token, ShipmentID(id))
		if err == nil {
			t.Shipment = &sh
		}
		return err
	})
	decls := make([]*customsapi.Declaration, len(ix.Declarations))
	for i, d := range ix.Declarations {
		read(func() error {
			got, err := s.apis.Customs.Declaration(ctx, u.token, d.ID)
			if err == nil {
				decls[i] = &got
			}
			return err
		})
	}
	wg.Wait()
	for _, d := range decls {
		if d != nil {
			t.Declarations = append(t.Declarations, *d)
		}
	}
	s.readPayment(ctx, u, t, ix)
	if len(errs) > 0 {
		return nil, errs[0]
	}
	t.derive(u)
	return t, nil
}

// readPayment reads the payment the workflow had settlement instruct, or one the index saw.
func (s *Server) readPayment(ctx context.Context, u *User, t *tradePage, ix tradeindex.Trade) {
	ids := slices.Clone(ix.Payments)
	if t.Timeline != nil && t.Timeline.Payment != nil {
		ids = append(ids, settlementapi.ID(t.ID, t.Timeline.Payment.LCID, t.Timeline.Payment.PresentationID))
	}
	for _, id := range slices.Compact(ids) {
		if p, err := s.apis.Settlement.Get(ctx, u.token, id); err == nil {
			t.Payment = &p
			return
		}
	}
}

// visible: the user may see some part of the trade.
func (t *tradePage) visible() bool {
	return t.Timeline != nil || t.Credit != nil || len(t.Documents) > 0 || t.Shipment != nil || t.Payment != nil || len(t.Declarations) > 0
}

// derive works out the offered actions and the forms' prefills.
func (t *tradePage) derive(u *User) {
	f := domain.Trade{}
	if c := t.Credit; c != nil {
		f.Credit = domain.Credit{Status: c.Status, Applicant: c.Terms.Applicant.ID, Beneficiary: c.Terms.Beneficiary.ID,
			IssuingBank: c.Terms.IssuingBank, AdvisingBank: c.Terms.AdvisingBank}
		for _, p := range c.Presentations {
			dp := domain.Presentation{ID: p.ID, Refused: p.Refusal != nil, WaiverRequested: p.Waiver != nil,
				Decided: (p.Waiver != nil && p.Waiver.Decision != "PENDING") || p.Honoured, Honoured: p.Honoured, Queued: p.Status == "QUEUED"}
			f.Credit.Presentations = append(f.Credit.Presentations, dp)
			if dp.Refused && !dp.WaiverRequested && !dp.Honoured {
				t.Refused = append(t.Refused, p.ID)
			}
			if dp.WaiverRequested && !dp.Decided {
				t.WaiverRequests = append(t.WaiverRequests, p.ID)
			}
			if dp.Queued {
				t.Queued = append(t.Queued, p.ID)
			}
		}
		for i, a := range c.Amendments {
			if a.Status == "PROPOSED" {
				t.PendingAmendment = &c.Amendments[i]
			}
		}
		f.Credit.AmendmentProposed = t.PendingAmendment != nil
		f.Credit.CancellationProposed = c.Cancellation != nil && c.Cancellation.Status == "PROPOSED"
		f.Credit = confirmationOf(f.Credit, c)
		t.prefill(c)
	}
	for _, d := range t.Documents {
		f.Documents = append(f.Documents, d.Kind)
	}
	for _, k := range domain.ExportDocuments {
		if !slices.Contains(f.Documents, k) {
			t.MissingDocuments = append(t.MissingDocuments, k)
		}
	}
	for i, d := range t.Declarations {
		f.Declarations = append(f.Declarations, domain.Declaration{Direction: d.Direction, Status: d.Status, Office: d.CustomsOffice, Declarant: d.Declarant})
		if d.Direction == "import" {
			t.Import = &t.Declarations[i]
		}
	}
	f.Shipment = t.Shipment != nil
	if t.Payment != nil {
		f.Payment = t.Payment.Status
	}
	t.Actions = map[string]bool{}
	for _, a := range slices.Concat(domain.Actions(u.Actor, f), domain.CreditChanges(u.Actor, f.Credit), domain.ConfirmationActions(u.Actor, f.Credit)) {
		t.Actions[string(a)] = true
	}
	if t.Shipment != nil {
		t.Route = route(t.Shipment)
	}
}

func (t *tradePage) prefill(c *lcapi.Credit) {
	var amount, currency string
	if c.Terms.Amount != nil {
		amount, currency = c.Terms.Amount.Decimal(), c.Terms.Amount.Currency.Code()
	}
	onBoard := t.Today
	if t.Shipment != nil {
		onBoard = t.Shipment.OnBoardDate
	}
	t.Presentation = &presentationPrefill{Place: c.Terms.ExpiryPlace, Currency: currency, Amount: amount, Goods: c.Terms.Goods.Description,
		Quantity: c.Terms.Goods.Quantity, Applicant: c.Terms.Applicant.Name, OnBoardDate: onBoard,
		PortOfLoading: c.Terms.PortOfLoading, PortOfDischarge: c.Terms.PortOfDischarge}
	t.Declaration = &declarationPrefill{Goods: c.Terms.Goods.Description, Currency: currency, Amount: amount}
}

// route is the shipment's way as DCSA Track & Trace events: loaded and departed at the port of
// loading, arrived and discharged at the port of discharge; a stop is done once an actual (ACT)
// event reports it.
func route(sh *customsapi.Shipment) []routeStop {
	stops := []struct{ code, label string }{{"LOAD", "loaded at " + sh.PortOfLoading}, {"DEPA", "departed " + sh.PortOfLoading},
		{"ARRI", "arrived " + sh.PortOfDischarge}, {"DISC", "discharged at " + sh.PortOfDischarge}}
	var out []routeStop
	for _, st := range stops {
		done := false
		for _, e := range sh.Events {
			done = done || (e.EventCode == st.code && e.Classifier == "ACT")
		}
		out = append(out, routeStop{Label: st.label, Done: done})
	}
	return out
}

func (s *Server) trade(w http.ResponseWriter, r *http.Request, u *User) {
	s.showTrade(w, r, u, http.StatusOK, r.URL.Query().Get("done"), nil)
}

// showTrade renders the trade page, with a flash after a step or the API's problem after a refusal.
func (s *Server) showTrade(w http.ResponseWriter, r *http.Request, u *User, status int, flash string, prob *apiclient.Problem) {
	id := r.PathValue("id")
	t, err := s.gatherTrade(r.Context(), u, id)
	if err != nil {
		s.fail(w, r, u, err)
		return
	}
	if !t.visible() && prob == nil {
		p := &apiclient.Problem{}
		p.Title, p.Status = "Trade not found", http.StatusNotFound
		p.Detail = "there is no trade " + id + ", or your organisation is not party to it"
		s.render(w, r, http.StatusNotFound, "error", page{Title: p.Title, User: u, Problem: p})
		return
	}
	s.render(w, r, status, "trade", page{Title: "Trade " + id, User: u, Flash: flash, Problem: prob, Data: t})
}

// tradeLive is the part of the trade page htmx polls: status, milestones, events, payment.
func (s *Server) tradeLive(w http.ResponseWriter, r *http.Request, u *User) {
	t, err := s.gatherTrade(r.Context(), u, r.PathValue("id"))
	if err != nil {
		// Keep what the page shows; htmx tries again at the next tick.
		w.WriteHeader(http.StatusNoContent)
		return
	}
	s.renderTemplate(w, http.StatusOK, "trade", "live", t)
}

func (s *Server) openTrade(w http.ResponseWriter, r *http.Request, u *User) {
	http.Redirect(w, r, "/trades/"+url.PathEscape(r.URL.Query().Get("id")), http.StatusSeeOther)
}

func (s *Server) trades(w http.ResponseWriter, r *http.Request, u *User) {
	list := s.index.Trades(func(t tradeindex.Trade) bool { return u.IsAuditor() || slices.Contains(t.Parties, u.Org) })
	s.render(w, r, http.StatusOK, "trades", page{Title: "Trades", User: u, Data: struct{ Trades []tradeindex.Trade }{list}})
}

// parseAmount reads a decimal amount in currency's minor units.
func parseAmount(value, currency string) (money.Money, error) {
	c, err := money.ParseCurrency(currency)
	if err != nil {
		return money.Money{}, err
	}
	return money.Parse(value, c)
}
