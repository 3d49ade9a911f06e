package audit

import "github.com/gongkai/gongkai/internal/extract"

// Read extracts the text of a published report in any supported kind
// (text, HTML, DOCX, PDF) and reads it into a result. name is the file name
// reported in the result and used to guess the kind when sniffing cannot.
func Read(name string, data []byte) (*Result, error) {
	text, err := extract.Document(name, data)
	if err != nil {
		return nil, err
	}
	return ReadText(name, text)
}
