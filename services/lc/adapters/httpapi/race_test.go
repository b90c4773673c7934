//go:build race

package httpapi_test

// slowdown scales a test's time bound: the race detector makes the code several times slower.
const slowdown = 5
