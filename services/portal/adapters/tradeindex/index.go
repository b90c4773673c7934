// Package tradeindex is the portal's in-memory index of the trades on the network: which trades
// exist, which organisations their events name, and the IDs of their credit, declarations and
// payments, so a user finds the trades of their organisation. It holds identifiers only — every
// page reads the trade itself from the services with the user's token, which decide what the
// user may see — and it is rebuilt from Kafka at every start (Follow), so the portal keeps no
// data of its own.
package tradeindex

import (
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
)

// Trade is what the index knows of one trade.
type Trade struct {
	ID           string
	Parties      []string // organisations the events name (contracts.Parties), sorted
	LCID         string
	Declarations []Declaration
	Payments     []string
	LastEvent    string // its type, e.g. lc.issued.v1
	Updated      time.Time
}

// Declaration is a declaration lodged on a trade.
type Declaration struct {
	ID, Direction string
	Lodged        time.Time
}

// Index is safe for concurrent use.
type Index struct {
	mu     sync.RWMutex
	trades map[string]*Trade
	// seen makes a redelivered event harmless.
	seen map[string]bool
}

// New returns an empty index.
func New() *Index { return &Index{trades: map[string]*Trade{}, seen: map[string]bool{}} }

// Add folds one integration event into the index.
func (x *Index) Add(env contracts.Envelope) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if env.TradeID == "" || x.seen[env.ID] {
		return
	}
	x.seen[env.ID] = true
	t := x.trades[env.TradeID]
	if t == nil {
		t = &Trade{ID: env.TradeID}
		x.trades[env.TradeID] = t
	}
	for _, p := range contracts.Parties(env) {
		if !slices.Contains(t.Parties, p) {
			t.Parties = append(t.Parties, p)
		}
	}
	sort.Strings(t.Parties)
	switch e := env.Data.(type) {
	case *contracts.LCApplied:
		t.LCID = e.LCID
	case *contracts.LCReceived: // a credit issued outside opens its trade so
		t.LCID = e.LCID
	case *contracts.ExportDeclared:
		t.addDeclaration(Declaration{ID: e.DeclarationID, Direction: "export", Lodged: env.Time})
	case *contracts.ImportDeclared:
		t.addDeclaration(Declaration{ID: e.DeclarationID, Direction: "import", Lodged: env.Time})
	case *contracts.PaymentInitiated:
		if !slices.Contains(t.Payments, e.PaymentID) {
			t.Payments = append(t.Payments, e.PaymentID)
		}
	}
	if env.Time.After(t.Updated) || t.Updated.IsZero() {
		t.LastEvent, t.Updated = env.Type, env.Time
	}
}

func (t *Trade) addDeclaration(d Declaration) {
	for _, o := range t.Declarations {
		if o.ID == d.ID {
			return
		}
	}
	t.Declarations = append(t.Declarations, d)
}

// Trades are the trades keep accepts, most recently moved first.
func (x *Index) Trades(keep func(Trade) bool) []Trade {
	x.mu.RLock()
	defer x.mu.RUnlock()
	var out []Trade
	for _, t := range x.trades {
		if c := t.clone(); keep(c) {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Updated.Equal(out[j].Updated) {
			return out[i].Updated.After(out[j].Updated)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Trade is one trade, if the index has seen an event of it.
func (x *Index) Trade(id string) (Trade, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	t, ok := x.trades[id]
	if !ok {
		return Trade{}, false
	}
	return t.clone(), true
}

func (t *Trade) clone() Trade {
	c := *t
	c.Parties = slices.Clone(t.Parties)
	c.Declarations = slices.Clone(t.Declarations)
	c.Payments = slices.Clone(t.Payments)
	return c
}
