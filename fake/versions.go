package fake

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// version is the version object of docs/vpcep-api.md §2.11.
type version struct {
	ID         string        `json:"id"`
	Status     string        `json:"status"`
	Updated    string        `json:"updated"`
	Version    string        `json:"version"`
	MinVersion string        `json:"min_version"`
	Links      []versionLink `json:"links"`
}

type versionLink struct {
	Href string `json:"href"`
	Type string `json:"type"`
	Rel  string `json:"rel"`
}

// v1 describes the one usable version. OTC also lists a v2 that "cannot be
// used"; Huawei lists only v1, and so does the fake (docs/vpcep-api.md §3.1).
func v1(c *call) version {
	host := c.r.Host
	scheme := "http"
	if c.r.TLS != nil {
		scheme = "https"
	}
	return version{ID: "v1", Status: "CURRENT", Updated: "2018-09-30T00:00:00Z", Version: "1",
		Links: []versionLink{{Href: scheme + "://" + host + "/v1", Type: "application/json", Rel: "self"}}}
}

// listVersions is ListVersionDetails: no authentication (docs/vpcep-api.md §1.2).
func listVersions(_ *Server, c *call) (any, *api.Error) {
	return map[string][]version{"versions": {v1(c)}}, nil
}

// showVersion is ListSpecifiedVersionDetails; an unknown version is 404.
func showVersion(_ *Server, c *call) (any, *api.Error) {
	if c.params[0] != "v1" {
		return nil, api.E0005
	}
	return map[string]version{"version": v1(c)}, nil
}
