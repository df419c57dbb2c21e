package engine

import "github.com/seed42eb3344/vpcepfake/internal/api"

// taggable is a resource the tag APIs (docs/vpcep-api.md §3.19-3.21) address. Its tags
// are the tags array of its wire object, so GET shows what the tag action
// set.
type taggable interface {
	rec() *record
	// tagged returns the resource's id, its resource_name in a tag query
	// and its tags; the slice is never changed in place.
	tagged() (id, name string, tags []api.Tag)
	// setTags replaces the tag slice.
	setTags(tags []api.Tag)
}

// resourceKind is one value of the tag APIs' resource_type path segment.
type resourceKind struct {
	// find returns the caller's resource with id, or the documented error
	// for a malformed or unknown id.
	find func(e *Engine, t Tenant, id string) (taggable, *api.Error)
	// retag replaces the tags of r, a resource of project p.
	retag func(p *project, r taggable, tags []api.Tag)
	// query answers a tag query over the project's resources.
	query func(p *project, q *tagQuery) ([]taggable, int)
	// tags returns every tag key of the project's resources with its
	// values.
	tags func(p *project) map[string][]string
}

// resourceKinds are the documented resource types.
var resourceKinds = map[string]resourceKind{
	"endpoint_service": {
		find: func(e *Engine, t Tenant, id string) (taggable, *api.Error) {
			s, err := e.ownService(t, id)
			if err != nil {
				return nil, err
			}
			return s, nil
		},
		retag: func(p *project, r taggable, tags []api.Tag) { p.serviceTags.retag(r.(*service), tags) },
		query: func(p *project, q *tagQuery) ([]taggable, int) { return queryTags(&p.serviceTags, &p.services, q) },
		tags:  func(p *project) map[string][]string { return tagValues(&p.serviceTags) },
	},
	"endpoint": {
		find: func(e *Engine, t Tenant, id string) (taggable, *api.Error) {
			ep, err := e.ownEndpoint(t, id)
			if err != nil {
				return nil, err
			}
			return ep, nil
		},
		retag: func(p *project, r taggable, tags []api.Tag) { p.endpointTags.retag(r.(*endpoint), tags) },
		query: func(p *project, q *tagQuery) ([]taggable, int) { return queryTags(&p.endpointTags, &p.endpoints, q) },
		tags:  func(p *project) map[string][]string { return tagValues(&p.endpointTags) },
	},
}

// kindOf returns the resource kind named by the path, or 400 EndPoint.3070.
func kindOf(resourceType string) (resourceKind, *api.Error) {
	k, ok := resourceKinds[resourceType]
	if !ok {
		return resourceKind{}, api.E3070
	}
	return k, nil
}

func (s *service) rec() *record { return &s.record }

// tagged gives the full service name as resource_name (docs/vpcep-api.md §3.19).
func (s *service) tagged() (id, name string, tags []api.Tag) {
	return s.view.ID, s.view.ServiceName, s.view.Tags
}

func (s *service) setTags(tags []api.Tag) { s.view.Tags = tags }

func (ep *endpoint) rec() *record { return &ep.record }

// tagged gives the endpoint's id as resource_name: endpoints have no name
// (docs/vpcep-api.md §3.19).
func (ep *endpoint) tagged() (id, name string, tags []api.Tag) {
	return ep.view.ID, ep.view.ID, ep.view.Tags
}

func (ep *endpoint) setTags(tags []api.Tag) { ep.view.Tags = tags }
