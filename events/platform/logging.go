package platform

import (
	"log/slog"
	"os"
)

// Logger is a JSON logger tagged with the service name; TRADEFIN_LOG_LEVEL=debug shows more.
func Logger(service string) *slog.Logger {
	level := slog.LevelInfo
	if Env("TRADEFIN_LOG_LEVEL", "info") == "debug" {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level})).With("service", service)
}
