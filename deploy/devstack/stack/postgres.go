package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/proc"
)

// Postgres is a private PostgreSQL cluster in the profile's state folder (trust auth on
// loopback only). PostgreSQL refuses to run as root, so as root it runs as the postgres user.
type Postgres struct {
	p      Profile
	BinDir string // initdb, postgres, pg_ctl, createdb
}

const pgUser, pgDatabase = "tradefin", "tradefin"

func (g Postgres) Name() string    { return "postgres" }
func (g Postgres) Address() string { return g.p.Addr(offPostgres) }
func (g Postgres) Log() string     { return g.p.Path("logs", "postgres.log") }
func (g Postgres) pidFile() string { return g.p.Path("pids", "postgres.pid") }
func (g Postgres) dataDir() string { return g.p.Path("data", "postgres") }

// DSN is the libpq URL of the stack's database.
func (g Postgres) DSN() string {
	return fmt.Sprintf("postgres://%s@%s/%s?sslmode=disable", pgUser, g.Address(), pgDatabase)
}

// runAs is the system user the server runs as: postgres when we are root.
func runAs() string {
	if os.Geteuid() == 0 {
		return "postgres"
	}
	return ""
}

func (g Postgres) Start(ctx context.Context) error {
	if _, ok := proc.Running(g.pidFile()); ok {
		return nil
	}
	if _, err := os.Stat(filepath.Join(g.dataDir(), "PG_VERSION")); err != nil {
		if err := g.initdb(ctx); err != nil {
			return err
		}
	}
	_, err := proc.Start(proc.Spec{
		Name: "postgres", Path: filepath.Join(g.BinDir, "postgres"), User: runAs(),
		LogFile: g.Log(), PIDFile: g.pidFile(), Listen: []string{g.Address()},
		Args: []string{"-D", g.dataDir(), "-p", strconv.Itoa(g.p.Port(offPostgres)),
			"-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + g.dataDir(),
			"-c", "max_connections=200", "-c", "fsync=on"},
	})
	return err
}

// initdb creates the cluster owned by the user the server runs as.
func (g Postgres) initdb(ctx context.Context) error {
	dir := g.dataDir()
	// The server's user must be able to walk down to its data folder, whatever created the
	// folders above it (the broker creates data/ with mode 0700).
	for _, d := range []string{g.p.Dir, g.p.Path("data")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		if err := os.Chmod(d, 0o755); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(g.Log()), 0o755); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, filepath.Join(g.BinDir, "initdb"), "-D", dir, "-U", pgUser, "--auth=trust", "-E", "UTF8", "--no-instructions")
	if u := runAs(); u != "" {
		cred, err := proc.Credential(u)
		if err != nil {
			return err
		}
		// The server's user must own the data folder and reach it through the state folder.
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return err
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %w\n%s", err, out)
	}
	return nil
}

// Ready waits for the port, then creates the databases once: the shared one the tests use, and
// one per service, because each service owns its state (its event store, outbox and inbox).
func (g Postgres) Ready(ctx context.Context) error {
	if err := proc.WaitTCP(ctx, g.Address()); err != nil {
		return err
	}
	for _, db := range append([]string{pgDatabase, hydraDatabase}, serviceDatabases()...) {
		if err := proc.Poll(ctx, 200*time.Millisecond, func(ctx context.Context) error { return g.createDatabase(ctx, db) }); err != nil {
			return err
		}
	}
	return nil
}

// createDatabase creates db unless it exists.
func (g Postgres) createDatabase(ctx context.Context, db string) error {
	port := strconv.Itoa(g.p.Port(offPostgres))
	out, err := exec.CommandContext(ctx, filepath.Join(g.BinDir, "psql"), "-h", "127.0.0.1", "-p", port,
		"-U", pgUser, "-d", "postgres", "-tAc", "SELECT 1 FROM pg_database WHERE datname='"+db+"'").Output()
	if err != nil {
		return fmt.Errorf("psql: %w", err)
	}
	if len(out) > 0 {
		return nil
	}
	if out, err := exec.CommandContext(ctx, filepath.Join(g.BinDir, "createdb"), "-h", "127.0.0.1", "-p", port, "-U", pgUser, db).CombinedOutput(); err != nil {
		return fmt.Errorf("createdb %s: %w: %s", db, err, out)
	}
	return nil
}

// ServiceDSN is the DSN of a service's own database.
func (g Postgres) ServiceDSN(service string) string {
	return fmt.Sprintf("postgres://%s@%s/%s?sslmode=disable", pgUser, g.Address(), serviceDatabase(service))
}

func serviceDatabase(service string) string {
	return pgDatabase + "_" + strings.ReplaceAll(service, "-", "_")
}

// serviceDatabases are the databases of the services that keep state.
func serviceDatabases() []string {
	var dbs []string
	for _, s := range services {
		if s.stateful {
			dbs = append(dbs, serviceDatabase(s.name))
		}
	}
	return dbs
}

// Stop asks for a fast shutdown (SIGINT: roll back open transactions, then exit cleanly).
func (g Postgres) Stop() error {
	if pid, ok := proc.Running(g.pidFile()); ok {
		_ = syscall.Kill(pid, syscall.SIGINT)
	}
	return proc.Stop(g.pidFile(), 20*time.Second)
}
