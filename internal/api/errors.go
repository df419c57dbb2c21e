// Package api holds the VPCEP wire vocabulary: request and response types with
// their exact JSON names, the documented error catalog and the operation ids.
package api

import (
	_ "embed"
	"encoding/json"
	"fmt"
)

// Error is a documented VPCEP error: the HTTP status and the flat
// {"error_code","error_msg"} body the real service sends.
type Error struct {
	Status int    `json:"-"`
	Code   string `json:"error_code"`
	Msg    string `json:"error_msg"`
}

func (e *Error) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Msg) }

// CatalogEntry is one row of the documented error table (errors.json).
type CatalogEntry struct {
	Status int      `json:"status"`
	Code   string   `json:"code"`
	Msg    string   `json:"message"`
	UsedBy []string `json:"used_by"`
	Basis  string   `json:"basis"`
}

//go:embed errors.json
var errorsJSON []byte

// Catalog is every documented error code, keyed by code, as compiled in the
// API reference (docs/vpcep-api.md §5; errors.json is its table).
var Catalog = loadCatalog()

func loadCatalog() map[string]CatalogEntry {
	var rows []CatalogEntry
	if err := json.Unmarshal(errorsJSON, &rows); err != nil {
		panic("api: errors.json: " + err.Error())
	}
	m := make(map[string]CatalogEntry, len(rows))
	for _, r := range rows {
		m[r.Code] = r
	}
	return m
}

// documented returns the catalog's error for code; it panics at start-up
// when the code is not documented, so a typo cannot reach a response.
func documented(code string) *Error {
	r, ok := Catalog[code]
	if !ok {
		panic("api: undocumented error code " + code)
	}
	return &Error{Status: r.Status, Code: r.Code, Msg: r.Msg}
}

// Lookup returns the documented error for code (VPCEP, VPC or ELB), or
// false when the code is not documented.
func Lookup(code string) (*Error, bool) {
	r, ok := Catalog[code]
	if !ok {
		if e, ok := netErrors[code]; ok { // a companion API's code
			c := *e
			return &c, true
		}
		return nil, false
	}
	return &Error{Status: r.Status, Code: r.Code, Msg: r.Msg}, true
}
