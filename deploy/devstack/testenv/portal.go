package testenv

import "testing"

// PortalURL is where the web portal must be reached for its sign-in to work: the base of the
// redirect URI its OAuth client is registered with (a test serves the portal there).
func PortalURL(t testing.TB) string {
	t.Helper()
	return lookup(t, "TRADEFIN_PORTAL_URL")
}

// PortalHTMX is htmx.min.js as setup fetched it from its npm package.
func PortalHTMX(t testing.TB) string {
	t.Helper()
	return lookup(t, "TRADEFIN_PORTAL_HTMX")
}

// Chromium is the browser the portal's tests drive headless (Debian's chromium).
func Chromium(t testing.TB) string {
	t.Helper()
	return lookup(t, "TRADEFIN_CHROMIUM")
}
