// Package iso20022 writes the ISO 20022 message settlement sends (pacs.009.001.08, the FI-to-FI
// credit transfer by which the issuing bank pays the advising bank) and reads the status report it
// receives (pacs.002 FIToFIPmtStsRpt). It uses encoding/xml with the schemas' namespaces and
// element order: only these two messages are needed, and github.com/moov-io/iso20022 (v0.2.1)
// is being deprecated by its maintainers in favour of scheme-specific repositories.
package iso20022

import (
	"encoding/xml"
	"fmt"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// NamespacePacs009 is the target namespace of FinancialInstitutionCreditTransferV08.
const NamespacePacs009 = "urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"

type pacs009Document struct {
	XMLName  xml.Name `xml:"Document"`
	Xmlns    string   `xml:"xmlns,attr"`
	FICdtTrf fiCdtTrf `xml:"FICdtTrf"`
}

type fiCdtTrf struct {
	GrpHdr      grpHdr009 `xml:"GrpHdr"`
	CdtTrfTxInf cdtTrfTx  `xml:"CdtTrfTxInf"`
}

// GroupHeader93: MsgId, CreDtTm (ISODateTime), NbOfTxs, SttlmInf/SttlmMtd.
type grpHdr009 struct {
	MsgId    string `xml:"MsgId"`
	CreDtTm  string `xml:"CreDtTm"`
	NbOfTxs  string `xml:"NbOfTxs"`
	SttlmMtd string `xml:"SttlmInf>SttlmMtd"`
}

// CreditTransferTransaction36, elements in schema order.
type cdtTrfTx struct {
	InstrId         string    `xml:"PmtId>InstrId"`
	EndToEndId      string    `xml:"PmtId>EndToEndId"`
	UETR            string    `xml:"PmtId>UETR"`
	IntrBkSttlmAmt  amount    `xml:"IntrBkSttlmAmt"`
	IntrBkSttlmDt   string    `xml:"IntrBkSttlmDt"`
	InstgAgt        fiBIC     `xml:"InstgAgt>FinInstnId"`
	InstdAgt        fiBIC     `xml:"InstdAgt>FinInstnId"`
	Dbtr            fiBIC     `xml:"Dbtr>FinInstnId"`
	Cdtr            fiBIC     `xml:"Cdtr>FinInstnId"`
	InstrForCdtrAgt *instrInf `xml:"InstrForCdtrAgt,omitempty"`
	Ustrd           string    `xml:"RmtInf>Ustrd,omitempty"`
}

// InstructionForCreditorAgent3: free text for the advising bank, the account-with institution.
type instrInf struct {
	InstrInf string `xml:"InstrInf"` // Max140Text
}

// ActiveCurrencyAndAmount: decimal with as many fraction digits as ISO 4217 gives the currency.
type amount struct {
	Ccy   string `xml:"Ccy,attr"`
	Value string `xml:",chardata"`
}

type fiBIC struct {
	BICFI string `xml:"BICFI"`
}

// Pacs009 builds the cover payment of one attempt of an instructed payment: the issuing bank
// (debtor, instructing agent) pays the advising bank (creditor, instructed agent) the credited
// amount on the settlement date, settlement method INDA (the instructed agent holds the account:
// our vostro/nostro). Each attempt has its own MsgId and UETR; created is the attempt's
// instruction time, so the message rebuilt later is the one sent. The creditor account the
// advising bank credits for the beneficiary (the honour's, or a correction's) travels as the
// instruction for the creditor agent, "/ACC/" as in the MT field 72 it replaces.
func Pacs009(p *domain.Payment, a *domain.Attempt) ([]byte, error) {
	if a == nil || a.MsgID == "" {
		return nil, fmt.Errorf("payment %s not instructed", p.ID())
	}
	tx := cdtTrfTx{
		InstrId: a.MsgID, EndToEndId: a.EndToEndID, UETR: a.UETR,
		IntrBkSttlmAmt: amountOf(a.Credited), IntrBkSttlmDt: a.SettlementDate,
		InstgAgt: fiBIC{p.Obligation.IssuingBank}, InstdAgt: fiBIC{p.CreditorAgent()},
		Dbtr: fiBIC{p.Obligation.IssuingBank}, Cdtr: fiBIC{p.CreditorAgent()},
		Ustrd: "/LC/" + p.Obligation.LCID + "/PRES/" + p.Obligation.PresentationID,
	}
	if a.CreditorAccount != "" {
		tx.InstrForCdtrAgt = &instrInf{InstrInf: "/ACC/" + a.CreditorAccount}
	}
	doc := pacs009Document{Xmlns: NamespacePacs009, FICdtTrf: fiCdtTrf{
		GrpHdr:      grpHdr009{MsgId: a.MsgID, CreDtTm: a.InstructedAt.UTC().Format("2006-01-02T15:04:05Z"), NbOfTxs: "1", SttlmMtd: "INDA"},
		CdtTrfTxInf: tx,
	}}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

func amountOf(m money.Money) amount { return amount{Ccy: m.Currency.Code(), Value: m.Decimal()} }
