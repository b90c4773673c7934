package domain

import (
	"strings"
	"testing"
)

func TestPasswordHashVerifies(t *testing.T) {
	salt := []byte("0123456789abcdef")
	h, err := HashPassword("erik-dev-pass", salt, DefaultArgon2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("not a PHC argon2id string with the default parameters: %s", h)
	}
	if !VerifyPassword(h, "erik-dev-pass") {
		t.Fatal("the right password does not verify")
	}
	for _, wrong := range []string{"erik-dev-pas", "Erik-dev-pass", "", strings.Repeat("x", MaxPassword+1)} {
		if VerifyPassword(h, wrong) {
			t.Errorf("%q verifies", wrong)
		}
	}
	other, _ := HashPassword("erik-dev-pass", []byte("fedcba9876543210"), DefaultArgon2)
	if other == h {
		t.Fatal("two salts give the same hash")
	}
}

func TestPasswordHashRefusesBadInput(t *testing.T) {
	p := DefaultArgon2
	if _, err := HashPassword("pw", []byte("short"), p); err == nil {
		t.Error("a 5-byte salt is accepted")
	}
	if _, err := HashPassword("", make([]byte, 16), p); err == nil {
		t.Error("an empty password is accepted")
	}
	p.MemoryKiB = 2 << 20
	if _, err := HashPassword("pw", make([]byte, 16), p); err == nil {
		t.Error("2 GiB of memory is accepted")
	}
}

func TestStoredHashIsParsedStrictly(t *testing.T) {
	good, _ := HashPassword("secret-pass", []byte("0123456789abcdef"), DefaultArgon2)
	parts := strings.Split(good, "$")
	cases := map[string]string{
		"argon2i":            strings.Replace(good, "argon2id", "argon2i", 1),
		"old version":        strings.Replace(good, "v=19", "v=16", 1),
		"huge memory":        strings.Replace(good, "m=19456", "m=99999999", 1),
		"zero iterations":    strings.Replace(good, "t=2", "t=0", 1),
		"reordered params":   strings.Replace(good, "m=19456,t=2,p=1", "t=2,m=19456,p=1", 1),
		"short salt":         strings.Join([]string{"", parts[1], parts[2], parts[3], "c2FsdA", parts[5]}, "$"),
		"padded key":         good + "==",
		"missing field":      strings.Join(parts[:5], "$"),
		"trailing parameter": strings.Replace(good, "p=1", "p=1,x=2", 1),
	}
	for name, h := range cases {
		if _, err := parsePHC(h); err == nil {
			t.Errorf("%s: parsed %s", name, h)
		}
		if VerifyPassword(h, "secret-pass") {
			t.Errorf("%s: verifies", name)
		}
	}
	// A changed key byte no longer verifies (the compare covers the whole key).
	key := []byte(parts[5])
	key[3] ^= 1
	if VerifyPassword(strings.Join(append(parts[:5:5], string(key)), "$"), "secret-pass") {
		t.Error("a tampered key verifies")
	}
}
