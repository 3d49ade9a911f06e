// Package blobtest serves the S3 protocol inside the test process
// (github.com/johannesboyne/gofakes3 on an httptest server), so tests reach a
// bucket through the real gocloud.dev s3blob driver over HTTP.
package blobtest

import (
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// BucketName is the name of the empty bucket Server creates.
const BucketName = "gongkai-test"

// Server starts an S3 server holding one empty bucket, stopped when the test
// ends, and returns the gocloud.dev URL of that bucket for blob.Open. It
// sets the AWS credential variables for the test, so the test must not run
// in parallel.
func Server(t testing.TB) string {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket(BucketName); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	// The SDK reads its credentials from the environment; keep the
	// developer's own AWS files and the EC2 metadata service out of it.
	none := filepath.Join(t.TempDir(), "none")
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": "gongkai", "AWS_SECRET_ACCESS_KEY": "gongkai-secret", "AWS_SESSION_TOKEN": "",
		"AWS_PROFILE": "", "AWS_CONFIG_FILE": none, "AWS_SHARED_CREDENTIALS_FILE": none, "AWS_EC2_METADATA_DISABLED": "true",
	} {
		t.Setenv(k, v)
	}
	return URL(srv.URL, BucketName)
}

// URL is the gocloud.dev URL of bucket on the S3 server at endpoint.
func URL(endpoint, bucket string) string {
	q := url.Values{"endpoint": {endpoint}, "region": {"us-east-1"}, "use_path_style": {"true"}}
	return "s3://" + bucket + "?" + q.Encode()
}
