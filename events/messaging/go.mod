module github.com/tradefin/tradefin/events/messaging

go 1.26.0

require (
	github.com/ThreeDotsLabs/watermill v1.5.1
	github.com/segmentio/kafka-go v0.4.51
	github.com/tradefin/tradefin/events/contracts v0.0.0-00010101000000-000000000000
	github.com/tradefin/tradefin/events/eventsourcing v0.0.0-00010101000000-000000000000
	github.com/tradefin/tradefin/events/money v0.0.0-00010101000000-000000000000
	go.opentelemetry.io/otel v1.47.0
	go.opentelemetry.io/otel/metric v1.47.0
	go.opentelemetry.io/otel/trace v1.47.0
)

require (
	github.com/cenkalti/backoff/v5 v5.0.3 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/klauspost/compress v1.20.3 // indirect
	github.com/lithammer/shortuuid/v3 v3.0.7 // indirect
	github.com/oklog/ulid v1.3.1 // indirect
	github.com/pierrec/lz4/v4 v4.1.33 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/sony/gobreaker v1.0.0 // indirect
	github.com/tradefin/tradefin/events/identity v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/events/problem v0.0.0-00010101000000-000000000000 // indirect
	github.com/xdg-go/pbkdf2 v1.0.0 // indirect
	github.com/xdg-go/scram v1.1.2 // indirect
	github.com/xdg-go/stringprep v1.0.4 // indirect
	golang.org/x/text v0.43.0 // indirect
)

require (
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/go-logr/logr v1.4.4 // indirect
	github.com/go-logr/stdr v1.2.2 // indirect
	go.opentelemetry.io/auto/sdk v1.2.1 // indirect
	go.opentelemetry.io/otel/log v1.47.0 // indirect
	golang.org/x/net v0.59.0 // indirect
)

replace github.com/tradefin/tradefin/events/contracts => ../contracts

replace github.com/tradefin/tradefin/events/eventsourcing => ../eventsourcing

replace github.com/tradefin/tradefin/events/identity => ../identity

replace github.com/tradefin/tradefin/events/money => ../money

replace github.com/tradefin/tradefin/events/problem => ../problem
