//go:build !race

package httpapi_test

// slowdown scales a test's time bound: without the race detector, none.
const slowdown = 1
