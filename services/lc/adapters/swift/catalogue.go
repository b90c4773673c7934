package swift

// The Category 7 messages for documentary credits, field by field, in the order and with the
// status of the current standards release (the MT700/707 redesign of SR 2018 and its later
// maintenance). Groups of fields shared by several messages are written once.

// availability: how and where the credit is available (UCP 600 Art. 6).
var availability = fields(
	ma("41a", "Available With ... By ...", "AD"), o("42C", "Drafts at ..."), oa("42a", "Drawee", "AD"),
	o("42M", "Mixed Payment Details"), o("42P", "Negotiation/Deferred Payment Details"))

// shipment: partial shipment, transhipment, the route and the shipment dates.
var shipment = fields(
	o("43P", "Partial Shipments"), o("43T", "Transhipment"),
	o("44A", "Place of Taking in Charge/Dispatch from .../Place of Receipt"),
	o("44E", "Port of Loading/Airport of Departure"), o("44F", "Port of Discharge/Airport of Destination"),
	o("44B", "Place of Final Destination/For Transportation to .../Place of Delivery"),
	o("44C", "Latest Date of Shipment"), o("44D", "Shipment Period"))

// narrative: goods, documents, conditions and special payment conditions, which MT701, MT711 and
// MT721 continue.
var narrative = fields(
	o("45A", "Description of Goods and/or Services"), o("46A", "Documents Required"), o("47A", "Additional Conditions"),
	o("49G", "Special Payment Conditions for Beneficiary"), o("49H", "Special Payment Conditions for Bank Only"))

// amendedNarrative: the narrative fields of an amendment, each starting with /ADD/, /DELETE/ or
// /REPALL/ (MT707 and its continuation MT708).
var amendedNarrative = fields(
	o("45B", "Description of Goods and/or Services"), o("46B", "Documents Required"), o("47B", "Additional Conditions"),
	o("49M", "Special Payment Conditions for Beneficiary"), o("49N", "Special Payment Conditions for Bank Only"))

var amounts = fields(o("39A", "Percentage Credit Amount Tolerance"), o("39C", "Additional Amounts Covered"))

// optionalAvailability is availability where even 41a is optional (MT705, MT707).
func optionalAvailability() []FieldSpec {
	out := append([]FieldSpec(nil), availability...)
	out[0].Mandatory = false
	return out
}

func continuation(mt, name, ref20, ref21 string) MessageSpec {
	head := fields(m("27", "Sequence of Total"), m("20", ref20))
	if ref21 != "" {
		head = append(head, m("21", ref21))
	}
	return MessageSpec{Type: mt, Name: name, Fields: join(head, narrative)}
}

var catalogue = map[string]MessageSpec{
	"700": {Type: "700", Name: "Issue of a Documentary Credit", Fields: join(
		fields(m("27", "Sequence of Total"), m("40A", "Form of Documentary Credit"), m("20", "Documentary Credit Number"),
			o("23", "Reference to Pre-Advice"), m("31C", "Date of Issue"), m("40E", "Applicable Rules"),
			m("31D", "Date and Place of Expiry"), oa("51a", "Applicant Bank", "AD"), m("50", "Applicant"), m("59", "Beneficiary"),
			m("32B", "Currency Code, Amount")),
		amounts, availability, shipment, narrative,
		fields(o("71D", "Charges"), o("48", "Period for Presentation in Days"), m("49", "Confirmation Instructions"),
			oa("58a", "Requested Confirmation Party", "AD"), oa("53a", "Reimbursing Bank", "AD"),
			o("78", "Instructions to the Paying/Accepting/Negotiating Bank"), oa("57a", "'Advise Through' Bank", "ABD"),
			o("72Z", "Sender to Receiver Information")))},
	"701": continuation("701", "Issue of a Documentary Credit (continuation)", "Documentary Credit Number", ""),
	"705": {Type: "705", Name: "Pre-Advice of a Documentary Credit", Fields: join(
		fields(m("40A", "Form of Documentary Credit"), m("20", "Documentary Credit Number"), m("31D", "Date and Place of Expiry"),
			m("50", "Applicant"), m("59", "Beneficiary"), m("32B", "Currency Code, Amount")),
		amounts, optionalAvailability()[:1], shipment[2:],
		fields(o("45A", "Description of Goods and/or Services"), oa("57a", "'Advise Through' Bank", "ABD"),
			o("79Z", "Narrative"), o("72Z", "Sender to Receiver Information")))},
	"707": {Type: "707", Name: "Amendment to a Documentary Credit", Fields: join(
		fields(m("27", "Sequence of Total"), m("20", "Sender's Reference"), m("21", "Receiver's Reference"),
			m("23", "Issuing Bank's Reference"), oa("52a", "Issuing Bank", "AD"), o("50B", "Non-Bank Issuer"),
			m("31C", "Date of Issue"), m("26E", "Number of Amendment"), m("30", "Date of Amendment"),
			m("22A", "Purpose of Message"), o("23S", "Cancellation Request"), o("40A", "Form of Documentary Credit"),
			o("40E", "Applicable Rules"), o("31D", "Date and Place of Expiry"), o("50", "Changed Applicant Details"),
			o("59", "Beneficiary"), o("32B", "Increase of Documentary Credit Amount"),
			o("33B", "Decrease of Documentary Credit Amount")),
		amounts, optionalAvailability(), shipment, amendedNarrative,
		fields(o("71D", "Charges"), o("71N", "Amendment Charge Payable By"), o("48", "Period for Presentation in Days"),
			o("49", "Confirmation Instructions"), oa("58a", "Requested Confirmation Party", "AD"),
			oa("53a", "Reimbursing Bank", "AD"), o("78", "Instructions to the Paying/Accepting/Negotiating Bank"),
			oa("57a", "'Advise Through' Bank", "ABD"), o("72Z", "Sender to Receiver Information")))},
	"708": {Type: "708", Name: "Amendment to a Documentary Credit (continuation)", Fields: join(
		fields(m("27", "Sequence of Total"), m("20", "Sender's Reference"), m("21", "Receiver's Reference"),
			m("23", "Issuing Bank's Reference"), m("26E", "Number of Amendment"), m("30", "Date of Amendment")),
		amendedNarrative)},
	"710": {Type: "710", Name: "Advice of a Third Bank's or a Non-Bank's Documentary Credit", Fields: join(
		fields(m("27", "Sequence of Total"), m("40B", "Form of Documentary Credit"), m("20", "Sender's Reference"),
			m("21", "Documentary Credit Number"), o("23", "Reference to Pre-Advice"), m("31C", "Date of Issue"),
			m("40E", "Applicable Rules"), m("31D", "Date and Place of Expiry"), oa("52a", "Issuing Bank", "AD"),
			o("50B", "Non-Bank Issuer"), oa("51a", "Applicant Bank", "AD"), m("50", "Applicant"), m("59", "Beneficiary"),
			m("32B", "Currency Code, Amount")),
		amounts, availability, shipment, narrative,
		fields(o("71D", "Charges"), o("48", "Period for Presentation in Days"), m("49", "Confirmation Instructions"),
			oa("58a", "Requested Confirmation Party", "AD"), oa("53a", "Reimbursing Bank", "AD"),
			o("78", "Instructions to the Paying/Accepting/Negotiating Bank"), o("78D", "Instructions from Intermediary Bank"),
			oa("57a", "'Advise Through' Bank", "ABD"), o("72Z", "Sender to Receiver Information")))},
	"711": continuation("711", "Advice of a Third Bank's Documentary Credit (continuation)", "Sender's Reference", "Documentary Credit Number"),
	"720": {Type: "720", Name: "Transfer of a Documentary Credit", Fields: join(
		fields(m("27", "Sequence of Total"), m("40B", "Form of Documentary Credit"), m("20", "Transferring Bank's Reference"),
			m("21", "Documentary Credit Number"), m("31C", "Date of Issue"), m("40E", "Applicable Rules"),
			m("31D", "Date and Place of Expiry"), oa("52a", "Issuing Bank of the Original Documentary Credit", "AD"),
			o("50B", "Non-Bank Issuer of the Original Documentary Credit"), m("50", "First Beneficiary"),
			m("59", "Second Beneficiary"), m("32B", "Currency Code, Amount")),
		amounts, availability, shipment, narrative,
		fields(o("71D", "Charges"), o("48", "Period for Presentation in Days"), m("49", "Confirmation Instructions"),
			oa("58a", "Requested Confirmation Party", "AD"),
			o("78", "Instructions to the Paying/Accepting/Negotiating Bank"), o("78D", "Instructions from Intermediary Bank"),
			oa("57a", "'Advise Through' Bank", "ABD"), o("72Z", "Sender to Receiver Information")))},
	"721": continuation("721", "Transfer of a Documentary Credit (continuation)", "Transferring Bank's Reference", "Documentary Credit Number"),
	"730": {Type: "730", Name: "Acknowledgement", Fields: fields(
		m("20", "Sender's Reference"), m("21", "Receiver's Reference"), o("25", "Account Identification"),
		m("30", "Date of the Message Being Acknowledged"), oa("32a", "Amount of Charges", "BD"),
		oa("57a", "Account With Bank", "AD"), o("71D", "Charges"), o("72Z", "Sender to Receiver Information"),
		o("79Z", "Narrative"))},
	"732": {Type: "732", Name: "Advice of Discharge", Fields: fields(
		m("20", "Sender's Reference"), m("21", "Presenting Bank's Reference"),
		m("30", "Date of Advice of Payment/Acceptance/Negotiation"), m("32B", "Amount of Utilisation"),
		o("72Z", "Sender to Receiver Information"))},
	"734": {Type: "734", Name: "Advice of Refusal", Fields: fields(
		m("20", "Sender's TRN"), m("21", "Presenting Bank's Reference"), m("32A", "Date and Amount of Utilisation"),
		o("73A", "Charges Claimed"), oa("33a", "Total Amount Claimed", "AB"), oa("57a", "Account With Bank", "ABD"),
		o("72Z", "Sender to Receiver Information"), m("77J", "Discrepancies"), m("77B", "Disposal of Documents"))},
	"740": {Type: "740", Name: "Authorisation to Reimburse", Fields: join(
		fields(m("20", "Documentary Credit Number"), o("25", "Account Identification"), m("40F", "Applicable Rules"),
			o("31D", "Date and Place of Expiry"), oa("58a", "Negotiating Bank", "AD"), o("59", "Beneficiary"),
			m("32B", "Credit Amount")),
		amounts, availability,
		fields(o("71A", "Reimbursing Bank's Charges"), o("71D", "Other Charges"), o("72Z", "Sender to Receiver Information")))},
	"742": {Type: "742", Name: "Reimbursement Claim", Fields: fields(
		m("20", "Claiming Bank's Reference"), m("21", "Documentary Credit Number"), o("31C", "Date of Issue"),
		ma("52a", "Issuing Bank", "AD"), m("32B", "Principal Amount Claimed"), o("33B", "Additional Amount Claimed"),
		o("71D", "Charges"), ma("34a", "Total Amount Claimed", "AB"), oa("57a", "Account With Bank", "ABD"),
		oa("58a", "Beneficiary Bank", "AD"), o("72Z", "Sender to Receiver Information"))},
	"747": {Type: "747", Name: "Amendment to an Authorisation to Reimburse", Fields: join(
		fields(m("20", "Documentary Credit Number"), o("21", "Reimbursing Bank's Reference"),
			m("30", "Date of the Original Authorisation to Reimburse"), o("31E", "New Date of Expiry"),
			o("32B", "Increase of Documentary Credit Amount"), o("33B", "Decrease of Documentary Credit Amount"),
			o("34B", "New Documentary Credit Amount After Amendment")),
		amounts, fields(o("72Z", "Sender to Receiver Information"), o("77", "Narrative")))},
	"750": {Type: "750", Name: "Advice of Discrepancy", Fields: fields(
		m("20", "Presenting Bank's Reference"), m("21", "Related Reference"), m("32B", "Principal Amount"),
		o("33B", "Additional Amount"), o("71D", "Charges to be Deducted"), o("73A", "Charges to be Added"),
		o("34B", "Total Amount to be Paid"), oa("57a", "Account With Bank", "ABD"),
		o("72Z", "Sender to Receiver Information"), m("77J", "Discrepancies"))},
	"752": {Type: "752", Name: "Authorisation to Pay, Accept or Negotiate", Fields: fields(
		m("20", "Documentary Credit Number"), m("21", "Presenting Bank's Reference"), m("23", "Further Identification"),
		m("30", "Date of Advice of Discrepancy or Mailing"), o("32B", "Total Amount Advised"), o("71D", "Charges Deducted"),
		oa("33a", "Net Amount", "AB"), oa("53a", "Sender's Correspondent", "ABD"), oa("54a", "Receiver's Correspondent", "ABD"),
		o("72Z", "Sender to Receiver Information"), o("79Z", "Narrative"))},
	"754": {Type: "754", Name: "Advice of Payment/Acceptance/Negotiation", Fields: fields(
		m("20", "Sender's Reference"), m("21", "Related Reference"), ma("32a", "Principal Amount Paid/Accepted/Negotiated", "AB"),
		o("33B", "Additional Amounts"), o("71D", "Charges Deducted"), o("73A", "Charges Added"),
		oa("34a", "Total Amount Claimed", "AB"), oa("53a", "Reimbursing Bank", "ABD"), oa("57a", "Account With Bank", "ABD"),
		oa("58a", "Beneficiary Bank", "AD"), o("72Z", "Sender to Receiver Information"), o("77", "Narrative"))},
	"756": {Type: "756", Name: "Advice of Reimbursement or Payment", Fields: fields(
		m("20", "Sender's Reference"), m("21", "Presenting Bank's Reference"), m("32B", "Total Amount Claimed"),
		m("33A", "Amount Reimbursed or Paid"), oa("53a", "Sender's Correspondent", "ABD"),
		oa("54a", "Receiver's Correspondent", "ABD"), o("72Z", "Sender to Receiver Information"), o("79Z", "Narrative"))},
}
