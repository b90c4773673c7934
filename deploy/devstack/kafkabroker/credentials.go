package kafkabroker

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
)

// Mechanism is the only SASL mechanism the broker accepts: SCRAM-SHA-512 (RFC 5802, RFC 7677
// family). The password never crosses the wire and the broker keeps only salted keys.
const Mechanism = kafkapubsub.ScramSHA512

// Credentials are every principal's password, generated once per profile into
// .run/<profile>/kafka-credentials.json (mode 0600, never in git). The broker loads them at
// start; the launcher hands each process its own principal's password and nothing else.
type Credentials struct {
	Mechanism string            `json:"mechanism"`
	Passwords map[string]string `json:"passwords"` // principal → password
}

// passwordBytes of randomness per password: 256 bits, beyond any guessing.
const passwordBytes = 32

// Generate returns fresh random passwords for every principal the broker knows.
func Generate() (Credentials, error) {
	c := Credentials{Mechanism: Mechanism, Passwords: map[string]string{}}
	return c, c.fill()
}

// fill gives every known principal without a password a fresh one.
func (c *Credentials) fill() error {
	for _, p := range Principals() {
		if c.Passwords[p] != "" {
			continue
		}
		b := make([]byte, passwordBytes)
		if _, err := rand.Read(b); err != nil {
			return err
		}
		c.Passwords[p] = base64.RawURLEncoding.EncodeToString(b)
	}
	return nil
}

// Validate checks that the file names the broker's mechanism, a password for every known
// principal and no principal the broker does not know.
func (c Credentials) Validate() error {
	var errs []error
	if c.Mechanism != Mechanism {
		errs = append(errs, fmt.Errorf("mechanism %q: the broker accepts only %s", c.Mechanism, Mechanism))
	}
	known := Principals()
	for _, p := range known {
		if err := c.SASL(p).Validate(); err != nil || c.Passwords[p] == "" {
			errs = append(errs, fmt.Errorf("principal %s: no valid password", p))
		}
	}
	for p := range c.Passwords {
		if !slices.Contains(known, p) {
			errs = append(errs, fmt.Errorf("principal %s is not one the broker knows", p))
		}
	}
	return errors.Join(errs...)
}

// SASL is the client configuration of principal (empty credentials if it has none).
func (c Credentials) SASL(principal string) kafkapubsub.SASL {
	pw := c.Passwords[principal]
	if pw == "" {
		return kafkapubsub.SASL{}
	}
	return kafkapubsub.SASL{Mechanism: c.Mechanism, User: principal, Password: pw}
}

// maxFileBytes bounds the credentials file: a dozen principals take well under a kilobyte.
const maxFileBytes = 64 << 10

// Load reads and validates a credentials file. A file others may read is refused: it holds
// every process's password.
func Load(path string) (Credentials, error) {
	var c Credentials
	fi, err := os.Stat(path)
	if err != nil {
		return c, err
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return c, fmt.Errorf("kafka credentials %s: mode %v, want 0600 (it holds every principal's password)", path, fi.Mode().Perm())
	}
	if fi.Size() > maxFileBytes {
		return c, fmt.Errorf("kafka credentials %s: %d bytes, more than %d", path, fi.Size(), maxFileBytes)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return c, fmt.Errorf("kafka credentials %s: %w", path, err)
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("kafka credentials %s: %w", path, err)
	}
	return c, nil
}

// LoadOrCreate returns the credentials at path, generating the file (mode 0600) when it does
// not exist and adding passwords for principals added since it was written. Concurrent callers
// (parallel test binaries, the launcher) agree on one file: it appears atomically, and only once.
func LoadOrCreate(path string) (Credentials, error) {
	c, err := Load(path)
	if err == nil {
		return c, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		// An older file lacking a principal added since: keep every password it has.
		var old Credentials
		b, rerr := os.ReadFile(path)
		if rerr != nil || json.Unmarshal(b, &old) != nil || old.Mechanism != Mechanism || old.Passwords == nil {
			return c, err
		}
		for p := range old.Passwords {
			if !slices.Contains(Principals(), p) {
				delete(old.Passwords, p)
			}
		}
		if ferr := old.fill(); ferr != nil {
			return c, ferr
		}
		if werr := write(path, old, true); werr != nil {
			return c, werr
		}
		return Load(path)
	}
	fresh, err := Generate()
	if err != nil {
		return c, err
	}
	if err := write(path, fresh, false); err != nil && !errors.Is(err, os.ErrExist) {
		return c, err
	}
	return Load(path) // whoever won the race wrote the file everyone uses
}

// write puts c at path through a private temporary file: a rename when replacing, a hard link
// (which fails if path exists) when creating, so a reader never sees half a file.
func write(path string, c Credentials, replace bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".kafka-credentials-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if replace {
		return os.Rename(tmp.Name(), path)
	}
	return os.Link(tmp.Name(), path)
}
