package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/twmb/franz-go/pkg/kfake"
)

// brokerLog passes kfake's warnings and errors to slog, and the info line that says why a
// connection was closed (a refused authentication, for one); kfake's debug chatter is dropped.
type brokerLog struct{}

func (brokerLog) Logf(level kfake.LogLevel, msg string, args ...any) {
	var l slog.Level
	switch level {
	case kfake.LogLevelError:
		l = slog.LevelError
	case kfake.LogLevelWarn:
		l = slog.LevelWarn
	case kfake.LogLevelInfo:
		l = slog.LevelInfo
	default:
		return
	}
	slog.Log(context.Background(), l, "kfake: "+fmt.Sprintf(msg, args...))
}
