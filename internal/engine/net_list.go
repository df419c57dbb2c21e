package engine

import (
	"slices"
	"strconv"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// netPage is the paging of a VPC, subnet or load balancer list: after the
// resource with id marker, at most limit (0: all), newest first when
// reverse (ELB's page_reverse).
type netPage struct {
	marker  string
	limit   int
	reverse bool
}

// maxNetLimit is the largest limit the VPC API documents.
const maxNetLimit = 2000

// parseNetPage reads marker, limit (0–2000) and page_reverse from q; ok is
// false for a malformed value.
func parseNetPage(q api.NetPage) (pg netPage, ok bool) {
	pg.marker = q.Marker
	if l := q.Limit; l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 0 || n > maxNetLimit {
			return pg, false
		}
		pg.limit = n
	}
	if r := q.PageReverse; r != "" {
		b, err := strconv.ParseBool(r)
		if err != nil {
			return pg, false
		}
		pg.reverse = b
	}
	return pg, true
}

// cutPage returns the page pg of all (in creation order) and whether more
// follow; ok is false for a marker that names none of all. As ELB
// documents, marker and page_reverse take effect only with a limit.
func cutPage[T recorded](all []T, pg netPage) (sel []T, more, ok bool) {
	if pg.limit == 0 {
		return all, false, true
	}
	if pg.reverse {
		all = slices.Clone(all)
		slices.Reverse(all)
	}
	if pg.marker != "" {
		i := slices.IndexFunc(all, func(x T) bool { return x.rec().id == pg.marker })
		if i < 0 {
			return nil, false, false
		}
		all = all[i+1:]
	}
	if len(all) > pg.limit {
		return all[:pg.limit], true, true
	}
	return all, false, true
}
