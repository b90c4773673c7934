module github.com/tradefin/tradefin/services/lc

go 1.26.0
