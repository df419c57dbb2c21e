package conformance_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"text/template"

	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

var update = flag.Bool("update", false, "rewrite CONFORMANCE.md")

// conformanceFile is the generated table, at the repository root.
const conformanceFile = "../CONFORMANCE.md"

// sdkOps are the operations each contract-test module calls (kept by
// hand: the modules are separate and their SDK calls are not data).
var sdkOps = []struct {
	module string
	ops    []string
}{
	{"gopher093", []string{"CreateEndpointService", "ListServiceDetails", "ListEndpointService", "ListServicePublicDetails",
		"UpdateEndpointService", "DeleteEndpointService", "AddOrRemoveServicePermissions", "ListServicePermissionsDetails",
		"CreateEndpoint", "ListEndpointInfoDetails", "ListEndpoints", "DeleteEndpoint"}},
	{"gopher098", []string{"CreateEndpointService", "ListServiceDetails", "ListEndpointService", "UpdateEndpointService",
		"DeleteEndpointService", "AddOrRemoveServicePermissions", "ListServicePermissionsDetails", "ListServiceDescribeDetails",
		"CreateEndpoint", "ListEndpointInfoDetails", "ListEndpoints", "DeleteEndpoint", "ListServiceConnections",
		"AcceptOrRejectEndpoint", "ListQuotaDetails"}},
	{"huaweiv3", []string{"CreateEndpointService", "ListServiceDetails", "ListEndpointService", "DeleteEndpointService",
		"AddOrRemoveServicePermissions", "ListServicePermissionsDetails", "CreateEndpoint", "ListEndpointInfoDetails",
		"DeleteEndpoint", "ListServiceConnections", "AcceptOrRejectEndpoint", "ListQuotaDetails",
		"BatchAddOrRemoveResourceInstance", "BatchAddEndpointServicePermissions", "UpdateEndpointServiceName", "UpdateEndpointWhite",
		"UpdateEndpointService", "ListVersionDetails", "ListSpecifiedVersionDetails", "ListServicePublicDetails",
		"ListServiceDescribeDetails", "ListEndpoints", "ListResourceInstances", "ListQueryProjectResourceTags"}},
}

// knownDifferences are the places where the fake knowingly chose on a
// point docs/vpcep-api.md leaves open or deviates from a literal reading; the
// comments marked "unconfirmed" in the code follow below them.
var knownDifferences = []string{
	"Describe (`GET …/describe`) finds only public services and services the caller may connect to (its own, or whitelisted for its domain); any other id or name is 404 `EndPoint.0005`. The spec says \"callable by any account\" without saying which services an outsider sees.",
	"Unknown service → 404 `EndPoint.0005`; unknown endpoint → 404 `EndPoint.2006` (docs/vpcep-api.md §1.4 recommendation; exact codes unconfirmed).",
	"A path project other than the token's → 403 `EndPoint.0004` (0014 is used only for a malformed project id).",
	"DELETE answers 204 with no body for services and endpoints (the OTC appendix and every SDK; some OTC function texts say 200).",
	"The tag action answers 204 (Huawei); the OTC page only says \"Response: None\".",
	"Receive of an accepted endpoint and reject of a rejected one succeed unchanged instead of an inferred `EndPoint.2014`, because SDK acceptance tests and terraform send them.",
	"Deleting an endpoint in `creating` is refused with `EndPoint.2019`; deleting one already `deleting` is an idempotent 204.",
	"`server_type`, `tcp_proxy` and the other enums are matched case-insensitively and stored canonically (terraform validates them case-insensitively).",
	"`\"protocol\": \"\"` in a port mapping means TCP (gophertelekomcloud ≤ v0.9.3 sends it); UDP is rejected with `EndPoint.3075`.",
	"`error[]` of a failed service or endpoint uses the OTC shape `{error_code, error_message}`; the Huawei SDK's service model reads `{code, message}` and sees empty entries (its endpoint model matches).",
	"Huawei-only operations (rename, batch permissions, permission and connection descriptions, endpoint whitelist/policy/route tables) are implemented; `/v2` operations are not.",
}

// companionSDKOps are the companion operations the real-SDK tests call:
// gopher093's contract test and the terraform module replayed against the
// binary (cmd/vpcepfake/iamtest).
var companionSDKOps = []struct {
	module string
	ops    []string
}{
	{"gopher093", []string{"CreateVpc", "ShowVpc", "ListVpcs", "UpdateVpc", "DeleteVpc", "CreateSubnet", "ShowSubnet",
		"ListSubnets", "UpdateSubnet", "DeleteSubnet", "ShowSubnetTags", "BatchSubnetTagAction", "CreateLoadBalancer",
		"ShowLoadBalancer", "ListLoadBalancers", "UpdateLoadBalancer", "DeleteLoadBalancer"}},
	{"iamtest (binary)", []string{"CreateVpc", "ShowVpc", "DeleteVpc", "ShowVpcTags", "BatchVpcTagAction", "ShowVpcV3",
		"CreateSubnet", "ShowSubnet", "ListSubnets", "DeleteSubnet", "CreateLoadBalancer", "ShowLoadBalancer",
		"DeleteLoadBalancer", "ShowLoadBalancerTags", "BatchLoadBalancerTagAction"}},
}

// companionNotes describe the companion APIs: what they answer, how they
// tie into VPCEP, and what is not faked.
var companionNotes = []string{
	"Served on the same listener under `/network` (VPC v1, its v2.0 tag calls and the v3 VPC read) and `/elb` (ELB v2.0), because `/v1/{project_id}/subnets` would collide with VPCEP's `/v1/{project_id}/{resource_type}/tags`. The IAM catalog lists type `network` → `{URL}/network`, `vpc` → `{URL}/network/v1/{project_id}` (the SDK turns v1 into v3) and `elb` → `{URL}/elb`, interface public, the fake's region, built from the address the client used.",
	"Errors use each API's envelope: VPC `{\"code\",\"message\"}` (`VPC.xxxx`), ELB `{\"error_code\",\"error_msg\",\"request_id\"}` (`ELB.xxxx`; the tag calls use the VPC tag service's `VPC.1801`/`VPC.1814`). Unknown paths under the prefixes answer 404 `APIGW.0101`.",
	"VPC: `id, name, description, cidr, status, routes, enable_shared_snat, enterprise_project_id, tenant_id, created_at, updated_at`. Create answers 200 with `CREATING`; reads show `OK`. Names `[A-Za-z0-9_.-]` ≤ 64 and unique per project (`VPC.0115`), CIDR inside 10/8, 172.16/12 or 192.168/16 with a mask ≤ /24 (`VPC.0101`), a CIDR update must hold every subnet (`VPC.0117`).",
	"Subnet: `id` (= `neutron_network_id`), `neutron_subnet_id` (what ELB's `vip_subnet_id` takes), `name, description, cidr, gateway_ip, dhcp_enable, ipv6_enable, primary_dns, secondary_dns, dnsList, availability_zone` (echoed, never invented), `vpc_id, status, extra_dhcp_opts, tenant_id, created_at, updated_at`. Create answers 200 with `UNKNOWN`; reads show `ACTIVE`. CIDR inside the VPC (`VPC.0203`), no overlap (`VPC.0204`), mask ≤ /28 (`VPC.0212`), gateway a host of the CIDR (`VPC.0201`). Update and delete need the subnet's VPC in the path (`VPC.0207`); the update answers only `{id, status}`.",
	"Load balancer: `id, tenant_id, name, description` (as sent), `vip_subnet_id, vip_address` (given or the next free host address), `vip_port_id, provider: vlb, listeners: [], pools: [], operating_status: ONLINE, admin_state_up: true, provisioning_status`. Create answers 201 in `PENDING_CREATE`, which becomes `ACTIVE` on the transition `loadbalancer.create`; delete answers 204, `PENDING_DELETE`, then 404 after `loadbalancer.delete`. Both run on the fake's clock with the delays `LoadBalancerCreate`/`LoadBalancerDelete` and take scenario plans like the VPCEP transitions (a failing plan ends in `ERROR`). Lists filter by exact match and page with `marker`, `limit`, `page_reverse` and `loadbalancers_links`.",
	"Network inventory: what the companions create is what the VPCEP rules check. A load balancer's VIP port is a port of its subnet's VPC, so a service on `vip_port_id` in another VPC fails with `EndPoint.3042`, and endpoint addresses and VIPs share one address index per subnet. Known ids are checked even in the lenient (unseeded) inventory. Seeded VPCs and subnets (`fake.WithNetwork`) are listed to every project, read-only (`VPC.0101`/`VPC.0201` on update or delete).",
	"Dependency errors of the real cloud: deleting a VPC with load balancers 409 `VPC.0118`, with subnets 409 `VPC.0104`; deleting a subnet with a load balancer 500 `VPC.0211`, with VPC endpoint addresses 500 `VPC.0208` (the statuses the provider retries on).",
	"Deleting a load balancer whose VIP port backs a VPCEP service succeeds: OTC's ELB reference lists only listeners as a prerequisite and the provider destroys the service first. The service keeps its `port_id`; the port leaves the inventory.",
	"State: `/_fake/state` and `Export` hold the companions under `network` (omitted when empty; older exports without it still import); `Reset` drops them and keeps the seeded inventory. The dashboard lists them. Scenario rules and the journal name the operations by the ids above (`internal/api/network_operations.json`).",
	"Not faked: IPv6 subnets (`ipv6_enable: true` is `VPC.0201`), ports, security groups, EIPs, routes beyond storing `routes`, secondary CIDRs (the v3 read answers `extend_cidrs: []`; add/remove-extend-cidr are not served), listeners, pools, members, the status tree, ELB v3 (dedicated) load balancers, and real quotas (the fake caps 100 VPCs, 500 subnets and 100 load balancers per project).",
}

type operation struct {
	ID     string `json:"id"`
	Method string `json:"method"`
	Path   string `json:"path"`
	OTC    bool   `json:"otc"`
}

// TestCoverageTable keeps CONFORMANCE.md in step with the code: run with
// -update to rewrite it.
func TestCoverageTable(t *testing.T) {
	raw, err := os.ReadFile("../internal/api/operations.json")
	require.NoError(t, err)
	var ops []operation
	require.NoError(t, json.Unmarshal(raw, &ops))
	got := renderCoverage(t, ops)
	if *update {
		require.NoError(t, os.WriteFile(conformanceFile, got, 0o644))
		return
	}
	want, err := os.ReadFile(conformanceFile)
	require.NoError(t, err, "run: go test ./conformance -run TestCoverageTable -update")
	if !bytes.Equal(got, want) {
		t.Fatalf("CONFORMANCE.md is stale (first difference: %s); run: go test ./conformance -run TestCoverageTable -update", firstDiff(want, got))
	}
}

// firstDiff describes the first line where the file and the rendering
// differ.
func firstDiff(file, render []byte) string {
	a, b := strings.Split(string(file), "\n"), strings.Split(string(render), "\n")
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("line %d: file %q, now %q", i+1, a[i], b[i])
		}
	}
	return fmt.Sprintf("file has %d lines, now %d", len(a), len(b))
}

// implemented probes the fake: a request without a token answers 401 on
// a routed /v1 path (200 for the version calls) and 404 on an unknown one.
func implemented(t *testing.T, srv *fake.Server, op operation) bool {
	path := regexp.MustCompile(`\{[a-z_]+\}`).ReplaceAllStringFunc(op.Path, func(p string) string {
		switch p {
		case "{project_id}":
			return fake.DefaultProjectID
		case "{version}":
			return "v1"
		case "{resource_type}":
			return "endpoint_service"
		}
		return "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	})
	req, err := http.NewRequest(op.Method, srv.URL+path, nil)
	require.NoError(t, err)
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode != http.StatusNotFound
}

func renderCoverage(t *testing.T, ops []operation) []byte {
	srv := fake.NewTest(t)
	covered := map[string]bool{}
	for _, c := range conformance.Cases() {
		covered[c.Op] = true
	}
	for _, f := range conformance.Flows() {
		for _, op := range f.Ops {
			covered[op] = true
		}
	}
	var b bytes.Buffer
	b.WriteString("# Conformance\n\n<!-- Generated by `go test ./conformance -run TestCoverageTable -update`; do not edit. -->\n\n")
	b.WriteString("Every operation of the API reference ([docs/vpcep-api.md](docs/vpcep-api.md) §3): whether the fake implements it (a request without a token is routed, not 404), ")
	b.WriteString("whether the HTTP conformance suite (`conformance.Run`) covers it, and which real-SDK contract modules (`conformance/sdk/*`) call it. ")
	b.WriteString("To run the suite against the real cloud, see [Running the suite against the real cloud](#running-the-suite-against-the-real-cloud).\n\n")
	b.WriteString("| Operation | Method | Path | OTC | Fake | Suite |")
	for _, m := range sdkOps {
		b.WriteString(" " + m.module + " |")
	}
	b.WriteString("\n|---|---|---|---|---|---|" + strings.Repeat("---|", len(sdkOps)) + "\n")
	for _, op := range ops {
		fmt.Fprintf(&b, "| %s | %s | `%s` | %s | %s | %s |", op.ID, op.Method, op.Path, check(op.OTC), check(implemented(t, srv, op)), check(covered[op.ID]))
		for _, m := range sdkOps {
			b.WriteString(" " + check(slices.Contains(m.ops, op.ID)) + " |")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\nThe suite has %d table cases and %d flows.\n\n## Known differences\n\n", len(conformance.Cases()), len(conformance.Flows()))
	for _, d := range knownDifferences {
		b.WriteString("- " + d + "\n")
	}
	b.WriteString("\n### Choices on unconfirmed points, from the code\n\n")
	for _, c := range unconfirmedComments(t) {
		b.WriteString(c + "\n")
	}
	renderCompanions(t, srv, &b)
	b.WriteString("\n")
	renderRealCloud(t, &b)
	return b.Bytes()
}

// renderCompanions writes the companion section from
// internal/api/network_operations.json.
func renderCompanions(t *testing.T, srv *fake.Server, b *bytes.Buffer) {
	raw, err := os.ReadFile("../internal/api/network_operations.json")
	require.NoError(t, err)
	var ops []struct {
		ID, Method, Path, API string
		SuccessStatus         int `json:"success_status"`
	}
	require.NoError(t, json.Unmarshal(raw, &ops))
	b.WriteString("\n## Companion APIs: VPC and ELB\n\n")
	b.WriteString("The VPC v1 and ELB v2.0 operations the terraform provider needs around VPCEP (`docs/network-companions.md`), ")
	b.WriteString("with whether the fake serves them (a request without a token is not 404) and which real-SDK tests call them.\n\n")
	b.WriteString("| Operation | API | Method | Path | Success | Fake |")
	for _, m := range companionSDKOps {
		b.WriteString(" " + m.module + " |")
	}
	b.WriteString("\n|---|---|---|---|---|---|" + strings.Repeat("---|", len(companionSDKOps)) + "\n")
	for _, op := range ops {
		fmt.Fprintf(b, "| %s | %s | %s | `%s` | %d | %s |", op.ID, op.API, op.Method, op.Path, op.SuccessStatus,
			check(implemented(t, srv, operation{ID: op.ID, Method: op.Method, Path: op.Path})))
		for _, m := range companionSDKOps {
			b.WriteString(" " + check(slices.Contains(m.ops, op.ID)) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	for _, n := range companionNotes {
		b.WriteString("- " + n + "\n")
	}
}

// check is the table's mark for true.
func check(ok bool) string {
	if ok {
		return "✓"
	}
	return ""
}

// renderRealCloud appends the real-cloud guide (testdata/realcloud.md.tmpl)
// with the suite's figures: its size, its marks and the resources a run
// creates, counted by running it against the fake with and without a
// second tenant.
func renderRealCloud(t *testing.T, b *bytes.Buffer) {
	tmpl, err := template.ParseFiles("testdata/realcloud.md.tmpl")
	require.NoError(t, err)
	data := map[string]any{"Cases": len(conformance.Cases()), "Flows": len(conformance.Flows()),
		"NamePrefix": conformance.NamePrefix, "TagKey": conformance.TagKey}
	data["Services"], data["Endpoints"] = countCreated(t, true)
	data["ServicesAlone"], data["EndpointsAlone"] = countCreated(t, false)
	require.NoError(t, tmpl.Execute(b, data))
}

// countCreated runs the suite against an in-memory fake and counts the
// services and endpoints created (POST answered 200).
func countCreated(t *testing.T, withOther bool) (services, endpoints int) {
	srv := fake.New(fake.WithTenants(other))
	var mu sync.Mutex
	count := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, r)
		maps.Copy(w.Header(), rec.Header())
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
		if r.Method != http.MethodPost || rec.Code != http.StatusOK {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		switch {
		case strings.HasSuffix(r.URL.Path, "/vpc-endpoint-services"):
			services++
		case strings.HasSuffix(r.URL.Path, "/vpc-endpoints"):
			endpoints++
		}
	})
	tg := conformance.Target{BaseURL: "http://vpcep.test", HTTPClient: fake.ClientFor(count), Tenant: tenant(srv.Tenant())}
	if withOther {
		tg.Other = otherTenant(other)
	}
	t.Run(fmt.Sprintf("count/other=%v", withOther), func(t *testing.T) { conformance.Run(t, tg) })
	return services, endpoints
}

// unconfirmedComments returns every comment block of the library's
// non-test Go code that says "unconfirmed", as "- `file`: text" lines in
// file order.
func unconfirmedComments(t *testing.T) []string {
	var out []string
	for _, dir := range []string{"../fake", "../internal", "../scenario"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			var block []string
			flush := func() {
				text := strings.Join(block, " ")
				if strings.Contains(text, "unconfirmed") {
					out = append(out, "- `"+strings.TrimPrefix(filepath.ToSlash(path), "../")+"`: "+text)
				}
				block = block[:0]
			}
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				line := strings.TrimSpace(sc.Text())
				if c, ok := strings.CutPrefix(line, "//"); ok {
					block = append(block, strings.TrimSpace(c))
					continue
				}
				flush()
			}
			flush()
			return sc.Err()
		})
		require.NoError(t, err)
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.SplitN(out[i], "`", 3)[1] < strings.SplitN(out[j], "`", 3)[1] })
	return out
}
