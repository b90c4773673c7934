package session

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestTheSessionCookieIsSealedAndOnlyThePortalReadsIt(t *testing.T) {
	s, err := NewStore(RandomKey(), true)
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	if err := s.Save(w, Session{AccessToken: "header.payload.signature", Name: "ingrid"}); err != nil {
		t.Fatal(err)
	}
	c := w.Result().Cookies()[0]
	if !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode || strings.Contains(c.Value, "payload") {
		t.Fatalf("cookie %+v: want HttpOnly, Secure, SameSite=Lax and the token sealed", c)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.AddCookie(c)
	got, ok := s.Load(r)
	if !ok || got.AccessToken != "header.payload.signature" || got.CSRF == "" {
		t.Fatalf("loaded %+v %v", got, ok)
	}
	if !CheckCSRF(got, got.CSRF) || CheckCSRF(got, "forged") || CheckCSRF(Session{}, "") {
		t.Fatal("the CSRF check")
	}

	other, _ := NewStore(RandomKey(), true)
	if _, ok := other.Load(r); ok {
		t.Fatal("a cookie sealed with another key was accepted")
	}
	tampered := httptest.NewRequest("GET", "/", nil)
	tampered.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value[:len(c.Value)-2] + "AA"})
	if _, ok := s.Load(tampered); ok {
		t.Fatal("a tampered cookie was accepted")
	}
}

func TestASignInStateIsGoodForOneCallback(t *testing.T) {
	s, _ := NewStore(RandomKey(), false)
	w := httptest.NewRecorder()
	if err := s.SaveFlow(w, Flow{State: "st", Verifier: "v", Return: "/trades"}); err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("GET", "/callback", nil)
	r.AddCookie(w.Result().Cookies()[0])
	w2 := httptest.NewRecorder()
	f, err := s.TakeFlow(w2, r)
	if err != nil || f.State != "st" || f.Verifier != "v" {
		t.Fatalf("%+v %v", f, err)
	}
	if cleared := w2.Result().Cookies()[0]; cleared.MaxAge >= 0 {
		t.Fatalf("the flow cookie was not cleared: %+v", cleared)
	}
	if _, err := s.TakeFlow(httptest.NewRecorder(), httptest.NewRequest("GET", "/callback", nil)); err == nil {
		t.Fatal("a callback without a flow was accepted")
	}
}
