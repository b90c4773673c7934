module github.com/tradefin/tradefin/workflows

go 1.26.0

require github.com/tradefin/tradefin/events v0.0.0-00010101000000-000000000000

require go.temporal.io/sdk v1.50.0 // indirect

replace github.com/tradefin/tradefin/events => ../events
