package store

import (
	"reflect"
	"slices"
	"time"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// derived are fields the domain derives from a credit's events, which no event stores (their
// records leave them out): a filler leaves them zero, as every event the domain records has them.
// A new derived field fails TestStoredRecordsRoundTrip until it is named here.
var derived = map[reflect.Type][]string{
	reflect.TypeFor[domain.Transfer](): {"Amendments", "Base", "AmendmentsAtTransfer"},
}

// filled is a T with every exported field set, all the way down: each string is its field's
// path (so a golden file shows where every value came from), each number distinct, each bool
// true, each pointer, slice and map holding one element. Fields named Number are 1 (the first
// amendment, instalment, …) so that filled events fold into one credit.
func filled[T any]() T {
	var v T
	f := filler{full: true}
	f.fill(reflect.ValueOf(&v).Elem(), "")
	return v
}

// hollow is a T whose pointers, slices and maps hold one element, every scalar in them zero (but
// currencies): it shows which fields of nested objects a stored record omits when empty.
func hollow[T any]() T {
	var v T
	f := filler{}
	f.fill(reflect.ValueOf(&v).Elem(), "")
	return v
}

type filler struct {
	full bool
	n    int64
}

var (
	dateType     = reflect.TypeFor[domain.Date]()
	timeType     = reflect.TypeFor[time.Time]()
	currencyType = reflect.TypeFor[money.Currency]()
)

func (f *filler) fill(v reflect.Value, path string) {
	switch v.Type() {
	case currencyType: // set even in a hollow value: an amount with no currency does not load
		v.Set(reflect.ValueOf(money.MustCurrency("EUR")))
		return
	case dateType, timeType:
		if f.full {
			f.n++
			v.Set(f.day(v.Type()))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if sf := v.Type().Field(i); sf.IsExported() && !slices.Contains(derived[v.Type()], sf.Name) {
				f.fill(v.Field(i), join(path, sf.Name))
			}
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem(), path)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		f.fill(v.Index(0), path+"[0]")
	case reflect.Map:
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		f.fill(k, path+".key")
		f.fill(e, path+"[key]")
		v.Set(reflect.MakeMap(v.Type()))
		v.SetMapIndex(k, e)
	case reflect.String:
		if f.full {
			v.SetString(path)
		}
	case reflect.Bool:
		v.SetBool(f.full)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if f.full {
			f.n++
			v.SetInt(f.n)
			if last(path) == "Number" {
				v.SetInt(1)
			}
		}
	}
}

// day is a date or an instant of its own (the nth day of 2026, the nth hour of its first day).
func (f *filler) day(t reflect.Type) reflect.Value {
	if t == dateType {
		return reflect.ValueOf(domain.NewDate(2026, 1, 1).AddDays(int(f.n)))
	}
	return reflect.ValueOf(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(f.n) * time.Hour))
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func last(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '.' {
			return path[i+1:]
		}
	}
	return path
}
