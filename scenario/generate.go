package scenario

//go:generate go run ./internal/gen
