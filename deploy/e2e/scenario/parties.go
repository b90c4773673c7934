package scenario

// The parties of the demo trade: Portuguese tiles sold to a Swedish importer under a credit issued
// by a Swedish bank and advised by a Portuguese one.
var (
	importer      = party{"Nordic Imports AB", "importer"}
	exporter      = party{"Azulejos Lisboa Lda", "exporter"}
	issuingBank   = party{"ESSESESS", "issuing-bank"}
	advisingBank  = party{"BCOMPTPL", "advising-bank"}
	exportCustoms = party{"PT-AT-LISBOA", "customs-export"}
	importCustoms = party{"SE-TULLVERKET", "customs-import"}
	carrier       = party{"MAEU", "carrier"}
	settlementOps = party{"NCLRSESS", "settlement-bank"} // Nordic Clearing House: nils, payments-officer (or the nclr-gateway client)
)
