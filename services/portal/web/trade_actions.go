package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
	"github.com/tradefin/tradefin/services/portal/adapters/customsapi"
	"github.com/tradefin/tradefin/services/portal/adapters/lcapi"
	"github.com/tradefin/tradefin/services/portal/domain"
)

// tradeStep is one action's call to its service; the string is what the page then says.
type tradeStep func(s *Server, r *http.Request, u *User, t *tradePage) (string, error)

var tradeSteps = map[domain.Action]tradeStep{
	domain.Issue: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return "Credit issued (MT700).", s.apis.LC.Issue(r.Context(), u.token, t.Credit.ID, r.FormValue("issueDate"))
	},
	domain.ApproveIssue: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return "Issue approved.", s.apis.LC.ApproveIssue(r.Context(), u.token, t.Credit.ID)
	},
	domain.Advise: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return "Credit advised.", s.apis.LC.Advise(r.Context(), u.token, t.Credit.ID, r.FormValue("advisedOn"))
	},
	domain.Accept: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return "Credit accepted.", s.apis.LC.Accept(r.Context(), u.token, t.Credit.ID, r.FormValue("acceptedOn"))
	},
	domain.RegisterDocs: registerDocument,
	domain.DeclareExport: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return lodge(s, r, u, t, "export")
	},
	domain.DeclareImport: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return lodge(s, r, u, t, "import")
	},
	domain.Present: present,
	domain.Waive: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return "Discrepancies waived; the issuing bank decides.", s.apis.LC.Waive(r.Context(), u.token, t.Credit.ID, r.FormValue("presentation"), t.Today)
	},
	domain.Examine: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		honour := r.FormValue("decision") == "HONOUR"
		msg := "Presentation honoured."
		if !honour {
			msg = "Presentation refused (MT734); the applicant may waive."
		}
		return msg, s.apis.LC.DecideExamination(r.Context(), u.token, t.Credit.ID, r.FormValue("presentation"), honour, r.FormValue("disposal"))
	},
	domain.DecideWaiver: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		ok := r.FormValue("accepted") == "yes"
		msg := "Waiver rejected: the refusal stands."
		if ok {
			msg = "Waiver accepted: the credit is honoured (MT752)."
		}
		return msg, s.apis.LC.DecideWaiver(r.Context(), u.token, t.Credit.ID, r.FormValue("presentation"), ok, t.Today)
	},
	domain.PayDuty: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		if t.Import == nil || t.Import.Duty == nil {
			return "", errors.New("no duty is assessed")
		}
		return "Duty paid.", s.apis.Customs.PayDuty(r.Context(), u.token, t.Import.ID, *t.Import.Duty, r.FormValue("reference"))
	},
	domain.GuaranteeDuty: guaranteeDuty,
	domain.Amend:         amend,
	domain.AnswerAmend: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		if t.PendingAmendment == nil {
			return "", errors.New("no amendment awaits your answer")
		}
		ok := r.FormValue("accepted") == "yes"
		return map[bool]string{true: "Amendment accepted: the credit's terms change.", false: "Amendment rejected: the terms stand."}[ok],
			s.apis.LC.AnswerAmendment(r.Context(), u.token, t.Credit.ID, t.PendingAmendment.Number, ok)
	},
	domain.AdviseAmend: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		if t.PendingAmendment == nil {
			return "", errors.New("no amendment awaits your advice")
		}
		return "Amendment advised to the beneficiary (UCP 600 Art. 9(d)).", s.apis.LC.AdviseAmendment(r.Context(), u.token, t.Credit.ID, t.PendingAmendment.Number)
	},
	domain.Cancel: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return "Cancellation proposed; the beneficiary answers.", s.apis.LC.ProposeCancellation(r.Context(), u.token, t.Credit.ID, r.FormValue("reason"))
	},
	domain.AnswerCancel: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		ok := r.FormValue("accepted") == "yes"
		return map[bool]string{true: "Cancellation consented: the credit is cancelled.", false: "Cancellation refused: the credit stands."}[ok],
			s.apis.LC.AnswerCancellation(r.Context(), u.token, t.Credit.ID, ok)
	},
	domain.ReportSettled: func(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
		return "Payment reported settled (pacs.002 ACSC).", s.apis.Settlement.ReportStatus(r.Context(), u.token, *t.Payment, "ACSC")
	},
}

// tradeAction runs one step the page offered, then shows the trade again (303, so a reload does
// not post twice); a refusal is shown on the page with the API's problem.
func (s *Server) tradeAction(w http.ResponseWriter, r *http.Request, u *User) {
	id, act := r.PathValue("id"), domain.Action(r.PathValue("action"))
	step, ok := tradeSteps[act]
	if !ok {
		http.NotFound(w, r)
		return
	}
	t, err := s.gatherTrade(r.Context(), u, id)
	if err != nil {
		s.fail(w, r, u, err)
		return
	}
	if !t.Actions[string(act)] {
		p := &apiclient.Problem{}
		p.Title, p.Status, p.Detail = "Not your step now", http.StatusConflict, "the trade has moved on, or this step is not yours to take"
		s.showTrade(w, r, u, http.StatusConflict, "", p)
		return
	}
	msg, err := step(s, r, u, t)
	if err != nil {
		p, ok := apiclient.AsProblem(err)
		if !ok {
			p = &apiclient.Problem{}
			p.Title, p.Status, p.Detail = "The step failed", http.StatusBadRequest, err.Error()
		}
		s.showTrade(w, r, u, p.Status, "", p)
		return
	}
	http.Redirect(w, r, "/trades/"+url.PathEscape(id)+"?done="+url.QueryEscape(msg), http.StatusSeeOther)
}

// registerDocument hashes nothing itself: customs hashes the content (SHA-256), registers the
// fingerprint and does not keep the file; the page then shows the hash.
func registerDocument(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
	f, _, err := r.FormFile("file")
	if err != nil {
		return "", errors.New("choose the document's file")
	}
	defer f.Close()
	content, err := io.ReadAll(io.LimitReader(f, maxForm))
	if err != nil {
		return "", err
	}
	d, err := s.apis.Customs.RegisterDocument(r.Context(), u.token, customsapi.NewDocument{TradeID: t.ID, Kind: r.FormValue("kind"),
		Issuer: r.FormValue("issuer"), IssueDate: r.FormValue("issueDate"), Content: content})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s registered, SHA-256 %s.", d.Kind, d.SHA256), nil
}

// lodge lodges the export or import declaration with the trade's registered export documents.
func lodge(s *Server, r *http.Request, u *User, t *tradePage, direction string) (string, error) {
	value, err := parseAmount(r.FormValue("value"), r.FormValue("currency"))
	if err != nil {
		return "", fieldProblem("lines.0.customsValue", err.Error())
	}
	var docs []string
	for _, d := range t.Documents {
		for _, k := range domain.ExportDocuments {
			if d.Kind == k {
				docs = append(docs, d.SHA256)
			}
		}
	}
	prefix := map[string]string{"export": "EXP-", "import": "IMP-"}[direction]
	_, err = s.apis.Customs.Lodge(r.Context(), u.token, customsapi.NewDeclaration{ID: prefix + t.ID, TradeID: t.ID, Direction: direction,
		CustomsOffice: r.FormValue("customsOffice"), OriginCountry: r.FormValue("originCountry"), DestinationCountry: r.FormValue("destinationCountry"),
		Lines: []customsapi.Line{{HSCode: r.FormValue("hsCode"), Description: r.FormValue("description"), CustomsValue: value}}, Documents: docs})
	return "The " + direction + " declaration is lodged.", err
}

// present presents the registered documents with the data the form states; the LC service
// examines them at once under UCP 600.
func present(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
	c := t.Credit
	if c.Terms.Amount == nil {
		return "", errors.New("the credit states no amount")
	}
	amount, err := parseAmount(r.FormValue("invoiceAmount"), c.Terms.Amount.Currency.Code())
	if err != nil {
		return "", fieldProblem("presentation.documents.0.amount", err.Error())
	}
	qty, _ := strconv.ParseInt(r.FormValue("quantity"), 10, 64)
	sha := map[string]string{}
	issued := map[string]string{}
	for _, d := range t.Documents {
		sha[d.Kind], issued[d.Kind] = d.SHA256, d.IssueDate
	}
	date := r.FormValue("date")
	dated := func(kind string) string {
		if issued[kind] != "" {
			return issued[kind]
		}
		return date
	}
	p := lcapi.Presented{Documents: []lcapi.PresentedDocument{
		{Kind: "commercial_invoice", IssueDate: dated("commercial_invoice"), Issuer: c.Terms.Beneficiary.Name, SHA256: sha["commercial_invoice"],
			MadeOutTo: r.FormValue("madeOutTo"), Amount: &amount, GoodsDescription: r.FormValue("goodsDescription"), Quantity: qty},
		{Kind: "bill_of_lading", IssueDate: r.FormValue("onBoardDate"), SHA256: sha["bill_of_lading"], OnBoardNotation: r.FormValue("onBoardNotation") == "yes",
			OnBoardDate: r.FormValue("onBoardDate"), PortOfLoading: r.FormValue("portOfLoading"), PortOfDischarge: r.FormValue("portOfDischarge")},
		{Kind: "packing_list", IssueDate: dated("packing_list"), Issuer: c.Terms.Beneficiary.Name, SHA256: sha["packing_list"],
			GoodsDescription: r.FormValue("goodsDescription"), Quantity: qty},
		{Kind: "certificate_of_origin", IssueDate: dated("certificate_of_origin"), Issuer: r.FormValue("originIssuer"), SHA256: sha["certificate_of_origin"]},
	}}
	pid := fmt.Sprintf("P-%d", len(c.Presentations)+1)
	ex, err := s.apis.LC.Present(r.Context(), u.token, c.ID, pid, p)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("Presentation %s is queued for the issuing bank's examination by %s (the automatic examination found %d discrepancies).",
		pid, ex.Deadline, len(ex.Discrepancies)), nil
}

// fieldProblem is a form value the portal could not read, shown as the API shows its own.
func fieldProblem(field, reason string) *apiclient.Problem {
	p := &apiclient.Problem{}
	p.Title, p.Status = "Your request parameters didn't validate", http.StatusBadRequest
	p.InvalidParams = append(p.InvalidParams, problem.InvalidParam{Name: field, Reason: reason})
	return p
}

// guaranteeDuty has a guarantor secure the assessed import duty; customs checks that it covers
// the duty, and its refusal is shown next to the form's fields (named as the API names them).
func guaranteeDuty(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
	if t.Import == nil || t.Import.Duty == nil {
		return "", errors.New("no duty is assessed")
	}
	amount, err := parseAmount(r.FormValue("amount"), t.Import.Duty.Currency.Code())
	if err != nil {
		return "", fieldProblem("amount", err.Error())
	}
	guarantor := r.FormValue("guarantor")
	return "Duty guaranteed by " + guarantor + ".", s.apis.Customs.GuaranteeDuty(r.Context(), u.token, t.Import.ID, amount, guarantor, r.FormValue("reference"))
}

// amend proposes the amendment the form states: new dates, and an increase or a decrease of the
// amount in the credit's currency. Empty fields change nothing; the LC service refuses an
// amendment that changes nothing, or both raises and lowers the amount.
func amend(s *Server, r *http.Request, u *User, t *tradePage) (string, error) {
	c := t.Credit
	am := lcapi.Changes{Date: r.FormValue("date"), NewExpiry: r.FormValue("newExpiry"), NewLatestShipment: r.FormValue("newLatestShipment")}
	if v := r.FormValue("amountChange"); v != "" && c.Terms.Amount != nil {
		field := r.FormValue("direction")
		if field != "increase" && field != "decrease" {
			return "", fieldProblem("direction", "increase or decrease")
		}
		m, err := parseAmount(v, c.Terms.Amount.Currency.Code())
		if err != nil {
			return "", fieldProblem("amountChange", err.Error())
		}
		if field == "increase" {
			am.Increase = &m
		} else {
			am.Decrease = &m
		}
	}
	return "Amendment proposed (MT707); the beneficiary answers.", s.apis.LC.Amend(r.Context(), u.token, c.ID, am)
}
