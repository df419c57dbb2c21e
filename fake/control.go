package fake

import "github.com/seed42eb3344/vpcepfake/internal/engine"

// controlFake is the Server as the control API (/_fake/) drives it: the
// engine's own types, so the state export keeps its exact JSON.
type controlFake struct{ *Server }

func (c controlFake) Export() engine.Snapshot           { return c.eng.Export() }
func (c controlFake) Import(snap engine.Snapshot) error { return c.eng.Import(snap) }
func (c controlFake) Tenants() []engine.Tenant          { return c.eng.Tenants() }
func (c controlFake) AddTenant(t engine.Tenant) error   { return c.eng.AddTenant(t) }
func (c controlFake) Pending() []engine.Pending         { return c.eng.Pending() }
