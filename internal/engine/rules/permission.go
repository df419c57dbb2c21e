package rules

import (
	"path"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Whitelist entries of docs/vpcep-api.md §2.7 and 3.11.
const (
	// DomainPrefix is the fixed prefix of a whitelist entry.
	DomainPrefix = "iam:domain::"
	// Wildcard is the entry that lets every account connect. The API
	// accepts it as "*" and as "iam:domain::*"; both are one record, stored
	// and shown as "*", the form of the OTC list example and of docs/vpcep-api.md §4.3
	// ("shown as *"). Terraform strips the prefix when reading, so either
	// spelling in its configuration reads back as "*".
	Wildcard = "*"
	// PermissionTypeDomain is the only permission_type OTC knows.
	PermissionTypeDomain = "domainId"
	// maxDomainIDLen is the longest domain id in an entry.
	maxDomainIDLen = 64
)

// permissionTypes are the accepted permission_type values. Huawei's
// orgPath (organizations:orgPath::…) is rejected with EndPoint.0002: OTC
// documents only domainId and has no organisations to match against.
var permissionTypes = enumOf(PermissionTypeDomain)

// Permission checks one whitelist entry: iam:domain::<id> with an id of
// 1-64 letters, digits or '*', or the bare wildcard. It returns the stored
// form (the wildcard as "*") or EndPoint.3002.
func Permission(p string) (string, *api.Error) {
	if p == Wildcard {
		return Wildcard, nil
	}
	id, ok := strings.CutPrefix(p, DomainPrefix)
	if !ok || !validDomainPattern(id) {
		return "", api.E3002
	}
	if id == Wildcard {
		return Wildcard, nil
	}
	return p, nil
}

// validDomainPattern reports whether id is 1-64 letters, digits or '*'.
func validDomainPattern(id string) bool {
	if len(id) == 0 || len(id) > maxDomainIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '*') {
			return false
		}
	}
	return true
}

// PermissionType accepts an absent or empty permission_type and domainId
// (any case); anything else is EndPoint.0002.
func PermissionType(pt *string) *api.Error {
	if pt == nil || *pt == "" {
		return nil
	}
	if _, ok := permissionTypes.Canonical(*pt); !ok {
		return api.E0002
	}
	return nil
}

// Allows reports whether a stored entry lets domainID connect. A '*'
// inside an id is taken as a wildcard for any run of characters (the docs
// allow '*' anywhere in the id but only explain the bare wildcard;
// unconfirmed). Domain ids hold no '/', so path.Match is exact here.
func Allows(entry, domainID string) bool {
	ok, _ := path.Match(strings.TrimPrefix(entry, DomainPrefix), domainID)
	return ok
}
