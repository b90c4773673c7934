package soak

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"
)

// A credit expires at the end of its expiry date at its place of expiry (UCP 600 Art. 6(d)(i),
// 29(a)): the LC service's presentable-until instant, a local midnight of a place on its banking
// calendars. The soak's expired path needs credits that expire within minutes of their
// application, whenever it starts, so the soak gives the LC service places of its own: one per
// minute of the run, each in a time zone whose midnight falls on that minute (a fixed UTC offset
// in minutes, written as a zoneinfo file the LC process finds through ZONEINFO). A trade takes
// the place whose day ends expiryLead after it applies, which leaves its issue, advice and
// acceptance time to happen before the credit expires.

// expiryLead is how long after its application an expiring credit's place's day ends.
const expiryLead = 90 * time.Second

// expiringMinutes is how many places (minutes of the run) the soak's calendars hold.
const expiringMinutes = 180

// ExpiringPlaces are the places of expiry the soak adds to the LC service's calendars.
type ExpiringPlaces struct {
	First time.Time // the end of the day at place 0, on a minute; place k's ends k minutes later
	N     int
}

// For is the place and expiry date of a credit applied at: the first place whose day ends at
// least expiryLead later.
func (e ExpiringPlaces) For(at time.Time) (place, date string, err error) {
	k := int(math.Ceil(at.Add(expiryLead).Sub(e.First).Minutes()))
	if k < 0 || k >= e.N {
		return "", "", fmt.Errorf("no place of the soak's calendars expires %s after %s (they cover %s to %s)",
			expiryLead, at.Format(time.TimeOnly), e.First.Format(time.TimeOnly), e.First.Add(time.Duration(e.N)*time.Minute).Format(time.TimeOnly))
	}
	end := e.First.Add(time.Duration(k) * time.Minute)
	return placeName(k), end.In(e.zone(k)).Add(-time.Second).Format(time.DateOnly), nil
}

func placeName(k int) string { return fmt.Sprintf("SOAK-EXPIRY-%03d", k) }

func zoneName(k int) string { return fmt.Sprintf("TradefinSoak/M%03d", k) }

// offset is place k's UTC offset: the one whose local midnight is the end of its day.
func (e ExpiringPlaces) offset(k int) time.Duration {
	end := e.First.Add(time.Duration(k) * time.Minute)
	sinceMidnight := end.Sub(end.Truncate(24 * time.Hour))
	return (24*time.Hour - sinceMidnight) % (24 * time.Hour) // east of UTC, 0 to 23:59
}

func (e ExpiringPlaces) zone(k int) *time.Location {
	return time.FixedZone(zoneName(k), int(e.offset(k).Seconds()))
}

// WriteExpiringCalendars writes, under dir, the zoneinfo files of the expiring places and a
// calendars file holding the LC service's own (base, the JSON array it embeds) and them, for
// places whose days end from start+expiryLead on, and returns the places and the environment
// that makes an LC process use them.
func WriteExpiringCalendars(dir string, base []byte, start time.Time) (ExpiringPlaces, []string, error) {
	e := ExpiringPlaces{First: start.Add(expiryLead).Truncate(time.Minute).Add(time.Minute), N: expiringMinutes}
	var places []json.RawMessage
	if err := json.Unmarshal(base, &places); err != nil {
		return e, nil, fmt.Errorf("the LC service's calendars: %w", err)
	}
	zoneinfo := filepath.Join(dir, "zoneinfo")
	// Every day of the run is a banking day: the weekend is a day the run does not reach.
	weekend := start.AddDate(0, 0, 3).Weekday().String()
	for k := range e.N {
		path := filepath.Join(zoneinfo, zoneName(k))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return e, nil, err
		}
		if err := os.WriteFile(path, tzif(int32(e.offset(k).Seconds())), 0o644); err != nil {
			return e, nil, err
		}
		p, err := json.Marshal(map[string]any{"place": placeName(k), "zone": zoneName(k), "weekend": []string{weekend},
			"comment": "the soak's: its day ends at " + e.First.Add(time.Duration(k)*time.Minute).Format(time.RFC3339)})
		if err != nil {
			return e, nil, err
		}
		places = append(places, p)
	}
	b, err := json.Marshal(places)
	if err != nil {
		return e, nil, err
	}
	cals := filepath.Join(dir, "calendars.json")
	if err := os.WriteFile(cals, b, 0o644); err != nil {
		return e, nil, err
	}
	return e, []string{"TRADEFIN_LC_CALENDARS=" + cals, "ZONEINFO=" + zoneinfo}, nil
}

// tzif is a zoneinfo file (RFC 8536, version 2) of one fixed UTC offset, in seconds east.
func tzif(offset int32) []byte {
	const abbr = "SOAK\x00"
	block := func(b []byte) []byte {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []uint32{0, 0, 0, 0, 1, uint32(len(abbr))} { // isut, isstd, leap, time, type, char counts
			b = binary.BigEndian.AppendUint32(b, n)
		}
		b = binary.BigEndian.AppendUint32(b, uint32(offset))
		b = append(b, 0, 0) // not DST; abbreviation at 0
		return append(b, abbr...)
	}
	b := block(block(nil))      // the version 1 data, then the version 2 data (no transitions in either)
	return append(b, "\n\n"...) // an empty footer: no rule beyond the one offset
}
