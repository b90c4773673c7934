package iso20022

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// StatusReport is what settlement needs from a pacs.002 FIToFIPmtStsRpt: per transaction the
// original identifiers and the status (ExternalPaymentTransactionStatus1Code) with reason codes.
type StatusReport struct {
	MsgID        string
	OrgnlMsgID   string
	Transactions []TransactionStatus
}

type TransactionStatus struct {
	OrgnlEndToEndID string
	OrgnlUETR       string
	Status          string   // ACSC, ACCC, RJCT, ACSP, PDNG, ...
	Reasons         []string // ExternalStatusReason1Code, e.g. AC04
}

type pacs002Document struct {
	XMLName xml.Name `xml:"Document"`
	Rpt     struct {
		MsgId      string `xml:"GrpHdr>MsgId"`
		OrgnlMsgId string `xml:"OrgnlGrpInfAndSts>OrgnlMsgId"`
		GrpSts     string `xml:"OrgnlGrpInfAndSts>GrpSts"`
		Tx         []struct {
			OrgnlEndToEndId string `xml:"OrgnlEndToEndId"`
			OrgnlUETR       string `xml:"OrgnlUETR"`
			TxSts           string `xml:"TxSts"`
			Rsn             []struct {
				Cd    string `xml:"Rsn>Cd"`
				Prtry string `xml:"Rsn>Prtry"`
			} `xml:"StsRsnInf"`
		} `xml:"TxInfAndSts"`
	} `xml:"FIToFIPmtStsRpt"`
}

// ParsePacs002 reads a pacs.002 of any version 001.xx. A report without transactions takes the
// group status (GrpSts) for the whole original message.
func ParsePacs002(b []byte) (StatusReport, error) {
	var d pacs002Document
	if err := xml.Unmarshal(b, &d); err != nil {
		return StatusReport{}, fmt.Errorf("pacs.002: %w", err)
	}
	if !strings.HasPrefix(d.XMLName.Space, "urn:iso:std:iso:20022:tech:xsd:pacs.002.001.") {
		return StatusReport{}, fmt.Errorf("pacs.002: namespace %q", d.XMLName.Space)
	}
	r := StatusReport{MsgID: d.Rpt.MsgId, OrgnlMsgID: d.Rpt.OrgnlMsgId}
	if r.MsgID == "" || r.OrgnlMsgID == "" {
		return StatusReport{}, fmt.Errorf("pacs.002: GrpHdr/MsgId and OrgnlGrpInfAndSts/OrgnlMsgId are required")
	}
	for _, tx := range d.Rpt.Tx {
		ts := TransactionStatus{OrgnlEndToEndID: tx.OrgnlEndToEndId, OrgnlUETR: tx.OrgnlUETR, Status: tx.TxSts}
		for _, rs := range tx.Rsn {
			ts.Reasons = append(ts.Reasons, rs.Cd+rs.Prtry)
		}
		if ts.Status == "" {
			ts.Status = d.Rpt.GrpSts
		}
		r.Transactions = append(r.Transactions, ts)
	}
	if len(r.Transactions) == 0 {
		if d.Rpt.GrpSts == "" {
			return StatusReport{}, fmt.Errorf("pacs.002: neither TxInfAndSts nor GrpSts")
		}
		r.Transactions = []TransactionStatus{{Status: d.Rpt.GrpSts}}
	}
	for _, t := range r.Transactions {
		if len(t.Status) != 4 {
			return StatusReport{}, fmt.Errorf("pacs.002: status %q is not a 4-letter code", t.Status)
		}
	}
	return r, nil
}
