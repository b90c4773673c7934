package swift

import (
	"fmt"
	"strings"
)

// isX reports whether r is in the SWIFT X character set:
// a-z A-Z 0-9 / - ? : ( ) . , ' + space, and CR LF as line separators.
func isX(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("/-?:().,'+ \r\n", r)
}

// checkZ returns the first character outside the Z set, the widest a block 4 field may use
// (each field's own set is checked by Validate).
func checkZ(s string) error {
	for i := 0; i < len(s); i++ {
		if !charTables['z'][s[i]] {
			return fmt.Errorf("character %q at position %d is not in the SWIFT Z character set", rune(s[i]), i+1)
		}
	}
	return nil
}

// ToX replaces characters outside the X set, so free text from users can be sent: letters with
// diacritics lose them, anything else becomes a space.
func ToX(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case isX(r) && r != '\r' && r != '\n':
			b.WriteRune(r)
		case r == '\n':
			b.WriteString("\r\n")
		case r == '\r':
		default:
			if a, ok := fold[r]; ok {
				b.WriteRune(a)
			} else {
				b.WriteRune(' ')
			}
		}
	}
	return b.String()
}

var fold = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ç': 'c', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ø': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ß': 's',
	'Á': 'A', 'À': 'A', 'Â': 'A', 'Ä': 'A', 'Ã': 'A', 'Å': 'A', 'Ç': 'C', 'É': 'E', 'È': 'E', 'Ê': 'E', 'Ë': 'E',
	'Í': 'I', 'Ì': 'I', 'Î': 'I', 'Ï': 'I', 'Ñ': 'N', 'Ó': 'O', 'Ò': 'O', 'Ô': 'O', 'Ö': 'O', 'Õ': 'O', 'Ø': 'O',
	'Ú': 'U', 'Ù': 'U', 'Û': 'U', 'Ü': 'U', 'Ý': 'Y', '&': '+',
}
