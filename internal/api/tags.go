package api

// TagActionRequest is the BatchAddOrRemoveResourceInstance body (docs/vpcep-api.md §3.20).
type TagActionRequest struct {
	Action *string      `json:"action"`
	Tags   []TagRequest `json:"tags"`
}

// TagFilter is one entry of the tags, tags_any, not_tags and not_tags_any
// lists of a tag query (docs/vpcep-api.md §3.19): a key and the values it may carry; no
// values means any value.
type TagFilter struct {
	Key    *string  `json:"key"`
	Values []string `json:"values"`
}

// Match is one entry of a tag query's matches list; only the key
// resource_name is supported.
type Match struct {
	Key   *string `json:"key"`
	Value *string `json:"value"`
}

// ResourceQueryRequest is the ListResourceInstances body (docs/vpcep-api.md §3.19). limit
// and offset are JSON strings ("100"), as the Huawei SDK sends them.
type ResourceQueryRequest struct {
	Action     *string     `json:"action"`
	Tags       []TagFilter `json:"tags"`
	TagsAny    []TagFilter `json:"tags_any"`
	NotTags    []TagFilter `json:"not_tags"`
	NotTagsAny []TagFilter `json:"not_tags_any"`
	Limit      *string     `json:"limit"`
	Offset     *string     `json:"offset"`
	Matches    []Match     `json:"matches"`
}

// TaggedResource is one item of a ListResourceInstances filter response.
// ResourceDetail is always null.
type TaggedResource struct {
	ResourceID     string `json:"resource_id"`
	ResourceName   string `json:"resource_name"`
	Tags           []Tag  `json:"tags"`
	ResourceDetail any    `json:"resource_detail"`
}

// ResourceList is the ListResourceInstances response of action filter.
type ResourceList struct {
	Resources  []TaggedResource `json:"resources"`
	TotalCount int              `json:"total_count"`
}

// ResourceCount is the ListResourceInstances response of action count.
type ResourceCount struct {
	TotalCount int `json:"total_count"`
}

// TagValues is one key of the project's tags with every value it carries.
type TagValues struct {
	Key    string   `json:"key"`
	Values []string `json:"values"`
}

// ProjectTags is the ListQueryProjectResourceTags response (docs/vpcep-api.md §3.21).
type ProjectTags struct {
	Tags []TagValues `json:"tags"`
}
