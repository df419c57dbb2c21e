package engine

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	mrand "math/rand/v2"
	"sync"

	"github.com/google/uuid"
)

// idSource generates UUIDs from a seeded stream, so a seed reproduces every
// id of a run.
type idSource struct {
	mu  sync.Mutex
	rng *mrand.ChaCha8
}

func newIDSource(seed uint64) *idSource {
	var key [32]byte
	if seed == 0 {
		_, _ = rand.Read(key[:])
	} else {
		binary.LittleEndian.PutUint64(key[:], seed)
	}
	return &idSource{rng: mrand.NewChaCha8(key)}
}

func (s *idSource) uuid() string { return s.next().String() }

// next draws a version 4 UUID from the stream.
func (s *idSource) next() uuid.UUID {
	var b [16]byte
	s.mu.Lock()
	_, _ = s.rng.Read(b[:])
	s.mu.Unlock()
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return b
}

// poolID draws a system-assigned pool id, "pool-" and the first 8 hex
// digits of a UUID, in one allocation.
func (s *idSource) poolID() string {
	const prefix = "pool-"
	u := s.next()
	var b [len(prefix) + 8]byte
	copy(b[:], prefix)
	hex.Encode(b[len(prefix):], u[:4])
	return string(b[:])
}

// state returns the generator state, for a snapshot.
func (s *idSource) state() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rng.MarshalBinary()
}

// restore continues from a generator state of a snapshot.
func (s *idSource) restore(rng *mrand.ChaCha8) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rng = rng
}
