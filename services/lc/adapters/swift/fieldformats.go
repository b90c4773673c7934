package swift

// fieldFormats is each Category 7 field's format by concrete tag (a letter option is its own
// tag: 42A and 42D). A tag has the same format in every message that uses it, so this is the one
// place formats are written. Source: the Category 7 standards release's field specifications.
var fieldFormats = map[string]string{
	"20": "16x", "21": "16x", "23": "16x", "23S": "6!a", "22A": "4!c", "25": "35x", "26E": "3n", "27": "1!n/1!n",
	"30": "6!n", "31C": "6!n", "31D": "6!n29x", "31E": "6!n",
	"32A": "6!n3!a15d", "32B": "3!a15d", "32D": "6!n3!a15d", "33A": "6!n3!a15d", "33B": "3!a15d",
	"34A": "6!n3!a15d", "34B": "3!a15d",
	"39A": "2n/2n", "39C": "4*35x",
	"40A": "24x", "40B": "24x$24x", "40E": "30x[/35x]", "40F": "30x",
	"41A": bic + "$14x", "41D": "4*35x$14x",
	"42C": "3*35x", "42A": partyID + bic, "42D": partyID + "4*35x", "42M": "4*35x", "42P": "4*35x",
	"43P": "11x", "43T": "11x",
	"44A": "140z", "44B": "140z", "44C": "6!n", "44D": "6*65x", "44E": "140z", "44F": "140z",
	"45A": "100*65z", "45B": "100*65z", "46A": "100*65z", "46B": "100*65z", "47A": "100*65z", "47B": "100*65z",
	"48": "3n[/35x]", "49": "7!x", "49G": "100*65z", "49H": "100*65z", "49M": "100*65z", "49N": "100*65z",
	"50": "4*35x", "50B": "4*35x", "59": "[/34x$]4*35x",
	"51A": partyID + bic, "51D": partyID + "4*35x",
	"52A": partyID + bic, "52D": partyID + "4*35x",
	"53A": partyID + bic, "53B": partyID + "[35x]", "53D": partyID + "4*35x",
	"54A": partyID + bic, "54B": partyID + "[35x]", "54D": partyID + "4*35x",
	"57A": partyID + bic, "57B": partyID + "[35x]", "57D": partyID + "4*35x",
	"58A": partyID + bic, "58D": partyID + "4*35x",
	"71A": "3!a", "71D": "6*35z", "71N": "4!c[$6*35z]", "72Z": "6*35z", "73A": "6*35z",
	"77": "20*35z", "77B": "3*35x", "77J": "70*50z", "78": "12*65x", "78D": "12*65x", "79Z": "35*50z",
}

const (
	// bic is the identifier code (BIC) of options A: bank code, country, location, branch.
	bic = "4!a2!a2!c[3!c]"
	// partyID is a party field's optional first line: /D or /C (debit, credit) and/or an account.
	partyID = "[[/1!a][/34x]$]"
)

// compiledFormats is fieldFormats compiled once.
var compiledFormats = func() map[string]*format {
	out := make(map[string]*format, len(fieldFormats))
	for tag, f := range fieldFormats {
		out[tag] = mustFormat(f)
	}
	return out
}()
