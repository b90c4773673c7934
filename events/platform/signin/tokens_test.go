package signin

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

func TestTokensRenewBeforeExpiry(t *testing.T) {
	calls := 0
	expiry := time.Now().Add(time.Hour)
	tokens := Tokens{Margin: time.Minute, Source: func(_ context.Context, key string) (*oauth2.Token, error) {
		calls++
		return &oauth2.Token{AccessToken: fmt.Sprintf("%s-%d", key, calls), Expiry: expiry}, nil
	}}
	ctx := context.Background()
	a, _ := tokens.Get(ctx, "erik")
	b, _ := tokens.Get(ctx, "erik")
	if a != "erik-1" || b != "erik-1" || calls != 1 {
		t.Fatalf("a fresh token was not reused: %s %s after %d sign-ins", a, b, calls)
	}
	if s, _ := tokens.Get(ctx, "sara"); s != "sara-2" {
		t.Fatalf("another user shares erik's token: %s", s)
	}
	expiry = time.Now().Add(30 * time.Second) // the next token is already within the margin
	tokens.m["erik"].Expiry = expiry
	if c, _ := tokens.Get(ctx, "erik"); c != "erik-3" {
		t.Fatalf("a token within a minute of expiry was reused: %s", c)
	}
}

func TestFormAndAlertAreReadFromTheLoginPage(t *testing.T) {
	page := []byte(`<html><body><p class="error" role="alert"> wrong username or password </p>
<form method="post" action="/login"><input type="hidden" name="login_challenge" value="c&amp;1">
<input type="text" name="username" value="erik"><input type="password" name="password"></form>
<form method="post" action="/other"><input name="x" value="y"></form></body></html>`)
	base, _ := url.Parse("http://127.0.0.1:24446/login?login_challenge=c%261")
	f, err := parseForm(page, base)
	if err != nil {
		t.Fatal(err)
	}
	if f.action.String() != "http://127.0.0.1:24446/login" || f.fields.Get("login_challenge") != "c&1" || f.fields.Get("username") != "erik" || f.fields.Has("x") {
		t.Fatalf("form: %s %v", f.action, f.fields)
	}
	if got := alertText(page); got != "wrong username or password" {
		t.Fatalf("alert: %q", got)
	}
	if _, err := parseForm([]byte(`<form method="get" action="/search"></form>`), base); err == nil {
		t.Fatal("a GET form was taken for the login form")
	}
}
