module github.com/tradefin/tradefin/services/settlement

go 1.26.0
