package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/portal/adapters/apiclient"
	"github.com/tradefin/tradefin/services/portal/adapters/session"
	"github.com/tradefin/tradefin/services/portal/adapters/tradeviewapi"
	"github.com/tradefin/tradefin/services/portal/domain"
)

// User is the signed-in user as the header shows them: who the verified access token says, and
// the names the ID token gave.
type User struct {
	identity.Actor
	Name, OrgName, CSRF string
	token               string
}

// Kind is the organisation's kind as text.
func (u *User) Kind() string { return string(u.OrgKind) }

// Importer is a trader (who may apply for a credit).
func (u *User) Importer() bool { return u.OrgKind == identity.Trader }

// Customs is an officer of a customs office.
func (u *User) Customs() bool { return u.Acts(identity.Customs, u.Org, identity.RoleCustomsOfficer) }

// Carrier is a carrier's agent.
func (u *User) Carrier() bool { return u.Acts(identity.Carrier, u.Org, identity.RoleCarrierAgent) }

// Payments is a bank's payments officer.
func (u *User) Payments() bool {
	return u.OrgKind == identity.Bank && u.Has(identity.RolePaymentsOfficer)
}

// Auditor reads every trade.
func (u *User) Auditor() bool { return u.IsAuditor() }

// page is what every template gets.
type page struct {
	Title   string
	User    *User
	Flash   string
	Problem *apiclient.Problem
	Data    any
}

// user runs h for a signed-in user whose access token still verifies; anyone else is sent to
// sign in (and back here afterwards). A POST must carry the session's CSRF token.
func (s *Server) user(h func(http.ResponseWriter, *http.Request, *User)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, ok := s.sessions.Load(r)
		var a identity.Actor
		var err error
		if ok {
			a, err = s.flow.Actor(r.Context(), sess)
		}
		if !ok || err != nil {
			back := "/signin?return=" + url.QueryEscape(r.URL.RequestURI())
			if r.Method != http.MethodGet {
				back = "/signin"
			}
			if r.Header.Get("HX-Request") != "" {
				w.Header().Set("HX-Redirect", back) // htmx follows it with a full navigation
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			http.Redirect(w, r, back, http.StatusSeeOther)
			return
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxForm)
			if !session.CheckCSRF(sess, r.FormValue("csrf")) {
				http.Error(w, "the form's CSRF token does not match your session: reload the page and try again", http.StatusForbidden)
				return
			}
		}
		h(w, r, &User{Actor: a, Name: sess.Name, OrgName: sess.OrgName, CSRF: sess.CSRF, token: sess.AccessToken})
	})
}

// maxForm bounds a posted form, a document upload included.
const maxForm = 8 << 20

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	s.renderTemplate(w, status, name, "layout", p)
}

func (s *Server) renderTemplate(w http.ResponseWriter, status int, name, tmpl string, data any) {
	var b bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&b, tmpl, data); err != nil {
		s.log.Error("render", "page", name, "err", err)
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store") // pages carry business data the user alone may see
	w.WriteHeader(status)
	_, _ = b.WriteTo(w)
}

// fail shows an API's refusal on the page it came from; anything else as a failure of the portal.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, u *User, err error) {
	p, ok := apiclient.AsProblem(err)
	if !ok {
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		p = &apiclient.Problem{}
		p.Title, p.Status = "The service could not be reached", http.StatusBadGateway
	}
	s.render(w, r, p.Status, "error", page{Title: p.Title, User: u, Problem: p})
}

func parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"money":      formatMoney,
		"nextStep":   domain.NextStep,
		"countdown":  domain.ExaminationCountdown,
		"fieldErr":   fieldError,
		"linkColour": domain.LinkColour,
		"inc":        func(i int) int { return i + 1 },
		"list":       func(xs ...string) []string { return xs },
		"short": func(h string) string {
			if len(h) > 16 {
				return h[:16] + "…"
			}
			return h
		},
		"actor": func(a tradeviewapi.Actor) string {
			switch {
			case a.User != "":
				return a.User + "@" + a.Org
			case a.Org != "":
				return a.Org
			}
			return "the workflow"
		},
	}
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// formatMoney writes an amount with its currency's minor units (ISO 4217) and thousands grouped.
func formatMoney(v any) string {
	var m money.Money
	switch x := v.(type) {
	case money.Money:
		m = x
	case *money.Money:
		if x == nil {
			return ""
		}
		m = *x
	default:
		return fmt.Sprint(v)
	}
	dec := m.Decimal()
	sign := ""
	if strings.HasPrefix(dec, "-") {
		sign, dec = "-", dec[1:]
	}
	whole, frac, hasFrac := strings.Cut(dec, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := sign + b.String()
	if hasFrac {
		out += "." + frac
	}
	return m.Currency.Code() + " " + out
}

// fieldError is the API's reason for one form field, from its problem details' invalid-params
// (RFC 9457), so a form shows each refusal next to its field; "" when the field passed.
func fieldError(p *apiclient.Problem, field string) string {
	if p == nil {
		return ""
	}
	for _, ip := range p.InvalidParams {
		if ip.Name == field {
			return ip.Reason
		}
	}
	return ""
}
