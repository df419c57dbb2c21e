package scenario

import (
	"net/http"
	"time"
)

// Ready scenarios for common edge cases. Each returns a new Scenario; add
// more rules and plans to it as needed.

// CreationFails makes the next transition tr (ServiceCreate or
// EndpointCreate) end in status failed with error[] {code, message}.
func CreationFails(tr Transition, code, message string) *Scenario {
	return New().Next(tr, Immediately().Failing(code, message))
}

// StuckCreating keeps every transition tr pending until the test releases
// it with (*fake.Server).Release: a resource stuck in creating (or
// deleting).
func StuckCreating(tr Transition) *Scenario { return New().Kind(tr, Held()) }

// SlowApproval approves every endpoint connection d after its creation
// without the owner's action, on the fake's clock: on a service with
// approval the endpoint is pendingAcceptance for d, then accepted, as when
// the owner takes a while to decide. Creation itself completes at the next
// request. An explicit receive or reject by the owner within d replaces
// the pending approval; a receive then also takes d. On a service without
// approval the endpoint is accepted at once, as usual.
func SlowApproval(d time.Duration) *Scenario {
	return New().Kind(EndpointCreate, Immediately().Ending("accepted")).Kind(EndpointAccept, After(d))
}

// ConnectionRejected makes every endpoint creation end in status rejected
// at the next request, as when the service's owner refuses the
// connection: the endpoint stays listed, without an address, and does not
// count in the service's connection_count.
func ConnectionRejected() *Scenario {
	return New().Kind(EndpointCreate, Immediately().Ending("rejected"))
}

// NotWhitelisted refuses every endpoint creation with 400 EndPoint.2012
// ("You have no permission to connect to the VPC endpoint service"), as
// for a consumer missing from the service's whitelist, even the service's
// own account.
func NotWhitelisted() *Scenario {
	return New().must(Rule{Name: "not-whitelisted", Match: Match{Op: OpCreateEndpoint}, Effect: Fail("EndPoint.2012")})
}

// FlakyReads fails each GET with 500 EndPoint.0001 with probability p,
// drawn from seed.
func FlakyReads(p float64, seed uint64) *Scenario {
	return New().must(Rule{Name: "flaky-reads", Match: Match{Method: http.MethodGet},
		Trigger: Probability(p, seed), Effect: Fail("EndPoint.0001")})
}

// Throttling answers the first n requests with 429 EndPoint.0022 and
// Retry-After: retryAfter seconds. (gophertelekomcloud sleeps its
// BackoffRetryTimeout, 60 s by default, on 429: run such clients in virtual
// time.)
func Throttling(n, retryAfter int) *Scenario {
	return New().must(Rule{Name: "throttling", Trigger: FirstN(n), Effect: Throttle(retryAfter)})
}

// ServiceDeletedUnderClient lets the first n reads of services (GET by
// id) through and answers every later one 404 EndPoint.0005, as if someone
// deleted the service while the client was watching it.
func ServiceDeletedUnderClient(n int) *Scenario {
	return New().must(Rule{Name: "service-deleted", Match: Match{Op: OpListServiceDetails},
		Trigger: AfterN(n), Effect: Fail("EndPoint.0005")})
}
