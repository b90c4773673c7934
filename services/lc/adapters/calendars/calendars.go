// Package calendars reads the issuing bank's banking calendars: for each place a credit may
// expire at (MT700 31D), its time zone (IANA), its weekend and its holidays. The bank keeps them
// in a JSON file (TRADEFIN_LC_CALENDARS), with the BICs of the banks at each place (the receiving
// bank's calendar decides its examination deadline, UCP 600 Art. 2, 14(b)); Default is the dev network's, for Portugal's and
// Sweden's trade places in 2026 and 2027.
package calendars

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // zones resolve on a machine without a zoneinfo database too

	"github.com/tradefin/tradefin/services/lc/domain"
)

//go:embed calendars.json
var dev []byte

// place is one entry of the file.
type place struct {
	Place    string        `json:"place"`
	Aliases  []string      `json:"aliases"` // other names of the place, e.g. its UN/LOCODE
	Banks    []string      `json:"banks"`   // BICs of the banks at the place: their acts run on its calendar
	Zone     string        `json:"zone"`    // IANA time zone, e.g. Europe/Lisbon
	Weekend  []string      `json:"weekend"` // day names; none: Saturday and Sunday
	Holidays []domain.Date `json:"holidays"`
	Comment  string        `json:"comment"`
}

// Default is the dev network's calendars.
func Default() domain.Calendars {
	cs, err := Parse(dev)
	if err != nil {
		panic(fmt.Sprintf("the embedded calendars: %v", err)) // the package's tests catch it
	}
	return cs
}

// Load reads the calendars from the JSON file at path, or Default when path is empty.
func Load(path string) (domain.Calendars, error) {
	if path == "" {
		return Default(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return domain.Calendars{}, err
	}
	cs, err := Parse(b)
	if err != nil {
		return domain.Calendars{}, fmt.Errorf("%s: %w", path, err)
	}
	return cs, nil
}

// Parse reads a JSON array of places; every problem is reported at once.
func Parse(b []byte) (domain.Calendars, error) {
	var ps []place
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ps); err != nil {
		return domain.Calendars{}, fmt.Errorf("banking calendars: %w", err)
	}
	var cs []domain.Calendar
	banks := map[string]domain.Calendar{}
	var errs []error
	for i, p := range ps {
		zone, err := time.LoadLocation(p.Zone)
		if err != nil || p.Zone == "" {
			errs = append(errs, fmt.Errorf("place %d (%s): zone %q: want an IANA time zone", i, p.Place, p.Zone))
			continue
		}
		weekend, err := weekdays(p.Weekend)
		if err != nil {
			errs = append(errs, fmt.Errorf("place %d (%s): %w", i, p.Place, err))
			continue
		}
		for _, name := range append([]string{p.Place}, p.Aliases...) {
			c, err := domain.NewCalendar(name, zone, weekend, p.Holidays)
			if err != nil {
				errs = append(errs, fmt.Errorf("place %d (%s): %w", i, name, err))
				break
			}
			cs = append(cs, c)
		}
		for _, bic := range p.Banks {
			if !validBIC(bic) {
				errs = append(errs, fmt.Errorf("place %d (%s): bank %q: want a BIC (ISO 9362, 8 or 11 letters and digits)", i, p.Place, bic))
				continue
			}
			if c, ok := domain.NewCalendars(cs...).For(p.Place); ok {
				banks[bic] = c
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return domain.Calendars{}, fmt.Errorf("banking calendars: %w", err)
	}
	out := domain.NewCalendars(cs...)
	for bic, c := range banks {
		out.AddBank(bic, c)
	}
	return out, nil
}

func validBIC(s string) bool {
	if len(s) != 8 && len(s) != 11 {
		return false
	}
	return strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == ""
}

func weekdays(names []string) ([]time.Weekday, error) {
	var out []time.Weekday
	for _, n := range names {
		found := false
		for d := time.Sunday; d <= time.Saturday; d++ {
			if strings.EqualFold(d.String(), n) {
				out, found = append(out, d), true
			}
		}
		if !found {
			return nil, fmt.Errorf("weekend day %q: want an English day name", n)
		}
	}
	return out, nil
}
