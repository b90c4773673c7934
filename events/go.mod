module github.com/tradefin/tradefin/events

go 1.26.0
