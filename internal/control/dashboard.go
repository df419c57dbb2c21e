package control

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// refreshSeconds is the dashboard's auto-refresh period.
const refreshSeconds = 2

// latestRequests is how many journal entries the dashboard shows.
const latestRequests = 30

// dashboardView is what the dashboard template renders.
type dashboardView struct {
	Refresh int
	Clock   clockBody
	State   engine.Snapshot
	// Connections are each service's endpoints, by service id.
	Connections map[string][]engine.EndpointState
	// Requests are the latest journal entries, newest first.
	Requests []scenario.Entry
	Journal  scenario.JournalStats
}

// dashboard is GET /_fake/: the state as a read-only HTML page that
// reloads itself (a meta refresh; no JavaScript). Secrets are redacted
// unless asked for with ?secrets=true; of the journal it copies only the
// entries it shows.
func (h *Handler) dashboard(w http.ResponseWriter, r *http.Request) {
	v := dashboardView{Refresh: refreshSeconds, Clock: h.clockView(), State: h.Fake.Export(),
		Connections: map[string][]engine.EndpointState{}}
	v.State.Tenants = redactTenants(v.State.Tenants, r)
	for _, ep := range v.State.Endpoints {
		v.Connections[ep.Endpoint.EndpointServiceID] = append(v.Connections[ep.Endpoint.EndpointServiceID], ep)
	}
	j := h.Fake.Journal()
	v.Requests, v.Journal = j.Latest(latestRequests), j.Stats()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_ = page.Execute(w, v)
}

var page = template.Must(template.New("dashboard").Funcs(template.FuncMap{
	"ports": func(ps []api.PortMapping) string {
		var b strings.Builder
		for i, p := range ps {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Itoa(p.ClientPort) + "→" + strconv.Itoa(p.ServerPort) + "/" + p.Protocol)
		}
		return b.String()
	},
	"tags": func(ts []api.Tag) string {
		parts := make([]string, len(ts))
		for i, t := range ts {
			parts[i] = t.Key + "=" + t.Value
		}
		return strings.Join(parts, ", ")
	},
}).Parse(dashboardHTML))
