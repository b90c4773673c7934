#!/bin/bash
# kafka-init: creates the SCRAM-SHA-512 users and their ACLs on the compose Kafka, once it is up.
# It shares the kafka container's network namespace and talks to the broker-local PLAINTEXT
# listener (127.0.0.1:9094), the only one that needs no password: nothing outside that container
# can reach it. Every client of the platform uses the SASL_PLAINTEXT listener kafka:9092.
#
# The grants mirror the native stack's policy (deploy/devstack/kafkabroker/acls.go); make test
# checks that every line below matches it. Passwords come from the environment (see .env in
# README); the ones given in docker-compose.yml are for a laptop only.
set -euo pipefail
bin=/opt/kafka/bin
bootstrap=127.0.0.1:9094

user() { # user <principal> <password>
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
acl() { # acl <principal> <kafka-acls.sh resource and operation arguments...>
  local p=$1
  shift
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$p" "$@" >/dev/null
}
produces() { acl "$1" --operation Write --operation Create --topic "$2"; }
consumes() { acl "$1" --operation Read --operation Create --topic "$2"; }
groups() { acl "$1" --operation Read --group "$2" --resource-pattern-type prefixed; }

user admin "$TRADEFIN_KAFKA_PASSWORD_ADMIN"
user lc "$TRADEFIN_KAFKA_PASSWORD_LC"
user customs "$TRADEFIN_KAFKA_PASSWORD_CUSTOMS"
user settlement "$TRADEFIN_KAFKA_PASSWORD_SETTLEMENT"
user worker "$TRADEFIN_KAFKA_PASSWORD_WORKER"
user ledger-importerbank "$TRADEFIN_KAFKA_PASSWORD_LEDGER_IMPORTERBANK"
user ledger-exporterbank "$TRADEFIN_KAFKA_PASSWORD_LEDGER_EXPORTERBANK"
user ledger-customs "$TRADEFIN_KAFKA_PASSWORD_LEDGER_CUSTOMS"
user portal "$TRADEFIN_KAFKA_PASSWORD_PORTAL"

produces lc tradefin.lc.v1
produces lc tradefin.poison
consumes lc tradefin.customs.v1
groups lc lc
produces customs tradefin.customs.v1
consumes customs tradefin.lc.v1
groups customs customs
produces customs tradefin.poison
produces settlement tradefin.settlement.v1
consumes settlement tradefin.lc.v1
groups settlement settlement
produces settlement tradefin.poison
consumes worker tradefin.lc.v1
consumes worker tradefin.customs.v1
consumes worker tradefin.settlement.v1
groups worker trade-bridge.
produces worker tradefin.poison
consumes ledger-importerbank tradefin.lc.v1
consumes ledger-importerbank tradefin.settlement.v1
consumes ledger-importerbank tradefin.customs.v1
groups ledger-importerbank ledger-importerbank
consumes ledger-exporterbank tradefin.lc.v1
groups ledger-exporterbank ledger-exporterbank
consumes ledger-customs tradefin.customs.v1
groups ledger-customs ledger-customs
consumes portal tradefin.lc.v1
consumes portal tradefin.customs.v1
consumes portal tradefin.settlement.v1
groups portal portal
echo "kafka-init: users and ACLs in place"
