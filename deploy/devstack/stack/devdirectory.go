package stack

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"sigs.k8s.io/yaml"
)

// devDirectory is the sign-in app's dev seed (services/signin/directory/dev.yaml) as far as the
// stack needs it: the users and passwords `make run` prints, and the machine clients it
// registers in Hydra. The stack reads the file rather than importing the sign-in module, so the
// modules that use testenv do not all depend on it; the sign-in app validates the same file.
type devDirectory struct {
	Organisations []struct {
		ID   string `json:"id"`
		Kind string `json:"kind"`
		Name string `json:"name"`
		Note string `json:"note"`
	} `json:"organisations"`
	Users []struct {
		Username    string   `json:"username"`
		Org         string   `json:"organisation"`
		Roles       []string `json:"roles"`
		DevPassword string   `json:"devPassword"`
	} `json:"users"`
	Clients []struct {
		ID                  string   `json:"id"`
		Org                 string   `json:"organisation"`
		Roles               []string `json:"roles"`
		DevSecret           string   `json:"devSecret"`
		Audience            []string `json:"audience"`
		AccessTokenLifespan string   `json:"accessTokenLifespan"`
		TestOnly            bool     `json:"testOnly"`
	} `json:"machineClients"`
}

func readDevDirectory(p Profile) (*devDirectory, error) {
	path := filepath.Join(p.RepoRoot, "services", "signin", "directory", "dev.yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("dev directory: %w", err)
	}
	var d devDirectory
	if err := yaml.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("dev directory %s: %w", path, err)
	}
	for _, c := range d.Clients {
		if c.AccessTokenLifespan != "" {
			if _, err := time.ParseDuration(c.AccessTokenLifespan); err != nil {
				return nil, fmt.Errorf("dev directory: client %s: accessTokenLifespan: %w", c.ID, err)
			}
		}
	}
	return &d, nil
}
