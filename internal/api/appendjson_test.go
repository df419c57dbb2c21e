package api

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// appender is what the hand-written encoders implement.
type appender interface{ AppendJSON([]byte) []byte }

// TestAppendJSONMatchesEncodingJSON fills every field of the hot types with
// random values (nil, empty and odd strings included) and requires the
// hand-written encoding to be byte-identical to encoding/json's.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		for _, v := range []appender{
			&Service{ID: str(r), PortID: str(r), VipPortID: str(r), PoolID: str(r), ServiceName: str(r),
				ServiceType: str(r), ServerType: str(r), VpcID: str(r), ApprovalEnabled: r.IntN(2) == 0,
				Status: str(r), CreatedAt: str(r), UpdatedAt: str(r), ProjectID: str(r), DomainID: str(r),
				Ports: ports(r), TCPProxy: str(r), Tags: tags(r), Description: str(r), Error: errs(r),
				ConnectionCount: r.IntN(1000) - 10, EnablePolicy: r.IntN(2) == 0, EnterpriseProjectID: str(r),
				IPVersion: str(r), Payer: str(r), SupportedEditions: strs(r), IP: str(r)},
			&Endpoint{ID: str(r), ServiceType: str(r), Status: str(r), ActiveStatus: strs(r),
				EndpointServiceName: str(r), EndpointServiceID: str(r), MarkerID: r.Int32(), EnableDNS: r.IntN(2) == 0,
				DNSNames: strs(r), IP: str(r), VpcID: str(r), SubnetID: str(r), CreatedAt: str(r), UpdatedAt: str(r),
				ProjectID: str(r), Tags: tags(r), Error: errs(r), Whitelist: strs(r), EnableWhitelist: r.IntN(2) == 0,
				Routetables: strs(r), SpecificationName: str(r), EnableStatus: str(r), PolicyStatement: policies(r),
				EndpointPoolID: str(r), Description: str(r)},
		} {
			want, err := json.Marshal(v)
			require.NoError(t, err)
			require.Equal(t, string(want), string(v.AppendJSON(nil)))
		}
	}
	for _, v := range []appender{
		&ServiceList{}, &ServiceList{Services: []Service{{ID: "a"}, {Tags: []Tag{}}}, TotalCount: 7},
		&EndpointList{}, &EndpointList{Endpoints: []Endpoint{{ID: "b"}}, TotalCount: 1},
	} {
		want, err := json.Marshal(v)
		require.NoError(t, err)
		require.Equal(t, string(want), string(v.AppendJSON(nil)))
	}
}

// FuzzAppendString checks the string escaping against encoding/json on any
// input, invalid UTF-8 included.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "<a href=\"x\">&</a>", "\x00\x1f\b\f\n\r\t\\", "\u2028\u2029", "\xff\xfe", "ünï©ødé 日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(appendString(nil, s)))
	})
}

var pieces = []string{"", "a", "eu-de", "ü", "日本", "<>&", `"\`, "\n\t\x01", "\u2028", "\xff", "TCP", " "}

func str(r *rand.Rand) string {
	s := ""
	for range r.IntN(4) {
		s += pieces[r.IntN(len(pieces))]
	}
	return s
}

// sliceOf returns nil, an empty slice or up to three items, as the real
// data may hold any of them.
func sliceOf[T any](r *rand.Rand, item func(*rand.Rand) T) []T {
	switch n := r.IntN(5); n {
	case 0:
		return nil
	default:
		out := make([]T, n-1)
		for i := range out {
			out[i] = item(r)
		}
		return out
	}
}

func strs(r *rand.Rand) []string { return sliceOf(r, str) }

func ports(r *rand.Rand) []PortMapping {
	return sliceOf(r, func(r *rand.Rand) PortMapping {
		return PortMapping{ClientPort: r.IntN(70000), ServerPort: r.IntN(70000), Protocol: str(r)}
	})
}

func tags(r *rand.Rand) []Tag {
	return sliceOf(r, func(r *rand.Rand) Tag { return Tag{Key: str(r), Value: str(r)} })
}

func errs(r *rand.Rand) []ErrorEntry {
	return sliceOf(r, func(r *rand.Rand) ErrorEntry { return ErrorEntry{ErrorCode: str(r), ErrorMessage: str(r)} })
}

func policies(r *rand.Rand) []PolicyStatement {
	return sliceOf(r, func(r *rand.Rand) PolicyStatement {
		return PolicyStatement{Effect: str(r), Action: strs(r), Resource: strs(r)}
	})
}
