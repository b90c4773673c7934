module github.com/tradefin/tradefin/services/signin

go 1.26.0

replace github.com/tradefin/tradefin/events => ../../events

require (
	github.com/tradefin/tradefin/events v0.0.0-00010101000000-000000000000 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/crypto v0.57.0 // indirect
)
