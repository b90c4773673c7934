module github.com/tradefin/tradefin/chaincode/rules

go 1.26.0
