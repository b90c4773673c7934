package oidcflow

import "testing"

// A return address never leaves the portal: no open redirect after sign-in.
func TestReturnAddressStaysOnThePortal(t *testing.T) {
	for in, want := range map[string]string{
		"/trades/T-1?done=x": "/trades/T-1?done=x", "": "/trades", "https://evil.example/": "/trades", "//evil.example": "/trades",
		"/\\evil.example": "/trades", "trades": "/trades", "javascript:alert(1)": "/trades",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}
