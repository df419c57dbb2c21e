package engine

import "github.com/seed42eb3344/vpcepfake/internal/api"

// taggable is a resource the tag APIs (spec 3.19-3.21) address. Its tags
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
	// tags returns the project's tag index of this type.
	tags func(p *project) *tagIndex
	// each calls fn for the project's resources in creation order.
	each func(p *project, fn func(taggable))
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
		tags: func(p *project) *tagIndex { return &p.serviceTags },
		each: func(p *project, fn func(taggable)) { p.services.each(func(s *service) { fn(s) }) },
	},
	"endpoint": {
		find: func(e *Engine, t Tenant, id string) (taggable, *api.Error) {
			ep, err := e.ownEndpoint(t, id)
			if err != nil {
				return nil, err
			}
			return ep, nil
		},
		tags: func(p *project) *tagIndex { return &p.endpointTags },
		each: func(p *project, fn func(taggable)) { p.endpoints.each(func(ep *endpoint) { fn(ep) }) },
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

// tagged gives the full service name as resource_name (spec 3.19).
func (s *service) tagged() (id, name string, tags []api.Tag) {
	return s.view.ID, s.view.ServiceName, s.view.Tags
}

func (s *service) setTags(tags []api.Tag) { s.view.Tags = tags }

func (ep *endpoint) rec() *record { return &ep.record }

// tagged gives the endpoint's id as resource_name: endpoints have no name
// (spec 3.19).
func (ep *endpoint) tagged() (id, name string, tags []api.Tag) {
	return ep.view.ID, ep.view.ID, ep.view.Tags
}

func (ep *endpoint) setTags(tags []api.Tag) { ep.view.Tags = tags }
