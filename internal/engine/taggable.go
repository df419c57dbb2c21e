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
	// list returns the project's resources in creation order.
	list func(e *Engine, projectID string) []taggable
}

// resourceKinds are the documented resource types. This table is the seam
// for endpoints: once the engine stores them, "endpoint" finds them the way
// ownService finds services and lists the project's endpoints, and the
// endpoint type implements taggable (its resource_name is its id).
var resourceKinds = map[string]resourceKind{
	"endpoint_service": {
		find: func(e *Engine, t Tenant, id string) (taggable, *api.Error) {
			s, err := e.ownService(t, id)
			if err != nil {
				return nil, err
			}
			return s, nil
		},
		list: func(e *Engine, projectID string) []taggable {
			p := e.projects[projectID]
			if p == nil {
				return nil
			}
			out := make([]taggable, len(p.services))
			for i, s := range p.services {
				out[i] = s
			}
			return out
		},
	},
	// Endpoints are not stored yet: a malformed id is EndPoint.2017, a
	// well-formed one is unknown (404 EndPoint.2006, as for GET of an
	// unknown endpoint) and a project has none.
	"endpoint": {
		find: func(_ *Engine, _ Tenant, id string) (taggable, *api.Error) {
			if !isUUID(id) {
				return nil, api.E2017
			}
			return nil, api.E2006
		},
		list: func(*Engine, string) []taggable { return nil },
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
