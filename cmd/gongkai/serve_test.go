package main

import (
	"strings"
	"testing"
)

// TestServeRefusesBadTrustedProxies stops the server at start, with a
// Chinese message and the usage status, when --trusted-proxies (or its
// environment variable) holds something that is not a range or an address:
// a typo must not silently trust nobody, or everybody.
func TestServeRefusesBadTrustedProxies(t *testing.T) {
	for _, value := range []string{"10.0.0.0/33", "10.0.0.0/8,balancer", "fe80::1%eth0", "10.0.0.0/8;192.168.0.0/16"} {
		t.Run(value, func(t *testing.T) {
			code, _, stderr := runStdin(t, "", "serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--trusted-proxies", value)
			if code != 2 {
				t.Errorf("exit status %d, want 2; stderr %q", code, stderr)
			}
			if !strings.Contains(stderr, "--trusted-proxies") || !strings.Contains(stderr, "不是有效的 CIDR 网段或 IP 地址") {
				t.Errorf("stderr %q does not say, in Chinese, what is wrong with the flag", stderr)
			}
		})
	}
}
