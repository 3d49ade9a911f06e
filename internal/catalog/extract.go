package catalog

// MaxAttachment is the largest attachment accepted, in bytes.
const MaxAttachment = 20 << 20

// AttachmentKinds are the file extensions accepted as attachments.
var AttachmentKinds = map[string]string{
	".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".png":  "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".txt": "text/plain; charset=utf-8",
}
