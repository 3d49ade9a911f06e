//go:build !linux

package web

import "context"

// cork does nothing where TCP_CORK does not exist.
func cork(context.Context) (uncork func()) { return nil }
