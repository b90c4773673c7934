-- One database per stateful service: each owns its event store, outbox and inbox.
-- The postgres image runs this once, when it initialises an empty data volume.
CREATE DATABASE tradefin_lc;
CREATE DATABASE tradefin_customs;
CREATE DATABASE tradefin_settlement;
-- Each ledger agent's index of the events on Kafka.
CREATE DATABASE tradefin_ledger_importerbank;
CREATE DATABASE tradefin_ledger_exporterbank;
CREATE DATABASE tradefin_ledger_customs;
-- Ory Hydra's (the identity provider's clients, consent sessions and signing keys).
CREATE DATABASE hydra;
