package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"time"

	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
	"github.com/tradefin/tradefin/services/portal/adapters/customsapi"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeindex"
	"github.com/tradefin/tradefin/services/portal/domain"
)

// queued is a declaration in the officer's queue.
type queued struct {
	customsapi.Declaration
	Lodged time.Time
	Age    string
}

// laneOrder puts red first: the lanes a queue works by (customs' risk rule table).
var laneOrder = map[string]int{"RED": 0, "YELLOW": 1, "GREEN": 2}

// declarationQueue lists the declarations the customs service lets this officer see, by risk
// lane and then oldest first. The index knows which declarations exist; customs decides which
// are this office's (need-to-know: the others answer 404 and are left out).
func (s *Server) declarationQueue(w http.ResponseWriter, r *http.Request, u *User) {
	var refs []tradeindex.Declaration
	for _, t := range s.index.Trades(func(tradeindex.Trade) bool { return true }) {
		refs = append(refs, t.Declarations...)
	}
	out := make([]*queued, len(refs))
	var wg sync.WaitGroup
	for i, ref := range refs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if d, err := s.apis.Customs.Declaration(r.Context(), u.token, ref.ID); err == nil {
				out[i] = &queued{Declaration: d, Lodged: ref.Lodged, Age: time.Since(ref.Lodged).Round(time.Minute).String()}
			}
		}()
	}
	wg.Wait()
	var queue []queued
	for _, q := range out {
		if q != nil {
			queue = append(queue, *q)
		}
	}
	sort.SliceStable(queue, func(i, j int) bool {
		if laneOrder[queue[i].RiskLane] != laneOrder[queue[j].RiskLane] {
			return laneOrder[queue[i].RiskLane] < laneOrder[queue[j].RiskLane]
		}
		return queue[i].Lodged.Before(queue[j].Lodged)
	})
	s.render(w, r, http.StatusOK, "queue", page{Title: "Declaration queue", User: u, Data: queue})
}

type declarationPage struct {
	customsapi.Declaration
	Documents []customsapi.Document
	Actions   map[string]bool
}

func (s *Server) gatherDeclaration(ctx context.Context, u *User, id string) (*declarationPage, error) {
	d, err := s.apis.Customs.Declaration(ctx, u.token, id)
	if err != nil {
		return nil, err
	}
	p := &declarationPage{Declaration: d, Actions: map[string]bool{}}
	for _, sha := range d.Documents {
		if doc, err := s.apis.Customs.Verify(ctx, u.token, sha); err == nil {
			p.Documents = append(p.Documents, doc)
		} else {
			p.Documents = append(p.Documents, customsapi.Document{SHA256: sha, Kind: "(not registered, or not yours to see)"})
		}
	}
	for _, a := range domain.DeclarationActions(u.Actor, domain.Declaration{Direction: d.Direction, Status: d.Status, Office: d.CustomsOffice, Declarant: d.Declarant}) {
		p.Actions[string(a)] = true
	}
	return p, nil
}

func (s *Server) declaration(w http.ResponseWriter, r *http.Request, u *User) {
	s.showDeclaration(w, r, u, http.StatusOK, r.URL.Query().Get("done"), nil)
}

func (s *Server) showDeclaration(w http.ResponseWriter, r *http.Request, u *User, status int, flash string, prob *apiclient.Problem) {
	d, err := s.gatherDeclaration(r.Context(), u, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, u, err)
		return
	}
	s.render(w, r, status, "declaration", page{Title: "Declaration " + d.ID, User: u, Flash: flash, Problem: prob, Data: d})
}

// declarationAction is the office's inspection, clearance, duty assessment or release.
func (s *Server) declarationAction(w http.ResponseWriter, r *http.Request, u *User) {
	id, act := r.PathValue("id"), domain.Action(r.PathValue("action"))
	var err error
	var msg string
	switch act {
	case domain.InspectGoods:
		err, msg = s.apis.Customs.Inspect(r.Context(), u.token, id, r.FormValue("result"), r.FormValue("note")), "Inspection recorded."
	case domain.ClearExport, domain.AssessDuty, domain.ReleaseGoods:
		err, msg = s.apis.Customs.Decide(r.Context(), u.token, id, string(act)), map[domain.Action]string{
			domain.ClearExport: "Export cleared.", domain.AssessDuty: "Duty assessed from the tariff.", domain.ReleaseGoods: "Goods released."}[act]
	default:
		http.NotFound(w, r)
		return
	}
	if err != nil {
		if p, ok := apiclient.AsProblem(err); ok {
			s.showDeclaration(w, r, u, p.Status, "", p)
			return
		}
		s.fail(w, r, u, err)
		return
	}
	http.Redirect(w, r, "/declarations/"+url.PathEscape(id)+"?done="+url.QueryEscape(msg), http.StatusSeeOther)
}
