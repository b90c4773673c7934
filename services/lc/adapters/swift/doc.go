// Package swift writes and reads the SWIFT FIN Category 7 messages banks exchange for
// documentary credits: MT700 (issue, with MT701 continuations), MT707 (amendment), MT734 (advice
// of refusal), MT750 (advice of discrepancy), MT752 (authorisation to pay, accept or negotiate),
// MT754 (advice of payment/acceptance/negotiation) and MT756 (advice of reimbursement or
// payment). Field sets, formats and limits follow the Category 7 standards release of
// November 2023 (SR 2023) as far as they are publicly documented; the package does not transmit
// anything, it only renders and parses the FIN text.
//
// A message is blocks {1:}{2:}{3:}{4:...-}{5:}; block 4 holds fields ":TAG:value" separated by
// CRLF. Values are restricted to the SWIFT X character set. Parsing never panics: bad input
// yields a *ParseError naming the field tag and the line.
package swift
