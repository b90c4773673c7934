module github.com/tradefin/tradefin/chaincode

go 1.26.0
