// Package swift writes, reads and validates the SWIFT FIN Category 7 messages banks exchange for
// documentary credits: MT700 and MT701 (issue), MT705 (pre-advice), MT707 and MT708 (amendment),
// MT710 and MT711 (advice of a third bank's credit), MT720 and MT721 (transfer), MT730
// (acknowledgement), MT732 (advice of discharge), MT734 (advice of refusal), MT740 and MT747
// (authorisation to reimburse and its amendment), MT742 (reimbursement claim), MT750 (advice of
// discrepancy), MT752 (authorisation to pay, accept or negotiate), MT754 (advice of
// payment/acceptance/negotiation) and MT756 (advice of reimbursement or payment).
//
// Spec gives each type's fields in the current standards release: tag (with its letter
// options, 42a as 42A and 42D), name, status and format in the standard's notation (4*35x,
// 6!n, 3!a15d); Validate checks a message against it and the type's network validated rules,
// naming the first defect in message order. Typed builders (MT700, MT707, MT734, Advice) cover
// the messages tradefin sends; any other is a Message built with Add and checked with Validate.
// The package does not transmit anything, it only renders and parses the FIN text.
//
// A message is blocks {1:}{2:}{3:}{4:...-}{5:}; block 4 holds fields ":TAG:value" separated by
// CRLF, at most 10,000 characters. Parsing never panics: bad input yields a *ParseError naming
// the field tag and the line.
package swift
