package scenario

import (
	"net/http"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
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

// SlowApproval makes every acceptance of an endpoint connection take d on
// the fake's clock: the endpoint stays pendingAcceptance that long after
// the owner accepted it.
func SlowApproval(d time.Duration) *Scenario { return New().Kind(EndpointAccept, After(d)) }

// ConnectionRejected refuses every endpoint creation with 400
// EndPoint.2012 ("You have no permission to connect to the VPC endpoint
// service"), as for a consumer missing from the service's whitelist.
func ConnectionRejected() *Scenario {
	return New().must(Rule{Name: "connection-rejected", Match: Match{Op: api.OpCreateEndpoint}, Effect: Fail("EndPoint.2012")})
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
	return New().must(Rule{Name: "service-deleted", Match: Match{Op: api.OpGetService},
		Trigger: AfterN(n), Effect: Fail("EndPoint.0005")})
}
