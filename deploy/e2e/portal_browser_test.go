//go:build !unit

package e2e_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/identity"
	tfplatform "github.com/tradefin/tradefin/events/platform"
	portal "github.com/tradefin/tradefin/services/portal/service"
	"github.com/tradefin/tradefin/workflows/verification"
)

// startPortal runs the web portal in this test process on the platform, at the address its OAuth
// client's redirect URI is registered with, and returns its base URL.
func startPortal(t *testing.T, p *platform) string {
	t.Helper()
	base := testenv.PortalURL(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", u.Host)
	if err != nil {
		t.Fatalf("the portal's address %s (its OAuth redirect URI's): %v", u.Host, err)
	}
	pt, err := portal.New(portal.Config{URL: base, LC: p.endpoints.LC, Customs: p.endpoints.Customs, Settlement: p.endpoints.Settlement,
		Trades: workerWithVerification(t, p), Issuer: testenv.OIDCIssuer(t), Audience: testenv.OIDCAudience(t), Tokens: p.Auth,
		KafkaBrokers: p.brokers, KafkaSASL: testenv.KafkaSASL(t), HTMXFile: testenv.PortalHTMX(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: pt.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	testenv.Background(t, pt.Run)
	return base
}

// browser is one user's headless Chromium (Debian's chromium), a browser context of its own:
// its own cookies, as another person's machine.
type browser struct {
	t      *testing.T
	ctx    context.Context
	portal string
	user   string
}

// newBrowsers starts Chromium once; each user then gets a fresh browser context.
func newBrowsers(t *testing.T) func(user string) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(testenv.Chromium(t)),
		chromedp.NoSandbox, chromedp.WindowSize(1280, 1600), chromedp.Flag("disable-dev-shm-usage", true))
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	root, cancelRoot := chromedp.NewContext(alloc)
	t.Cleanup(cancelRoot)
	if err := chromedp.Do(root); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return func(user string) *browser {
		ctx, cancel := chromedp.NewContext(root, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		// The first action opens the tab, which lives as long as that action's context: this
		// one, without a timeout.
		if err := chromedp.Do(ctx); err != nil {
			t.Fatalf("open a tab for %s: %v", user, err)
		}
		return &browser{t: t, ctx: ctx, user: user}
	}
}

// run runs actions within a minute, failing the test with what the page says otherwise.
func (b *browser) run(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	for i, a := range actions {
		if err := chromedp.Do(ctx, a); err != nil {
			b.t.Fatalf("%s: %s (step %d): %v\npage: %s", b.user, what, i+1, err, b.text())
		}
	}
}

// eval evaluates a JavaScript expression on the page into T.
func eval[T any](b *browser, expression string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expression))
	if err != nil {
		b.t.Fatalf("%s: evaluate %s: %v", b.user, expression, err)
	}
	return v
}

// text is the page's visible text (for failure messages).
func (b *browser) text() string {
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + (document.body ? document.body.innerText : "")`))
	if len(s) > 3000 {
		s = s[:3000] + "…"
	}
	return s
}

// signIn walks the sign-in as a person: the portal's button, the identity provider's login page
// (authorization code with PKCE behind it), back on the portal with the header naming the user.
func (b *browser) signIn(portalURL string) {
	b.t.Helper()
	b.portal = portalURL
	b.run("sign in",
		chromedp.Navigate(portalURL+"/"),
		chromedp.Click(chromedp.CSS("#sign-in")),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), b.user),
		chromedp.SendKeys(chromedp.CSS("#password"), b.user+"-dev-pass"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("#user-name")),
	)
}

// open navigates to a portal page.
func (b *browser) open(path string) {
	b.t.Helper()
	b.run("open "+path, chromedp.Navigate(b.portal+path), chromedp.WaitReady(chromedp.CSS("body")))
}

// waitFor opens path until selector is on it (the trade moves on asynchronously: the workflow,
// the ledger and the index catch up), for up to two minutes.
func (b *browser) waitFor(path, selector string) {
	b.t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		b.open(path)
		if b.has(selector) {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: %s never showed %s\npage: %s", b.user, path, selector, b.text())
		}
		time.Sleep(time.Second)
	}
}

func (b *browser) has(selector string) bool {
	return eval[bool](b, fmt.Sprintf(`!!document.querySelector(%q)`, selector))
}

// textOf is an element's text.
func (b *browser) textOf(selector string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(selector)))
	if err != nil {
		b.t.Fatalf("%s: read %s: %v\npage: %s", b.user, selector, err, b.text())
	}
	return strings.TrimSpace(s)
}

// submit clicks a form's button and waits for the page it leads to.
func (b *browser) submit(button string, expect string) {
	b.t.Helper()
	// The page the click leaves is marked, so the wait is for the page the form leads to, never
	// for an element (a flash of the last step) still on the old one. While the browser
	// navigates an evaluation fails; it is tried again.
	eval[bool](b, `window.tradefinLeft = true`)
	b.run("click "+button, chromedp.Click(chromedp.CSS(button)))
	arrived := fmt.Sprintf(`!window.tradefinLeft && document.readyState === "complete" && !!document.querySelector(%q)`, expect)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(100 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](arrived))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: after %s, no page with %s\npage: %s", b.user, button, expect, b.text())
		}
	}
}

// screenshot saves the page as a PNG artefact (TRADEFIN_PORTAL_SHOTS, else a folder under the
// system's temp dir) and logs where.
func (b *browser) screenshot(name string) {
	b.t.Helper()
	dir := os.Getenv("TRADEFIN_PORTAL_SHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "tradefin-portal-shots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
	if err != nil {
		b.t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", path)
}

// workerWithVerification serves the trade view and, beside it, the chain verification the
// worker mounts (workflows/cmd/worker), on the platform's sources: the in-process platform's
// trade view has no verification of its own. Customs runs on SQLite here, so its store is not
// compared (its events still are, on Kafka), as in TestVerify.
func workerWithVerification(t *testing.T, p *platform) string {
	src := verification.Sources{Temporal: p.Temporal, KafkaBrokers: p.brokers, KafkaSASL: testenv.KafkaSASL(t),
		Peers:       verification.Peers{p.Ledger["ImporterBankMSP"], p.Ledger["ExporterBankMSP"], p.Ledger["CustomsMSP"]},
		ServiceDSNs: p.stores}
	mux := http.NewServeMux()
	mux.Handle(verification.Route, tfplatform.Authenticated(p.Auth, identity.Required(verification.Handler(src))))
	mux.Handle("/", p.Trades)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}
