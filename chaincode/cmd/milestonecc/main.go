// Command milestonecc runs the milestone chaincode as a service (the peer dials it), so no
// Docker is needed. Configuration comes from the environment:
// CHAINCODE_ID (package ID), CHAINCODE_SERVER_ADDRESS, and for mutual TLS
// CHAINCODE_TLS_CERT, CHAINCODE_TLS_KEY, CHAINCODE_CLIENT_CA_CERT.
package main

import (
	"fmt"
	"os"

	"github.com/hyperledger/fabric-chaincode-go/v2/shim"
	"github.com/hyperledger/fabric-contract-api-go/v2/contractapi"

	"github.com/tradefin/tradefin/chaincode/milestone"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "milestonecc:", err)
		os.Exit(1)
	}
}

func run() error {
	cc, err := contractapi.NewChaincode(&milestone.Contract{})
	if err != nil {
		return err
	}
	cc.Info.Title, cc.Info.Version = "tradefin milestones", "1.0"
	tls, err := tlsProperties()
	if err != nil {
		return err
	}
	server := &shim.ChaincodeServer{
		CCID:     os.Getenv("CHAINCODE_ID"),
		Address:  os.Getenv("CHAINCODE_SERVER_ADDRESS"),
		CC:       cc,
		TLSProps: tls,
	}
	if server.CCID == "" || server.Address == "" {
		return fmt.Errorf("CHAINCODE_ID and CHAINCODE_SERVER_ADDRESS are required")
	}
	return server.Start()
}

func tlsProperties() (shim.TLSProperties, error) {
	certFile, keyFile := os.Getenv("CHAINCODE_TLS_CERT"), os.Getenv("CHAINCODE_TLS_KEY")
	if certFile == "" {
		return shim.TLSProperties{Disabled: true}, nil
	}
	cert, err1 := os.ReadFile(certFile)
	key, err2 := os.ReadFile(keyFile)
	ca, err3 := os.ReadFile(os.Getenv("CHAINCODE_CLIENT_CA_CERT"))
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return shim.TLSProperties{}, fmt.Errorf("TLS material: %w", err)
		}
	}
	return shim.TLSProperties{Key: key, Cert: cert, ClientCACerts: ca}, nil
}
