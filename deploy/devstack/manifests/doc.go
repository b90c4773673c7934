// Package manifests holds the checks that keep docker-compose.yml and deploy/k8s correct on
// machines without Docker or Kubernetes: the compose file is loaded by compose-go (the Compose
// specification's reference implementation) and every Kubernetes object is decoded strictly into
// its API type, then cross-checked.
package manifests
