package kafkabroker

import (
	"context"
	"errors"
	"fmt"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
	"github.com/twmb/franz-go/pkg/sasl/scram"
)

// aclKey is one ACL entry, comparable.
type aclKey struct {
	resource  kmsg.ACLResourceType
	name      string
	pattern   kmsg.ACLResourcePatternType
	principal string
	host      string
	op        kmsg.ACLOperation
	perm      kmsg.ACLPermissionType
}

// desired is every ACL entry of the policy.
func desired() map[aclKey]bool {
	want := map[aclKey]bool{}
	for p := range policy {
		for _, a := range acls(p) {
			want[aclKey{a.Resource, a.Name, a.Pattern, a.Principal, a.Host, a.Operation, kmsg.ACLPermissionTypeAllow}] = true
		}
	}
	return want
}

// reconcileACLs makes the broker's ACLs exactly the policy, as Admin. kfake seeds ACLs only into
// an empty data directory; one that already holds state keeps the ACLs of its last run, which
// may predate a change of the policy (a principal added or narrowed).
func reconcileACLs(ctx context.Context, addr, adminPassword string) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers(addr),
		kgo.SASL(scram.Auth{User: Admin, Pass: adminPassword}.AsSha512Mechanism()))
	if err != nil {
		return err
	}
	defer cl.Close()

	describe := kmsg.NewPtrDescribeACLsRequest()
	describe.ResourceType = kmsg.ACLResourceTypeAny
	describe.ResourcePatternType = kmsg.ACLResourcePatternTypeAny
	describe.Operation = kmsg.ACLOperationAny
	describe.PermissionType = kmsg.ACLPermissionTypeAny
	have, err := describe.RequestWith(ctx, cl)
	if err != nil {
		return fmt.Errorf("describe ACLs: %w", err)
	}
	if err := kerr.ErrorForCode(have.ErrorCode); err != nil {
		return fmt.Errorf("describe ACLs: %w", err)
	}

	want := desired()
	del := kmsg.NewPtrDeleteACLsRequest()
	for _, r := range have.Resources {
		for _, a := range r.ACLs {
			k := aclKey{r.ResourceType, r.ResourceName, r.ResourcePatternType, a.Principal, a.Host, a.Operation, a.PermissionType}
			if want[k] {
				delete(want, k) // already in place
				continue
			}
			f := kmsg.NewDeleteACLsRequestFilter()
			f.ResourceType, f.ResourceName, f.ResourcePatternType = k.resource, kmsg.StringPtr(k.name), k.pattern
			f.Principal, f.Host, f.Operation, f.PermissionType = kmsg.StringPtr(k.principal), kmsg.StringPtr(k.host), k.op, k.perm
			del.Filters = append(del.Filters, f)
		}
	}
	var errs []error
	if len(del.Filters) > 0 {
		resp, err := del.RequestWith(ctx, cl)
		if err != nil {
			return fmt.Errorf("delete stale ACLs: %w", err)
		}
		for _, r := range resp.Results {
			errs = append(errs, kerr.ErrorForCode(r.ErrorCode))
		}
	}
	if len(want) > 0 {
		create := kmsg.NewPtrCreateACLsRequest()
		for k := range want {
			c := kmsg.NewCreateACLsRequestCreation()
			c.ResourceType, c.ResourceName, c.ResourcePatternType = k.resource, k.name, k.pattern
			c.Principal, c.Host, c.Operation, c.PermissionType = k.principal, k.host, k.op, k.perm
			create.Creations = append(create.Creations, c)
		}
		resp, err := create.RequestWith(ctx, cl)
		if err != nil {
			return fmt.Errorf("create ACLs: %w", err)
		}
		for _, r := range resp.Results {
			errs = append(errs, kerr.ErrorForCode(r.ErrorCode))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("reconcile ACLs: %w", err)
	}
	return nil
}
