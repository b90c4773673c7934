package domain

import "regexp"

// ISO 9362 BIC: 4 institution letters, 2 country letters, 2 location chars, optional 3 branch chars.
var bicRE = regexp.MustCompile(`^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$`)

// UETR is a UUID version 4 in lower case (SWIFT gpi, ISO 20022 UUIDv4Identifier).
var uuid4RE = regexp.MustCompile(`^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$`)

func IsBIC(s string) bool    { return bicRE.MatchString(s) }
func IsUUIDv4(s string) bool { return uuid4RE.MatchString(s) }
