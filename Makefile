# tradefin — every command a user or CI needs; README explains each.
# The dev-stack launcher (deploy/devstack) does the work; this file only names the entry points.
SHELL := /bin/bash
# The launcher is built first (into .run, not committed), and says so while a cold Go build
# cache compiles its packages: on a fresh machine that takes about two minutes before its own
# progress lines begin. Its lines go to stderr, so `eval "$(make -s env)"` reads only the addresses.
DEVSTACK := .run/bin/devstack
PROFILE ?= dev

.PHONY: setup run stop status env lint test test-unit bench e2e portal-test demo fuzz modules soak launcher

setup run stop status env lint test test-unit e2e portal-test soak bench: launcher

launcher:
	@set -o pipefail; go build -v -o $(DEVSTACK) ./deploy/devstack/cmd/devstack 2>&1 | awk \
		'/^[[:alnum:]._~\/-]+$$/ { if (n++ % 100 == 0) printf "compiling the dev-stack launcher: %d packages so far...\n", n > "/dev/stderr"; next } \
		{ print > "/dev/stderr" }'

setup: ## install missing tools (Temporal CLI, Fabric binaries, Hydra, golangci-lint, htmx from npm, PostgreSQL and chromium when root) into the per-user cache
	$(DEVSTACK) setup

run: ## start the whole platform as native processes (profile dev)
	$(DEVSTACK) up --profile $(PROFILE)

stop: ## stop every process of a profile (make stop PROFILE=test for the test stack)
	$(DEVSTACK) down --profile $(PROFILE)

status: ## one line per component; exit 0 only when all are ready
	$(DEVSTACK) status --profile $(PROFILE)

env: ## print the TRADEFIN_* variables of a running profile (eval "$$(make -s env)")
	@$(DEVSTACK) env --profile $(PROFILE)

lint: ## golangci-lint (.golangci.yml: vet, staticcheck, errcheck, ..., depguard's layering rules) in every module
	$(DEVSTACK) lint

test: ## lint, then unit and integration tests with -race against the real stack, then each fuzz target for 10,000 inputs (README's test command; .ci/run calls it)
	$(DEVSTACK) lint
	$(DEVSTACK) test
	$(MAKE) --no-print-directory fuzz FUZZTIME=10000x

test-unit: ## only the tests that need no running component, no stack, about a minute (TRADEFIN_UNIT=1 skips the others)
	$(DEVSTACK) test-unit

e2e: ## only the whole-trade test (three trades in parallel), printing each trade's timeline
	$(DEVSTACK) exec -- go test -count=1 -run '^TestEndToEnd$$' -v ./deploy/e2e

portal-test: ## only the portal's browser tests (headless chromium): every role signs in, a whole trade clicked through to CLOSED
	$(DEVSTACK) exec -- go test -count=1 -run '^TestPortal' -v ./deploy/e2e

demo: ## walk a new trade through the running platform (make run first) and print its timeline
	go run ./deploy/e2e/cmd/tradectl demo

modules: ## the module graph keeps the architecture: no cycle, pure modules and domains free of infrastructure (needs no stack)
	go test -count=1 ./deploy/devstack/modules

soak: ## 200 trades, 20 at a time, every component killed -9 once and restarted; prints the table (SOAK_ARGS="-trades 50 -kill worker,kafka")
	$(DEVSTACK) exec -- go run ./deploy/soak/cmd/soak $(SOAK_ARGS)

bench: ## benchmarks, side by side with their baselines (not part of make test)
	$(DEVSTACK) exec -- go run ./deploy/bench

FUZZTIME ?= 3m
SWIFT_FUZZ := FuzzParse FuzzParseMT700 FuzzParseMT707 FuzzParseMT734 FuzzParseAdvice FuzzParseCurrencyAmount
fuzz: ## run every SWIFT parser fuzz target for FUZZTIME each (their seeds also run in make test)
	cd services/lc && for f in $(SWIFT_FUZZ); do go test ./adapters/swift -run='^$$' -fuzz="^$$f$$" -fuzztime=$(FUZZTIME) || exit 1; done
