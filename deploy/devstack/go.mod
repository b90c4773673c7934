module github.com/tradefin/tradefin/deploy/devstack

go 1.26.0
