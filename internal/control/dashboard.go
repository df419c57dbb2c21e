package control

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// refreshSeconds is the dashboard's auto-refresh period.
const refreshSeconds = 2

// dashboardView is what the dashboard template renders.
type dashboardView struct {
	Refresh int
	Clock   clockBody
	State   engine.Snapshot
}

// dashboard is GET /_fake/: the state as a read-only HTML page that
// reloads itself (a meta refresh; no JavaScript).
func (h *Handler) dashboard(w http.ResponseWriter, _ *http.Request) {
	v := dashboardView{Refresh: refreshSeconds, Clock: h.clockView(), State: h.Fake.Export()}
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
