package fake

import "testing"

// NewTest returns an in-memory Server for one test and closes it when the
// test ends. It costs microseconds and opens no socket.
func NewTest(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s := New(opts...)
	tb.Cleanup(s.Close)
	return s
}
