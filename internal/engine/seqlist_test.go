package engine

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSeqList checks adds (some out of order, as an import makes them),
// removes (enough to compact), key changes, ranks and scans against a
// sorted slice.
func TestSeqList(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(3, 4))
	var l seqList[int]
	var want []int // seqs, ascending
	next := 1000
	for step := range 5000 {
		switch op := rnd.IntN(10); {
		case op < 5:
			seq := next
			if rnd.IntN(20) == 0 {
				seq = rnd.IntN(1000) * 1000 // out of order; may repeat: skip then
			}
			next++
			if slices.Contains(want, seq) {
				continue
			}
			l.add(uint64(seq), "k", seq)
			want = append(want, seq)
			slices.Sort(want)
		case op < 9 && len(want) > 0:
			i := rnd.IntN(len(want))
			l.remove(uint64(want[i]))
			want = slices.Delete(want, i, i+1)
		case len(want) > 0:
			seq := want[rnd.IntN(len(want))]
			l.setKey(uint64(seq), "changed")
		}
		require.Equal(t, len(want), l.len(), "step %d", step)
		if len(want) > 0 {
			i := rnd.IntN(len(want))
			require.Equal(t, []int{want[i]}, l.appendRange(nil, i, i+1), "step %d rank %d", step, i)
			j := i + rnd.IntN(len(want)-i+1)
			require.Equal(t, want[i:j], l.appendRange([]int{}, i, j), "step %d range [%d, %d)", step, i, j)
		}
	}
	var got []int
	l.each(func(_ string, seq int) { got = append(got, seq) })
	require.Equal(t, want, got)
	require.Less(t, len(l.slots), 2*len(want)+65, "holes are compacted")
}
