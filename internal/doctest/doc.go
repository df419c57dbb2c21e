// Package doctest treats the repository as its users do: every Go block of
// README.md and scenario/README.md compiles in a module of its own, every
// JSON block loads as a scenario file, and a
// consumer module outside the repository (testdata/consumer) does its work
// with nothing but the public API. It has only tests.
package doctest
