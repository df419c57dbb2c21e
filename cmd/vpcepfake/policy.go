package main

import "github.com/seed42eb3344/vpcepfake/scenario"

// afterReads completes every transition after n reads of its resource, for
// clients that poll but cannot share the server's clock.
type afterReads int

func (n afterReads) Plan(_ scenario.Change, def scenario.Plan) scenario.Plan {
	def.AfterReads = int(n)
	return def
}
