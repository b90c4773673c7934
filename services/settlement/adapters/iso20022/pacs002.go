package iso20022

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/tradefin/tradefin/services/settlement/domain"
)

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

// ParsePacs002 reads a pacs.002 FIToFIPmtStsRpt of any version 001.xx into what settlement needs
// of it (domain.StatusReport; the payment rules check its bounds). A report without transactions
// takes the group status (GrpSts) for the whole original message. Its errors are the reasons a
// document is no pacs.002, fit for a problem's detail.
func ParsePacs002(b []byte) (domain.StatusReport, error) {
	var d pacs002Document
	if err := xml.Unmarshal(b, &d); err != nil {
		return domain.StatusReport{}, fmt.Errorf("pacs.002: %w", err)
	}
	if !strings.HasPrefix(d.XMLName.Space, "urn:iso:std:iso:20022:tech:xsd:pacs.002.001.") {
		return domain.StatusReport{}, fmt.Errorf("pacs.002: namespace %q", d.XMLName.Space)
	}
	r := domain.StatusReport{MsgID: d.Rpt.MsgId, OrgnlMsgID: d.Rpt.OrgnlMsgId}
	if r.MsgID == "" || r.OrgnlMsgID == "" {
		return domain.StatusReport{}, fmt.Errorf("pacs.002: GrpHdr/MsgId and OrgnlGrpInfAndSts/OrgnlMsgId are required")
	}
	for _, tx := range d.Rpt.Tx {
		ts := domain.TransactionStatus{OrgnlEndToEndID: tx.OrgnlEndToEndId, OrgnlUETR: tx.OrgnlUETR, Status: tx.TxSts}
		for _, rs := range tx.Rsn {
			code := rs.Cd // ExternalStatusReason1Code; else the proprietary reason
			if code == "" {
				code = rs.Prtry
			}
			ts.Reasons = append(ts.Reasons, code)
		}
		if ts.Status == "" {
			ts.Status = d.Rpt.GrpSts
		}
		r.Transactions = append(r.Transactions, ts)
	}
	if len(r.Transactions) == 0 {
		if d.Rpt.GrpSts == "" {
			return domain.StatusReport{}, fmt.Errorf("pacs.002: neither TxInfAndSts nor GrpSts")
		}
		r.Transactions = []domain.TransactionStatus{{Status: d.Rpt.GrpSts}}
	}
	for _, t := range r.Transactions {
		if len(t.Status) != 4 {
			return domain.StatusReport{}, fmt.Errorf("pacs.002: status %q is not a 4-letter code", t.Status)
		}
	}
	return r, nil
}
