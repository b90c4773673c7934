module github.com/tradefin/tradefin/services/customs

go 1.26.0
