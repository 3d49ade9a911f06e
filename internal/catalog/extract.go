package catalog

import "github.com/gongkai/gongkai/internal/filetype"

// MaxAttachment is the largest attachment accepted, in bytes.
const MaxAttachment = 20 << 20

// AttachmentKinds are the formats accepted as attachments, checked by
// content (filetype.Check).
var AttachmentKinds = []filetype.Kind{filetype.PDF, filetype.DOCX, filetype.XLSX, filetype.PNG, filetype.JPEG, filetype.TXT}
