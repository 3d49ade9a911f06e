package web

import "github.com/gongkai/gongkai/internal/catalog"

// formSlack is what an upload route's body may hold beyond its files: the
// other fields of the form and the multipart framing.
const formSlack = 1 << 20

// uploadLimits are the size limits the upload forms state, in MB: the same
// constants the routes and handlers enforce, so a form never promises
// what the server refuses.
type uploadLimits struct {
	Attachment  int64 // one catalog attachment
	Import      int64 // one import file
	CaseFile    int64 // one file of an application or a 补正
	CaseFiles   int   // how many files an application or a 补正 may have
	CaseTotal   int64 // all files of an application or a 补正
	AuditorFile int64 // one published report
	AuditorAll  int64 // all reports of one batch
}

// limits is what the templates show as {{limits.Attachment}} and so on.
func limits() uploadLimits {
	return uploadLimits{
		Attachment: catalog.MaxAttachment >> 20, Import: maxImport >> 20,
		CaseFile: maxCaseFileBytes >> 20, CaseFiles: maxCaseFiles, CaseTotal: caseMaxUpload >> 20,
		AuditorFile: auditorMaxFile >> 20, AuditorAll: auditorMaxUpload >> 20,
	}
}
