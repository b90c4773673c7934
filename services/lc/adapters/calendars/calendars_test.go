package calendars_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestDefaultCalendars: the dev network's places resolve by name and alias, in their zones, with
// their holidays (UCP 600 Art. 29(a) moves an expiry on one to the next banking day).
func TestDefaultCalendars(t *testing.T) {
	cs := calendars.Default()
	for _, name := range []string{"Lisbon", "lisboa", " PTLIS ", "Porto", "Stockholm", "Gothenburg", "SEGOT"} {
		if _, ok := cs.For(name); !ok {
			t.Errorf("%q is not known", name)
		}
	}
	lisbon, _ := cs.For("Lisbon")
	if got := domain.PresentableUntil(domain.NewDate(2026, 12, 25), lisbon); !got.Equal(time.Date(2026, 12, 29, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Christmas in Lisbon: presentable until %s", got)
	}
	stockholm, _ := cs.For("Stockholm")
	if got := domain.PresentableUntil(domain.NewDate(2026, 6, 19), stockholm); !got.Equal(time.Date(2026, 6, 22, 22, 0, 0, 0, time.UTC)) {
		t.Errorf("Midsummer Eve in Stockholm: presentable until %s", got)
	}
}

// TestLoadRefusesABadFile: every bad place is named.
func TestLoadRefusesABadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "calendars.json")
	if err := os.WriteFile(path, []byte(`[{"place":"A","zone":"Mars/Olympus"},{"place":"B","zone":"UTC","weekend":["Caturday"]}]`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := calendars.Load(path)
	if err == nil || !strings.Contains(err.Error(), "Mars/Olympus") || !strings.Contains(err.Error(), "Caturday") {
		t.Fatalf("a bad file: %v", err)
	}
	if cs, err := calendars.Load(""); err != nil || len(cs.Places()) == 0 {
		t.Fatalf("no file: %v", err)
	}
}

// TestBanksActOnTheirPlacesCalendar: the issuing bank ESSESESS is at Stockholm, the advising
// bank BCOMPTPL at Lisbon (1 December, Restoration of Independence, closed there only).
func TestBanksActOnTheirPlacesCalendar(t *testing.T) {
	cs := calendars.Default()
	seb, ok := cs.ForBank("ESSESESS")
	if !ok || seb.Place() != "Stockholm" || !seb.IsBankingDay(domain.NewDate(2026, 12, 1)) {
		t.Errorf("ESSESESS: %v %q", ok, seb.Place())
	}
	if bcp, ok := cs.ForBank("BCOMPTPLXXX"); !ok || bcp.Place() != "Lisbon" || bcp.IsBankingDay(domain.NewDate(2026, 12, 1)) {
		t.Errorf("BCOMPTPLXXX: %v %q", ok, bcp.Place())
	}
	if _, err := calendars.Parse([]byte(`[{"place":"A","zone":"UTC","banks":["not a bic"]}]`)); err == nil || !strings.Contains(err.Error(), "not a bic") {
		t.Errorf("a bad BIC: %v", err)
	}
}
