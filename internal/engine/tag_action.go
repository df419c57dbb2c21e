package engine

import (
	"slices"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// TagAction is BatchAddOrRemoveResourceInstance (docs/vpcep-api.md §3.20). create adds
// tags (value required) and overwrites the value of a key the resource
// already has; the result may hold at most 20 tags (EndPoint.3069). delete
// removes by key, or by key and value when a value is given; a tag the
// resource does not carry is skipped silently (both the Huawei TMS
// convention; unconfirmed for VPCEP). Either way the request's tags follow
// the tag rules of docs/vpcep-api.md §2.2: deleting a tag that could never have been set
// is a request error, not a no-op. Checks run in this order: resource type
// (EndPoint.3070), body, then the resource id (malformed, then unknown). A
// tag change is not an update of the resource: updated_at stays
// (unconfirmed; the tag service is separate from VPCEP's own records).
func (e *Engine) TagAction(t Tenant, resourceType, id string, req *api.TagActionRequest) *api.Error {
	kind, err := kindOf(resourceType)
	if err != nil {
		return err
	}
	edit, err := tagEdit(req)
	if err != nil {
		return err
	}
	e.lock()
	defer e.mu.Unlock()
	r, err := kind.find(e, t, id)
	if err != nil {
		return err
	}
	_, _, old := r.tagged()
	tags, err := edit(old)
	if err != nil {
		return err
	}
	kind.retag(e.projects[t.ProjectID], r, tags)
	return nil
}

// tagEdit checks a tag-action body and returns the change it asks for: a
// function from the current tags to the new ones, which never changes its
// argument. An empty tag list is EndPoint.3066; a duplicate key 3067.
func tagEdit(req *api.TagActionRequest) (func(old []api.Tag) ([]api.Tag, *api.Error), *api.Error) {
	if req.Action == nil || (*req.Action != "create" && *req.Action != "delete") {
		return nil, api.E0007
	}
	if len(req.Tags) == 0 {
		return nil, api.E3066
	}
	create := *req.Action == "create"
	tags, err := rules.Tags(req.Tags, create)
	if err != nil {
		return nil, err
	}
	if create {
		return func(old []api.Tag) ([]api.Tag, *api.Error) { return mergeTags(old, tags) }, nil
	}
	anyValue := make([]bool, len(tags))
	for i, r := range req.Tags {
		anyValue[i] = r.Value == nil
	}
	return func(old []api.Tag) ([]api.Tag, *api.Error) {
		return slices.DeleteFunc(copyTags(old, 0), func(have api.Tag) bool {
			for i, del := range tags {
				if del.Key == have.Key && (anyValue[i] || del.Value == have.Value) {
					return true
				}
			}
			return false
		}), nil
	}, nil
}

// mergeTags returns old with add applied: a known key takes the new value
// in place, a new key is appended. More than 20 tags is EndPoint.3069.
func mergeTags(old, add []api.Tag) ([]api.Tag, *api.Error) {
	out := copyTags(old, len(add))
	for _, a := range add {
		if i := slices.IndexFunc(out, func(t api.Tag) bool { return t.Key == a.Key }); i >= 0 {
			out[i].Value = a.Value
		} else {
			out = append(out, a)
		}
	}
	if len(out) > rules.MaxTags {
		return nil, api.E3069
	}
	return out, nil
}

// copyTags returns a new, never nil slice holding old, with room for extra
// more tags: a resource without tags shows "tags": [].
func copyTags(old []api.Tag, extra int) []api.Tag {
	return append(make([]api.Tag, 0, len(old)+extra), old...)
}
