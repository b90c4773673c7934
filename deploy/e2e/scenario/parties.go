package scenario

// The parties of the demo trade: Portuguese tiles sold to a Swedish importer under a credit issued
// by a Swedish bank and advised by a Portuguese one. Each step is taken by a user of the dev
// directory (services/signin/directory/dev.yaml), signed in through the identity provider.
var (
	importer      = party{"ingrid", "5493001NORDICIMP0058", "Nordic Imports AB"}
	exporter      = party{"joao", "5493002AZULEJOSLX028", "Azulejos Lisboa Lda"}
	issuingBank   = party{"erik", "ESSESESS", "Skandinaviska Enskilda Banken"}
	advisingBank  = party{"ana", "BCOMPTPL", "Banco Comercial Português"}
	exportCustoms = party{"marta", "PT000100", "Alfândega de Lisboa"}
	importCustoms = party{"lars", "SE000100", "Tullverket Göteborg"}
	carrier       = party{"mads", "MAEU", "Maersk"}
	settlementOps = party{"nils", "NCLRSESS", "Nordic Clearing House"}
)

// party is who makes a request: a user of an organisation.
type party struct{ user, org, name string }
