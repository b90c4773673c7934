package web

import (
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/tradefin/tradefin/services/portal/adapters/settlementapi"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeindex"
)

// swiftMessage downloads one of the credit's SWIFT messages as FIN text.
func (s *Server) swiftMessage(w http.ResponseWriter, r *http.Request, u *User) {
	c, err := s.apis.LC.Get(r.Context(), u.token, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, u, err)
		return
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 || n >= len(c.Messages) {
		http.NotFound(w, r)
		return
	}
	m := c.Messages[n]
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+safeName(c.ID+"-"+m.Type)+`.fin"`)
	_, _ = w.Write([]byte(m.Text))
}

func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' {
			return r
		}
		return '_'
	}, s)
}

// verifyDocument looks a document up by its SHA-256 at customs, where its fingerprint was
// registered.
func (s *Server) verifyDocument(w http.ResponseWriter, r *http.Request, u *User) {
	d, err := s.apis.Customs.Verify(r.Context(), u.token, r.PathValue("sha256"))
	if err != nil {
		s.fail(w, r, u, err)
		return
	}
	s.render(w, r, http.StatusOK, "document", page{Title: "Document " + d.Kind, User: u, Data: d})
}

// payments lists the payments the settlement service lets this payments officer see.
func (s *Server) payments(w http.ResponseWriter, r *http.Request, u *User) {
	var ids []string
	for _, t := range s.index.Trades(func(tradeindex.Trade) bool { return true }) {
		ids = append(ids, t.Payments...)
	}
	got := make([]*settlementapi.Payment, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if p, err := s.apis.Settlement.Get(r.Context(), u.token, id); err == nil {
				got[i] = &p
			}
		}()
	}
	wg.Wait()
	var list []settlementapi.Payment
	for _, p := range got {
		if p != nil {
			list = append(list, *p)
		}
	}
	s.render(w, r, http.StatusOK, "payments", page{Title: "Payments", User: u, Data: list})
}
