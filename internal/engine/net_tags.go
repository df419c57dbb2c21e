package engine

import (
	"slices"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Tag limits of the companion APIs. The reference's two sources disagree
// (10 tags, keys ≤ 36, values ≤ 43 against 20, 128, 255; unconfirmed); the
// fake takes the larger, so no valid request is refused.
const (
	maxNetTags     = 20
	maxNetTagKey   = 128
	maxNetTagValue = 255
)

// NetTagKind names the resource type of a companion tag call.
type NetTagKind int

// The taggable companion resources.
const (
	TagVPC NetTagKind = iota
	TagSubnet
	TagLoadBalancer
)

// tagsOf returns the tag list of t's resource id of kind k, or nil.
func (e *Engine) tagsOf(t Tenant, k NetTagKind, id string) *[]api.NetTag {
	switch k {
	case TagVPC:
		if v, err := e.ownVPC(t, id); err == nil {
			return &v.tags
		}
	case TagSubnet:
		if s, err := e.ownSubnet(t, id); err == nil {
			return &s.tags
		}
	case TagLoadBalancer:
		if lb, err := e.ownLB(t, id); err == nil {
			return &lb.tags
		}
	}
	return nil
}

// NetTags is ShowVpcTags, ShowSubnetTags or ShowLoadBalancerTags; an
// unknown resource is 400 VPC.1814, the tag service's code.
func (e *Engine) NetTags(t Tenant, k NetTagKind, id string) ([]api.NetTag, *api.Error) {
	e.lock()
	defer e.mu.Unlock()
	tags := e.tagsOf(t, k, id)
	if tags == nil {
		return nil, api.VPC1814
	}
	return cloneTags(*tags), nil
}

// NetTagAction is a batch tag action: "create" adds or overwrites,
// "delete" removes by key. Keys are unique within one request (VPC.1801).
// Deleting an absent key succeeds for VPCs and subnets (VPC reference)
// and fails with VPC.1814 for load balancers (ELB reference).
func (e *Engine) NetTagAction(t Tenant, k NetTagKind, id string, r api.NetTagAction) *api.Error {
	if r.Action == nil || *r.Action != "create" && *r.Action != "delete" || r.Tags == nil {
		return api.VPC1801
	}
	seen := map[string]bool{}
	for _, tg := range *r.Tags {
		if tg.Key == "" || len(tg.Key) > maxNetTagKey || len(tg.Value) > maxNetTagValue || seen[tg.Key] {
			return api.VPC1801
		}
		seen[tg.Key] = true
	}
	e.lock()
	defer e.mu.Unlock()
	tags := e.tagsOf(t, k, id)
	if tags == nil {
		return api.VPC1814
	}
	next := cloneTags(*tags)
	for _, tg := range *r.Tags {
		i := slices.IndexFunc(next, func(x api.NetTag) bool { return x.Key == tg.Key })
		switch {
		case *r.Action == "create" && i >= 0:
			next[i] = tg
		case *r.Action == "create":
			next = append(next, tg)
		case i >= 0:
			next = slices.Delete(next, i, i+1)
		case k == TagLoadBalancer:
			return api.VPC1814
		}
	}
	if len(next) > maxNetTags {
		return api.VPC1814
	}
	*tags = next
	return nil
}

// cloneTags copies tags; never nil, so it encodes as [].
func cloneTags(tags []api.NetTag) []api.NetTag { return append([]api.NetTag{}, tags...) }
