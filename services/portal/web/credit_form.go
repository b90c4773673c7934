package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
	"github.com/tradefin/tradefin/services/portal/adapters/lcapi"
)

// creditForm is the importer's application (MT700 fields), its inputs named by the JSON path the
// LC API's problem details use, so each refusal is shown next to its field.
type creditForm struct {
	Values map[string]string
	Docs   map[string]bool
	Errors map[string]string
	Kinds  []string
}

// Err is the API's reason for a field.
func (f creditForm) Err(name string) string { return f.Errors[name] }

// V is a field's value.
func (f creditForm) V(name string) string { return f.Values[name] }

var documentKinds = []string{"commercial_invoice", "bill_of_lading", "packing_list", "certificate_of_origin", "insurance_document"}

func (s *Server) creditForm(w http.ResponseWriter, r *http.Request, u *User) {
	today := time.Now().UTC()
	d := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	f := creditForm{Kinds: documentKinds, Errors: map[string]string{}, Docs: map[string]bool{"commercial_invoice": true, "bill_of_lading": true,
		"packing_list": true, "certificate_of_origin": true}, Values: map[string]string{
		// MT700 20 is mandatory (1 to 16 characters): the LC service renders the MT700 at issue.
		"tradeId": "T-" + today.Format("20060102-150405"), "terms.number": "ILC" + today.Format("060102150405"), "terms.applicant.name": u.OrgName,
		"terms.amount.currency": "EUR", "terms.expiryDate": d(45), "terms.latestShipment": d(30),
		"terms.partialShipments": "NOT ALLOWED", "terms.transhipment": "NOT ALLOWED", "terms.goods.unit": "cartons",
		"terms.presentationPeriodDays": "21",
	}}
	s.render(w, r, http.StatusOK, "credit_form", page{Title: "Apply for a credit", User: u, Data: f})
}

func (s *Server) applyForCredit(w http.ResponseWriter, r *http.Request, u *User) {
	f := creditForm{Kinds: documentKinds, Values: map[string]string{}, Docs: map[string]bool{}, Errors: map[string]string{}}
	for k := range r.PostForm {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	for _, k := range r.PostForm["terms.documentsRequired"] {
		f.Docs[k] = true
	}
	v := f.V
	app := lcapi.Application{TradeID: v("tradeId"), Terms: lcapi.Terms{
		Number: v("terms.number"), Applicant: lcapi.Party{ID: u.Org, Name: v("terms.applicant.name")},
		Beneficiary: lcapi.Party{ID: v("terms.beneficiary.id"), Name: v("terms.beneficiary.name")},
		IssuingBank: v("terms.issuingBank"), AdvisingBank: v("terms.advisingBank"),
		ExpiryDate: v("terms.expiryDate"), ExpiryPlace: v("terms.expiryPlace"), LatestShipment: v("terms.latestShipment"),
		PartialShipments: v("terms.partialShipments"), Transhipment: v("terms.transhipment"),
		PortOfLoading: v("terms.portOfLoading"), PortOfDischarge: v("terms.portOfDischarge"),
		Goods:    lcapi.Goods{Description: v("terms.goods.description"), Unit: v("terms.goods.unit"), CountedInUnits: v("terms.goods.countedInUnits") == "yes"},
		Incoterm: v("terms.incoterm"), DocumentsRequired: r.PostForm["terms.documentsRequired"],
		BeneficiaryAccount: v("terms.beneficiaryAccount"), AccountCurrency: v("terms.accountCurrency"),
	}}
	app.ID = CreditID(app.TradeID)
	var local []problem.InvalidParam
	if v("terms.amount") != "" {
		if m, err := parseAmount(v("terms.amount"), v("terms.amount.currency")); err != nil {
			local = append(local, problem.InvalidParam{Name: "terms.amount", Reason: err.Error()})
		} else {
			app.Terms.Amount = &m
		}
	}
	for _, n := range []struct {
		field string
		into  *int64
	}{{"terms.goods.quantity", &app.Terms.Goods.Quantity}} {
		if s := v(n.field); s != "" {
			q, err := strconv.ParseInt(s, 10, 64)
			if err != nil || q < 0 {
				local = append(local, problem.InvalidParam{Name: n.field, Reason: "a whole number"})
			}
			*n.into = q
		}
	}
	if s := v("terms.presentationPeriodDays"); s != "" {
		app.Terms.PresentationPeriod, _ = strconv.Atoi(s)
	}
	var err error
	if len(local) > 0 {
		p := &apiclient.Problem{}
		p.Title, p.Status, p.InvalidParams = "Your request parameters didn't validate", http.StatusBadRequest, local
		err = p
	} else {
		_, err = s.apis.LC.Apply(r.Context(), u.token, app)
	}
	if err != nil {
		p, ok := apiclient.AsProblem(err)
		if !ok {
			s.fail(w, r, u, err)
			return
		}
		for _, ip := range p.InvalidParams {
			f.Errors[fieldOf(ip.Name)] = ip.Reason
		}
		s.render(w, r, p.Status, "credit_form", page{Title: "Apply for a credit", User: u, Problem: p, Data: f})
		return
	}
	http.Redirect(w, r, "/trades/"+url.PathEscape(app.TradeID)+"?done="+url.QueryEscape("Application filed: credit "+app.ID+"."), http.StatusSeeOther)
}

// fieldOf is the form field a problem's parameter belongs to: the amount's parts to the amount.
func fieldOf(param string) string {
	if param == "terms.amount.minor" {
		return "terms.amount"
	}
	return param
}
