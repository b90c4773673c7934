package domain

import (
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters for new hashes: OWASP's Password Storage Cheat Sheet minimum for argon2id
// (19 MiB, 2 iterations, 1 lane), within RFC 9106's recommended family.
var DefaultArgon2 = Argon2Params{MemoryKiB: 19 * 1024, Iterations: 2, Parallelism: 1, KeyLength: 32}

// Argon2Params are the cost parameters recorded in a hash.
type Argon2Params struct {
	MemoryKiB   uint32
	Iterations  uint32
	Parallelism uint8
	KeyLength   uint32
}

// Bounds on what a stored hash may ask for: a directory entry cannot make a sign-in allocate
// gigabytes or spin for minutes.
const (
	maxMemoryKiB   = 1 << 20 // 1 GiB
	maxIterations  = 16
	maxParallelism = 16
	minSaltBytes   = 16 // RFC 9106 §3.1: 128 bits
	maxSaltBytes   = 64
	minKeyBytes    = 16
	maxKeyBytes    = 64
	maxPHCLength   = 256
	MaxPassword    = 256 // bytes; longer input is refused before hashing
)

// HashPassword returns the argon2id PHC string of password with the given salt (16 random
// bytes from the caller: the domain does no I/O). Format:
// $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<key>, base64 without padding.
func HashPassword(password string, salt []byte, p Argon2Params) (string, error) {
	if len(password) == 0 || len(password) > MaxPassword {
		return "", fmt.Errorf("a password is 1 to %d bytes", MaxPassword)
	}
	if len(salt) < minSaltBytes || len(salt) > maxSaltBytes {
		return "", fmt.Errorf("a salt is %d to %d bytes", minSaltBytes, maxSaltBytes)
	}
	if err := p.validate(); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, p.Iterations, p.MemoryKiB, p.Parallelism, p.KeyLength)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.MemoryKiB, p.Iterations, p.Parallelism,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// VerifyPassword reports whether password matches the PHC hash, comparing in constant time.
func VerifyPassword(hash, password string) bool {
	h, err := parsePHC(hash)
	if err != nil || len(password) == 0 || len(password) > MaxPassword {
		return false
	}
	key := argon2.IDKey([]byte(password), h.salt, h.params.Iterations, h.params.MemoryKiB, h.params.Parallelism, h.params.KeyLength)
	return subtle.ConstantTimeCompare(key, h.key) == 1
}

type phc struct {
	params    Argon2Params
	salt, key []byte
}

func parsePHC(s string) (phc, error) {
	if len(s) > maxPHCLength {
		return phc{}, errors.New("hash too long")
	}
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return phc{}, errors.New("not an argon2id PHC string")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return phc{}, fmt.Errorf("argon2 version must be %d", argon2.Version)
	}
	var h phc
	var lanes uint32
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &h.params.MemoryKiB, &h.params.Iterations, &lanes); err != nil || n != 3 ||
		fmt.Sprintf("m=%d,t=%d,p=%d", h.params.MemoryKiB, h.params.Iterations, lanes) != parts[3] {
		return phc{}, errors.New("parameters must read m=<KiB>,t=<iterations>,p=<lanes>")
	}
	if lanes == 0 || lanes > maxParallelism {
		return phc{}, fmt.Errorf("lanes must be 1 to %d", maxParallelism)
	}
	h.params.Parallelism = uint8(lanes)
	var err error
	enc := base64.RawStdEncoding.Strict()
	if h.salt, err = enc.DecodeString(parts[4]); err != nil || len(h.salt) < minSaltBytes || len(h.salt) > maxSaltBytes {
		return phc{}, fmt.Errorf("salt must be %d to %d bytes of unpadded base64", minSaltBytes, maxSaltBytes)
	}
	if h.key, err = enc.DecodeString(parts[5]); err != nil || len(h.key) < minKeyBytes || len(h.key) > maxKeyBytes {
		return phc{}, fmt.Errorf("key must be %d to %d bytes of unpadded base64", minKeyBytes, maxKeyBytes)
	}
	h.params.KeyLength = uint32(len(h.key))
	return h, h.params.validate()
}

func (p Argon2Params) validate() error {
	switch {
	case p.Iterations < 1 || p.Iterations > maxIterations:
		return fmt.Errorf("iterations must be 1 to %d", maxIterations)
	case p.Parallelism < 1 || p.Parallelism > maxParallelism:
		return fmt.Errorf("lanes must be 1 to %d", maxParallelism)
	case p.MemoryKiB < 8*uint32(p.Parallelism) || p.MemoryKiB > maxMemoryKiB: // RFC 9106 §3.1: m ≥ 8p
		return fmt.Errorf("memory must be 8×lanes to %d KiB", maxMemoryKiB)
	case p.KeyLength < minKeyBytes || p.KeyLength > maxKeyBytes:
		return fmt.Errorf("key length must be %d to %d bytes", minKeyBytes, maxKeyBytes)
	}
	return nil
}
