package web_test

import (
	"net/http"
	"testing"

	"github.com/gongkai/gongkai/internal/store"
)

// TestBearerSchemeIgnoresCase checks that the API reads the token whatever
// the case of the Authorization scheme, and only for the Bearer scheme.
func TestBearerSchemeIgnoresCase(t *testing.T) {
	db := seeded.Open(t, store.SQLite)
	e := newEnv(t, db)
	secret := e.token("spj-editor")
	tests := []struct {
		header string
		status int
	}{
		{"Bearer " + secret, http.StatusOK},
		{"bearer " + secret, http.StatusOK},
		{"BEARER " + secret, http.StatusOK},
		{"bEaReR   " + secret + " ", http.StatusOK},
		{"Basic " + secret, http.StatusUnauthorized},
		{"Bearer", http.StatusUnauthorized},
		{"Bearer ", http.StatusUnauthorized},
		{secret, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/me", nil)
		req.Header.Set("Authorization", tt.header)
		if res, body := e.anonymous().do(req); res.StatusCode != tt.status {
			t.Errorf("Authorization %q: status %d, want %d: %.200s", tt.header, res.StatusCode, tt.status, body)
		}
	}
}
