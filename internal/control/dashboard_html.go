package control

// dashboardHTML is the dashboard template: plain HTML and CSS.
const dashboardHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="{{.Refresh}}">
<title>vpcepfake</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
code { font-size: 12px; }
.pending { color: #a60; }
</style>
</head>
<body>
<h1>vpcepfake</h1>
<p id="clock">Clock: <code>{{.Clock.Now}}</code>{{if .Clock.Manual}} (manual){{end}}
 · refreshes every {{.Refresh}} s</p>

<h2>Tenants</h2>
<table id="tenants">
<tr><th>project id</th><th>domain id</th><th>domain name</th><th>user</th><th>token</th><th>access key</th></tr>
{{range .State.Tenants}}<tr><td><code>{{.ProjectID}}</code></td><td><code>{{.DomainID}}</code></td><td>{{.DomainName}}</td><td>{{.UserName}}</td><td><code>{{.Token}}</code></td><td><code>{{.AccessKey}}</code></td></tr>
{{end}}</table>

<h2>Endpoint services</h2>
<table id="services">
<tr><th>id</th><th>service name</th><th>project</th><th>status</th><th>type</th><th>ports</th><th>approval</th><th>connections</th><th>whitelist</th><th>tags</th></tr>
{{range .State.Services}}<tr><td><code>{{.Service.ID}}</code></td><td>{{.Service.ServiceName}}</td><td><code>{{.Service.ProjectID}}</code></td>
<td>{{.Service.Status}}{{with .Pending}} <span class="pending">→ {{.Transition}}{{with .DueIn}} in {{.}}{{end}}{{if .Held}} (held){{end}}</span>{{end}}</td>
<td>{{.Service.ServerType}}/{{.Service.ServiceType}}</td><td>{{ports .Service.Ports}}</td><td>{{.Service.ApprovalEnabled}}</td>
<td>{{.Service.ConnectionCount}}{{range index $.Connections .Service.ID}}<div><code>{{.Endpoint.ID}}</code> {{.Endpoint.Status}} (account <code>{{.DomainID}}</code>)</div>{{end}}</td>
<td>{{range .Permissions}}<div><code>{{.Permission.Permission}}</code>{{with .Permission.Description}} ({{.}}){{end}}</div>{{end}}</td><td>{{tags .Service.Tags}}</td></tr>
{{else}}<tr><td colspan="10">none</td></tr>
{{end}}</table>

<h2>Endpoints</h2>
<table id="endpoints">
<tr><th>id</th><th>service</th><th>project</th><th>status</th><th>type</th><th>ip</th><th>dns names</th><th>vpc</th><th>marker</th><th>tags</th></tr>
{{range .State.Endpoints}}<tr><td><code>{{.Endpoint.ID}}</code></td><td>{{.Endpoint.EndpointServiceName}}{{if .GoneService}} (deleted){{end}}</td><td><code>{{.Endpoint.ProjectID}}</code></td>
<td>{{.Endpoint.Status}}{{with .Pending}} <span class="pending">→ {{.Transition}}{{with .DueIn}} in {{.}}{{end}}{{if .Held}} (held){{end}}</span>{{end}}</td>
<td>{{.Endpoint.ServiceType}}</td><td>{{.Endpoint.IP}}</td><td>{{range .Endpoint.DNSNames}}<div>{{.}}</div>{{end}}</td><td><code>{{.Endpoint.VpcID}}</code></td><td>{{.Endpoint.MarkerID}}</td><td>{{tags .Endpoint.Tags}}</td></tr>
{{else}}<tr><td colspan="10">none</td></tr>
{{end}}</table>

<h2>Network (VPC and ELB companions)</h2>
<table id="network">
<tr><th>kind</th><th>id</th><th>name</th><th>project</th><th>status</th><th>network</th></tr>
{{with .State.Network}}{{range .VPCs}}<tr><td>vpc</td><td><code>{{.VPC.ID}}</code></td><td>{{.VPC.Name}}</td><td><code>{{.VPC.TenantID}}</code></td><td>{{.VPC.Status}}</td><td>{{.VPC.CIDR}}</td></tr>
{{end}}{{range .Subnets}}<tr><td>subnet</td><td><code>{{.Subnet.ID}}</code></td><td>{{.Subnet.Name}}</td><td><code>{{.Subnet.TenantID}}</code></td><td>{{.Subnet.Status}}</td><td>{{.Subnet.CIDR}} in <code>{{.Subnet.VpcID}}</code></td></tr>
{{end}}{{range .LoadBalancers}}<tr><td>loadbalancer</td><td><code>{{.LoadBalancer.ID}}</code></td><td>{{.LoadBalancer.Name}}</td><td><code>{{.LoadBalancer.TenantID}}</code></td>
<td>{{.LoadBalancer.ProvisioningStatus}}{{with .Pending}} <span class="pending">→ {{.Transition}}{{with .DueIn}} in {{.}}{{end}}{{if .Held}} (held){{end}}</span>{{end}}</td><td>{{.LoadBalancer.VipAddress}}, port <code>{{.LoadBalancer.VipPortID}}</code></td></tr>
{{end}}{{else}}<tr><td colspan="6">none</td></tr>
{{end}}</table>

<h2>Public services</h2>
<table id="public">
<tr><th>id</th><th>service name</th><th>type</th><th>owner</th></tr>
{{range .State.Public}}<tr><td><code>{{.Service.ID}}</code></td><td>{{.Service.ServiceName}}</td><td>{{.Service.ServiceType}}</td><td>{{.Owner}}</td></tr>
{{end}}</table>

<h2>Latest requests</h2>
<p id="journal">{{.Journal.Recorded}} recorded, {{.Journal.Kept}} kept (at most {{.Journal.Size}}), {{.Journal.Dropped}} dropped</p>
<table id="requests">
<tr><th>#</th><th>time</th><th>method</th><th>path</th><th>operation</th><th>status</th><th>error code</th><th>rule</th></tr>
{{range .Requests}}<tr><td>{{.Seq}}</td><td>{{.Time.Format "15:04:05"}}</td><td>{{.Method}}</td><td><code>{{.Path}}</code></td><td>{{.Op}}</td><td>{{if .Dropped}}dropped{{else}}{{.Status}}{{end}}</td><td>{{.ErrorCode}}</td><td>{{.Rule}}</td></tr>
{{else}}<tr><td colspan="8">none yet</td></tr>
{{end}}</table>
</body>
</html>
`
