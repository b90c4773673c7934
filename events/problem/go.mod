module github.com/tradefin/tradefin/events/problem

go 1.26.0
