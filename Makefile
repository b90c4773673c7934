# tradefin — every command a user or CI needs. README explains each.
# The dev-stack launcher (deploy/devstack) does the real work; this file only names the entry points.
SHELL := /bin/bash
DEVSTACK := go run ./deploy/devstack/cmd/devstack

.PHONY: setup run stop status test bench fuzz e2e demo

setup: ## install missing tools (Temporal CLI, Fabric binaries, PostgreSQL) into the per-user cache
	$(DEVSTACK) setup

run: ## start the whole platform as native processes
	$(DEVSTACK) up

stop:
	$(DEVSTACK) down

status:
	$(DEVSTACK) status

test: ## unit + integration tests against the real stack (README's test command; .ci/run calls it)
	$(DEVSTACK) test
