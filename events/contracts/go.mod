module github.com/tradefin/tradefin/events/contracts

go 1.26.0

require (
	github.com/tradefin/tradefin/events/identity v0.0.0-00010101000000-000000000000
	github.com/tradefin/tradefin/events/money v0.0.0-00010101000000-000000000000
)

require (
	github.com/tradefin/tradefin/events/problem v0.0.0-00010101000000-000000000000 // indirect
	golang.org/x/text v0.43.0 // indirect
)

replace github.com/tradefin/tradefin/events/identity => ../identity

replace github.com/tradefin/tradefin/events/money => ../money

replace github.com/tradefin/tradefin/events/problem => ../problem
