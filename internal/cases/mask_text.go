package cases

import "regexp"

// Patterns of personal data an applicant may type into free text: ID
// numbers (15 or 18 characters), mobile numbers and e-mail addresses.
var (
	idInText     = regexp.MustCompile(`\b[0-9]{17}[0-9Xx]\b|\b[0-9]{15}\b`)
	mobileInText = regexp.MustCompile(`\b1[3-9][0-9]{9}\b`)
	emailInText  = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
)

// MaskText masks the ID numbers, mobile numbers and e-mail addresses found
// in free text, such as the description of the information sought, the way
// the applicant's own fields are masked.
func MaskText(s string) string {
	s = idInText.ReplaceAllStringFunc(s, MaskID)
	s = mobileInText.ReplaceAllStringFunc(s, MaskPhone)
	return emailInText.ReplaceAllStringFunc(s, MaskEmail)
}
