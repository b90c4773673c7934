package kafkapubsub

import (
	"errors"

	"github.com/segmentio/kafka-go"
)

// IsTooLarge reports whether a publish failed because a message exceeds what the writer or the
// broker accepts (MESSAGE_TOO_LARGE): retrying can never help.
func IsTooLarge(err error) bool {
	var local kafka.MessageTooLargeError
	var many kafka.WriteErrors
	if errors.As(err, &many) {
		for _, e := range many {
			if e != nil && IsTooLarge(e) {
				return true
			}
		}
	}
	return errors.Is(err, kafka.MessageSizeTooLarge) || errors.As(err, &local)
}
