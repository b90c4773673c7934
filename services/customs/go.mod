module github.com/tradefin/tradefin/services/customs

go 1.26.0

require (
	github.com/tradefin/tradefin/events v0.0.0-00010101000000-000000000000
	golang.org/x/text v0.43.0
)

replace github.com/tradefin/tradefin/events => ../../events
