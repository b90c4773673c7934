-- One database per stateful service: each owns its event store, outbox and inbox.
-- The postgres image runs this once, when it initialises an empty data volume.
CREATE DATABASE tradefin_lc;
CREATE DATABASE tradefin_customs;
CREATE DATABASE tradefin_settlement;
-- Ory Hydra's (the identity provider's clients, consent sessions and signing keys).
CREATE DATABASE hydra;
