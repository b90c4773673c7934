module github.com/tradefin/tradefin/events/identity

go 1.26.0

require github.com/tradefin/tradefin/events/problem v0.0.0-00010101000000-000000000000

replace github.com/tradefin/tradefin/events/problem => ../problem
