package sidecar

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"time"
)

// crockford is the base32 alphabet of ULIDs: no I, L, O or U.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// IDs makes ULID-style ids: 26 characters that sort by creation time (48
// bits of milliseconds, then 80 random bits). Ids from one IDs value sort
// in the order they were made, even within a millisecond. The zero value
// is ready to use; it is not safe for concurrent use.
type IDs struct {
	last [16]byte
}

// New returns a new id for time t.
func (g *IDs) New(t time.Time) (string, error) {
	var id [16]byte
	ms := uint64(t.UnixMilli())
	binary.BigEndian.PutUint64(id[:8], ms<<16)
	if _, err := rand.Read(id[6:]); err != nil {
		return "", fmt.Errorf("new id: %w", err)
	}
	if string(id[:6]) == string(g.last[:6]) && string(id[6:]) <= string(g.last[6:]) {
		// Same millisecond: count up from the last id so the order holds.
		id = g.last
		for i := 15; i >= 6; i-- {
			id[i]++
			if id[i] != 0 {
				break
			}
		}
	}
	g.last = id
	return encode(id), nil
}

// encode writes 128 bits as 26 base32 characters, the first carrying the
// top 3 bits.
func encode(id [16]byte) string {
	hi := binary.BigEndian.Uint64(id[:8])
	lo := binary.BigEndian.Uint64(id[8:])
	var out [26]byte
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}
