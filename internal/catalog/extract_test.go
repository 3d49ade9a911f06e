package catalog

import (
	"testing"

	"github.com/gongkai/gongkai/internal/extract"
)

// TestScanAttachmentText scans the text extracted from an attachment.
func TestScanAttachmentText(t *testing.T) {
	text, err := extract.Attachment("名单.txt", []byte("申请人身份证号140402198506121232"))
	if err != nil {
		t.Fatal(err)
	}
	found := Scanner{}.Scan("名单.txt", text)
	if len(found) != 1 || found[0].Kind != FindIDNumber {
		t.Fatalf("scan of the attachment's text: %+v", found)
	}
}
