package engine

// mayConnect reports whether an account may create endpoints to s (spec
// 4.3). Placeholder: replaced by the permissions branch, which adds
// whitelisted domains, '*' and public services.
func (e *Engine) mayConnect(s *service, domainID string) bool {
	return s.view.DomainID == domainID
}
