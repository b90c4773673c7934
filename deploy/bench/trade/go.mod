module github.com/tradefin/tradefin/deploy/bench/trade

go 1.26.0

require (
	github.com/jackc/pgx/v5 v5.12.0
	github.com/tradefin/tradefin/deploy/e2e v0.0.0-00010101000000-000000000000
	github.com/tradefin/tradefin/events/ledger v0.0.0-00010101000000-000000000000
	github.com/tradefin/tradefin/events/messaging v0.0.0-00010101000000-000000000000
	github.com/tradefin/tradefin/events/platform v0.0.0-00010101000000-000000000000
	github.com/tradefin/tradefin/workflows v0.0.0-00010101000000-000000000000
	go.temporal.io/sdk v1.50.0
	golang.org/x/oauth2 v0.36.0
)

require (
	github.com/ThreeDotsLabs/watermill v1.5.1 // indirect
	github.com/cenkalti/backoff/v5 v5.0.3 // indirect
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/coreos/go-oidc/v3 v3.21.0 // indirect
	github.com/dustin/go-humanize v1.1.0 // indirect
	github.com/facebookgo/clock v0.0.0-20150410010913-600d898af40a // indirect
	github.com/felixge/httpsnoop v1.1.0 // indirect
	github.com/getkin/kin-openapi v0.153.0 // indirect
	github.com/go-jose/go-jose/v4 v4.1.9 // indirect
	github.com/go-logr/logr v1.4.4 // indirect
	github.com/go-logr/stdr v1.2.2 // indirect
	github.com/go-openapi/jsonpointer v1.0.0 // indirect
	github.com/gogo/protobuf v1.3.2 // indirect
	github.com/golang/mock v1.6.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/gorilla/mux v1.8.0 // indirect
	github.com/grpc-ecosystem/go-grpc-middleware/v2 v2.3.2 // indirect
	github.com/grpc-ecosystem/grpc-gateway/v2 v2.30.0 // indirect
	github.com/hashicorp/golang-lru/v2 v2.0.7 // indirect
	github.com/hyperledger/fabric-gateway v1.7.0 // indirect
	github.com/hyperledger/fabric-protos-go-apiv2 v0.3.6 // indirect
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgservicefile v0.0.0-20240606120523-5a60cdf6a761 // indirect
	github.com/jackc/puddle/v2 v2.2.3 // indirect
	github.com/klauspost/compress v1.20.3 // indirect
	github.com/lithammer/shortuuid/v3 v3.0.7 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/miekg/pkcs11 v1.1.1 // indirect
	github.com/ncruces/go-strftime v1.1.0 // indirect
	github.com/nexus-rpc/nexus-proto-annotations v0.1.0 // indirect
	github.com/nexus-rpc/sdk-go v0.7.0 // indirect
	github.com/oklog/ulid v1.3.1 // indirect
	github.com/pierrec/lz4/v4 v4.1.33 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	github.com/robfig/cron v1.2.0 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // indirect
	github.com/segmentio/kafka-go v0.4.51 // indirect
	github.com/sony/gobreaker v1.0.0 // indirect
	github.com/stretchr/objx v0.5.3 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	github.com/tradefin/tradefin/chaincode/rules v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/events/contracts v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/events/eventsourcing v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/events/identity v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/events/money v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/events/problem v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/services/customs v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/services/lc v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/services/ledgeragent v0.0.0-00010101000000-000000000000 // indirect
	github.com/tradefin/tradefin/services/settlement v0.0.0-00010101000000-000000000000 // indirect
	github.com/xdg-go/pbkdf2 v1.0.0 // indirect
	github.com/xdg-go/scram v1.1.2 // indirect
	github.com/xdg-go/stringprep v1.0.4 // indirect
	go.opentelemetry.io/auto/sdk v1.2.1 // indirect
	go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc v0.72.0 // indirect
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.72.0 // indirect
	go.opentelemetry.io/otel v1.47.0 // indirect
	go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp v1.47.0 // indirect
	go.opentelemetry.io/otel/exporters/otlp/otlptrace v1.47.0 // indirect
	go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp v1.47.0 // indirect
	go.opentelemetry.io/otel/log v1.47.0 // indirect
	go.opentelemetry.io/otel/metric v1.47.0 // indirect
	go.opentelemetry.io/otel/sdk v1.47.0 // indirect
	go.opentelemetry.io/otel/sdk/metric v1.47.0 // indirect
	go.opentelemetry.io/otel/trace v1.47.0 // indirect
	go.opentelemetry.io/proto/otlp v1.11.0 // indirect
	go.temporal.io/api v1.63.5 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	go.yaml.in/yaml/v4 v4.0.0 // indirect
	golang.org/x/crypto v0.57.0 // indirect
	golang.org/x/net v0.59.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.43.0 // indirect
	golang.org/x/time v0.15.0 // indirect
	google.golang.org/genproto/googleapis/api v0.0.0-20260928230214-8a89bd6388cc // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20260928230214-8a89bd6388cc // indirect
	google.golang.org/grpc v1.83.2 // indirect
	google.golang.org/protobuf v1.36.12 // indirect
	modernc.org/libc v1.79.0 // indirect
	modernc.org/mathutil v1.7.1 // indirect
	modernc.org/memory v1.12.1 // indirect
	modernc.org/sqlite v1.61.1 // indirect
)

replace github.com/tradefin/tradefin/chaincode/rules => ../../../chaincode/rules

replace github.com/tradefin/tradefin/deploy/devstack => ../../devstack

replace github.com/tradefin/tradefin/deploy/e2e => ../../e2e

replace github.com/tradefin/tradefin/events/contracts => ../../../events/contracts

replace github.com/tradefin/tradefin/events/eventsourcing => ../../../events/eventsourcing

replace github.com/tradefin/tradefin/events/identity => ../../../events/identity

replace github.com/tradefin/tradefin/events/ledger => ../../../events/ledger

replace github.com/tradefin/tradefin/events/messaging => ../../../events/messaging

replace github.com/tradefin/tradefin/events/money => ../../../events/money

replace github.com/tradefin/tradefin/events/platform => ../../../events/platform

replace github.com/tradefin/tradefin/events/problem => ../../../events/problem

replace github.com/tradefin/tradefin/services/customs => ../../../services/customs

replace github.com/tradefin/tradefin/services/lc => ../../../services/lc

replace github.com/tradefin/tradefin/services/ledgeragent => ../../../services/ledgeragent

replace github.com/tradefin/tradefin/services/settlement => ../../../services/settlement

replace github.com/tradefin/tradefin/workflows => ../../../workflows
