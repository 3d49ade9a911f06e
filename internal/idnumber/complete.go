package idnumber

// CompleteResident appends the GB 11643 check character to 17 digits,
// for demo data, test fixtures and synthetic benchmarks. It returns "" when
// first17 is not 17 digits.
func CompleteResident(first17 string) string {
	if len(first17) != 17 {
		return ""
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return ""
		}
		sum += int(c-'0') * residentWeights[i]
	}
	return first17 + string(residentCheck[sum%11])
}

// CompleteCreditCode appends the GB 32100 check character to the first 17
// characters of a 统一社会信用代码; "" when they are not valid characters.
func CompleteCreditCode(first17 string) string {
	if len(first17) != 17 {
		return ""
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := -1
		for j := 0; j < len(creditChars); j++ {
			if creditChars[j] == first17[i] {
				v = j
			}
		}
		if v < 0 {
			return ""
		}
		sum += v * creditWeights[i]
	}
	return first17 + string(creditChars[(31-sum%31)%31])
}
