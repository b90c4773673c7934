package soak

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Each expiring place's zoneinfo file loads as the offset whose midnight ends its day, and a
// credit applied at any moment of the run gets the place whose day ends expiryLead to a minute
// after it, with that local day as its expiry date.
func TestExpiringPlacesEndTheirDayMinutesAfterTheApplication(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 12, 1, 12, 37, 20, 0, time.UTC)
	e, env, err := WriteExpiringCalendars(dir, []byte(`[{"place": "Lisbon", "zone": "Europe/Lisbon"}]`), start)
	if err != nil {
		t.Fatal(err)
	}
	if len(env) != 2 {
		t.Fatalf("environment %v", env)
	}
	for _, at := range []time.Time{start, start.Add(17*time.Minute + 59*time.Second), start.Add(2 * time.Hour)} {
		place, date, err := e.For(at)
		if err != nil {
			t.Fatal(err)
		}
		var k int
		if _, err := fmt.Sscanf(place, "SOAK-EXPIRY-%d", &k); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "zoneinfo", zoneName(k)))
		if err != nil {
			t.Fatal(err)
		}
		loc, err := time.LoadLocationFromTZData(zoneName(k), b)
		if err != nil {
			t.Fatalf("%s: %v", zoneName(k), err)
		}
		d, err := time.ParseInLocation(time.DateOnly, date, loc)
		if err != nil {
			t.Fatal(err)
		}
		end := d.AddDate(0, 0, 1) // the local midnight that ends the expiry date
		if left := end.Sub(at); left < expiryLead || left >= expiryLead+time.Minute {
			t.Errorf("applied at %s: %s on %s ends its day at %s, %s later", at.Format(time.TimeOnly), place, date, end.UTC().Format(time.TimeOnly), left)
		}
	}
	if _, _, err := e.For(start.Add(expiringMinutes * time.Minute)); err == nil {
		t.Error("a moment past the calendars' minutes got a place")
	}
}
