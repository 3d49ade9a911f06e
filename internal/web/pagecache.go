package web

import (
	"bytes"
	"net/http"
	"sync"
	"time"
)

// pageCache keeps the public pages served to visitors without a session
// for a few seconds, so a busy portal renders each page once per interval
// instead of once per visitor. Pages for logged-in staff, anything with a
// cookie (the status look-up's secret travels in one), every other method
// and every non-200 answer bypass it. Entries expire by age only: a
// publication shows on the portal within one interval, on every node.
type pageCache struct {
	ttl     time.Duration
	mu      sync.RWMutex
	entries map[string]*cachedPage
	swept   time.Time
}

// cachedPage is one stored answer.
type cachedPage struct {
	header http.Header
	body   []byte
	at     time.Time
}

// maxCachedPage bounds one stored page; bigger answers are not kept.
const maxCachedPage = 1 << 20

// cacheable reports whether the request may be answered from the cache.
func cacheable(rt route, r *http.Request) bool {
	return rt.access == Public && rt.pattern != "/healthz" && rt.pattern != "/metrics" &&
		(r.Method == http.MethodGet || r.Method == http.MethodHead) && len(r.Cookies()) == 0 &&
		r.Header.Get("Authorization") == ""
}

// serve answers from the cache when it holds a fresh copy.
func (c *pageCache) serve(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	c.mu.RLock()
	p, ok := c.entries[r.URL.RequestURI()]
	c.mu.RUnlock()
	if !ok || now.Sub(p.at) >= c.ttl {
		return false
	}
	for k, v := range p.header {
		w.Header()[k] = v
	}
	w.Header().Set("X-Cache", "hit")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(p.body)
	}
	return true
}

// store keeps a rendered answer.
func (c *pageCache) store(key string, header http.Header, body []byte, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]*cachedPage{}
	}
	if now.Sub(c.swept) > 10*c.ttl { // drop what has expired
		for k, p := range c.entries {
			if now.Sub(p.at) >= c.ttl {
				delete(c.entries, k)
			}
		}
		c.swept = now
	}
	c.entries[key] = &cachedPage{header: header.Clone(), body: body, at: now}
}

// recorder passes an answer through to the client while keeping a copy.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
	tooBig bool
}

func (rec *recorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *recorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	if !rec.tooBig {
		if rec.buf.Len()+len(b) > maxCachedPage {
			rec.tooBig = true
			rec.buf = bytes.Buffer{}
		} else {
			rec.buf.Write(b)
		}
	}
	return rec.ResponseWriter.Write(b)
}
