package fake

import (
	"net/http"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/control"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// headerBytes is the size of r's request line and headers as sent,
// roughly: what net/http's MaxHeaderBytes counts.
func headerBytes(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Host) + 16
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

// errHeadersTooLarge is the VPCEP answer to headers over maxHeaderBytes.
// No code is documented for it; the generic parameter error is used.
var errHeadersTooLarge = &api.Error{Status: http.StatusRequestHeaderFieldsTooLarge, Code: api.E0002.Code,
	Msg: "Request header fields too large."}

// headersTooLarge answers 431 in the envelope of the API r was meant for:
// {"error": …} under /_fake/, the VPCEP envelope elsewhere.
func headersTooLarge(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, control.Prefix) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusRequestHeaderFieldsTooLarge)
		_, _ = w.Write([]byte(`{"error": "request header fields too large"}` + "\n"))
		return
	}
	writeJSON(w, errHeadersTooLarge.Status, errHeadersTooLarge, scenario.Outcome{})
}
