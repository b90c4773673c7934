package settlementapi

import (
	"encoding/xml"
	"fmt"
	"time"
)

// pacs002 is an ISO 20022 FIToFIPmtStsRpt (pacs.002.001.10) on the payment's pacs.009: its
// original message ID and UETR, with the transaction status (ACSC settled, RJCT rejected).
func pacs002(p Payment, status string) ([]byte, error) {
	now := time.Now().UTC()
	type txInfAndSts struct {
		OrgnlUETR string
		TxSts     string
	}
	doc := struct {
		XMLName xml.Name `xml:"urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10 Document"`
		Report  struct {
			GrpHdr struct {
				MsgID   string `xml:"MsgId"`
				CreDtTm string
			}
			OrgnlGrpInfAndSts struct {
				OrgnlMsgID   string `xml:"OrgnlMsgId"`
				OrgnlMsgNmID string `xml:"OrgnlMsgNmId"`
			}
			TxInfAndSts txInfAndSts
		} `xml:"FIToFIPmtStsRpt"`
	}{}
	doc.Report.GrpHdr.MsgID = fmt.Sprintf("PORTAL%d", now.UnixNano())
	doc.Report.GrpHdr.CreDtTm = now.Format(time.RFC3339)
	doc.Report.OrgnlGrpInfAndSts.OrgnlMsgID = p.MsgID
	doc.Report.OrgnlGrpInfAndSts.OrgnlMsgNmID = "pacs.009.001.08"
	doc.Report.TxInfAndSts = txInfAndSts{OrgnlUETR: p.UETR, TxSts: status}
	return xml.Marshal(doc)
}
