// Package domain is the directory of the network's parties: organisations (banks by BIC,
// traders by LEI, customs offices by office code, carriers by SCAC, the auditor), the users
// inside them with their roles and argon2id password hashes, and the machine clients that act
// for an organisation. It is pure: no I/O, every field bounded and validated when the directory
// is built, so the sign-in app never puts an unchecked value into a token.
package domain
