module github.com/tradefin/tradefin/workflows

go 1.26.0
