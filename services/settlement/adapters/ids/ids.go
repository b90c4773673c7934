// Package ids generates ISO 20022 message identifiers.
package ids

import (
	"strings"
	"time"

	"github.com/google/uuid"
)

// Random makes MsgIds (Max35Text) and UETRs (UUID v4, lower case as SWIFT gpi requires).
type Random struct{ Prefix string }

func (r Random) MsgID() string {
	return r.Prefix + time.Now().UTC().Format("20060102") + strings.ReplaceAll(uuid.NewString(), "-", "")[:16]
}

func (Random) UETR() string { return uuid.NewString() }
