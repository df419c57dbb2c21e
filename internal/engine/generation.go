package engine

// HoldState keeps the state from being replaced by Import or Reset until
// ReleaseState, and returns the state's generation, which every Import and
// Reset increments. A request holds the state from authentication to the
// end of its operation, so that it runs wholly against one state: one it
// authenticated against, or (when it let go in between and the generation
// moved) one it authenticates against again. It must not wait on a clock
// or a client while holding it, and must not hold it twice.
func (e *Engine) HoldState() uint64 {
	e.gate.RLock()
	return e.gen
}

// ReleaseState ends a HoldState.
func (e *Engine) ReleaseState() { e.gate.RUnlock() }
