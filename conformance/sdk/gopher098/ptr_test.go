package gopher098

// ptr returns a pointer to v, for the optional fields of the SDK's
// request structs.
func ptr[T any](v T) *T { return &v }
