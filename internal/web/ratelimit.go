package web

import (
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/gongkai/gongkai/internal/errs"
)

// Limits on anonymous form posts per client address (login, the online
// application, the status look-up): enough for people sharing an office's
// address, too few for guessing secrets or filling the disk.
const (
	publicPostsPerMinute = 30
	publicPostBurst      = 10
	limiterIdle          = 10 * time.Minute
)

// errTooMany is the answer to a client over its limit.
var errTooMany = &errs.Error{Kind: errTooManyRequests, Message: "提交过于频繁，请稍后再试"}

// limiters holds a token bucket per client address and route.
type limiters struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// allow reports whether the client may post to the route now, at perMinute
// posts a minute (publicPostsPerMinute when 0).
func (l *limiters) allow(r *http.Request, route string, perMinute int, now time.Time) bool {
	if perMinute == 0 {
		perMinute = publicPostsPerMinute
	}
	key := route + " " + clientAddress(r)
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets == nil {
		l.buckets = map[string]*bucket{}
	}
	if now.Sub(l.swept) > limiterIdle { // forget clients gone quiet
		for k, b := range l.buckets {
			if now.Sub(b.seen) > limiterIdle {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(rate.Limit(float64(perMinute)/60), min(publicPostBurst, perMinute))}
		l.buckets[key] = b
	}
	b.seen = now
	return b.lim.AllowN(now, 1)
}

// clientAddress is the address the request came from, without its port:
// what the post limits and the login throttle count by.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
