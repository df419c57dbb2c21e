package fake

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Defaults of ListenAndServe's connection limits (WithMaxConnections,
// WithIdleTimeout).
const (
	DefaultMaxConnections = 1000
	DefaultIdleTimeout    = 30 * time.Second
)

// WithMaxConnections bounds the connections ListenAndServe keeps open
// (default DefaultMaxConnections): when all are taken, the connection idle
// the longest is closed to make room, and new ones wait for a free slot,
// so idle keep-alive connections cannot exhaust file descriptors.
// Servers made by New or NewServer are not affected.
func WithMaxConnections(n int) Option { return func(c *config) { c.maxConns = n } }

// WithIdleTimeout sets how long ListenAndServe keeps an idle keep-alive
// connection (default DefaultIdleTimeout).
func WithIdleTimeout(d time.Duration) Option { return func(c *config) { c.idleTimeout = d } }

// connLimiter is a listener that keeps at most cap(slots) connections
// open. Accept takes a slot; closing the connection gives it back. When
// none is free, Accept closes the connection idle the longest (tracked
// through http.Server.ConnState) or waits for one to go idle or close.
type connLimiter struct {
	net.Listener
	slots chan struct{}
	freed chan struct{} // a slot was given back or a connection went idle
	done  chan struct{}

	mu    sync.Mutex
	idle  map[net.Conn]time.Time // since when each idle connection waits
	close sync.Once
}

func newConnLimiter(ln net.Listener, max int) *connLimiter {
	return &connLimiter{Listener: ln, slots: make(chan struct{}, max), freed: make(chan struct{}, 1),
		done: make(chan struct{}), idle: map[net.Conn]time.Time{}}
}

// Accept waits for a slot, then for a connection.
func (l *connLimiter) Accept() (net.Conn, error) {
	for {
		select {
		case l.slots <- struct{}{}:
			c, err := l.Listener.Accept()
			if err != nil {
				<-l.slots
				return nil, err
			}
			return &limitedConn{Conn: c, release: sync.OnceFunc(l.release)}, nil
		default:
		}
		if l.closeOldestIdle() {
			continue
		}
		select {
		case <-l.freed:
		case <-l.done:
			return nil, net.ErrClosed
		}
	}
}

// Close closes the listener and wakes a waiting Accept.
func (l *connLimiter) Close() error {
	l.close.Do(func() { close(l.done) })
	return l.Listener.Close()
}

func (l *connLimiter) release() {
	<-l.slots
	l.signal()
}

// signal wakes a waiting Accept, without blocking.
func (l *connLimiter) signal() {
	select {
	case l.freed <- struct{}{}:
	default:
	}
}

// track follows each connection's state (http.Server.ConnState).
func (l *connLimiter) track(c net.Conn, st http.ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if st == http.StateIdle {
		l.idle[c] = time.Now()
		l.signal()
		return
	}
	delete(l.idle, c)
}

// closeOldestIdle closes the connection idle the longest; false when none
// is idle.
func (l *connLimiter) closeOldestIdle() bool {
	l.mu.Lock()
	var oldest net.Conn
	var since time.Time
	for c, t := range l.idle {
		if oldest == nil || t.Before(since) {
			oldest, since = c, t
		}
	}
	delete(l.idle, oldest)
	l.mu.Unlock()
	if oldest == nil {
		return false
	}
	_ = oldest.Close()
	return true
}

// limitedConn gives its slot back when closed.
type limitedConn struct {
	net.Conn
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.release()
	return err
}
