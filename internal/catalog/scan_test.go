package catalog

import (
	"testing"

	"github.com/gongkai/gongkai/internal/calendar"
)

func TestScan(t *testing.T) {
	sc := Scanner{Words: []string{"内部敏感词", "ABC"}, Today: calendar.NewDate(2026, 11, 27)}
	tests := []struct {
		name string
		text string
		want []FindingKind
	}{
		{"valid ID", "申请人身份证号140402198506121232。", []FindingKind{FindIDNumber}},
		{"valid ID with x", "证件号：11010519491231002x", []FindingKind{FindIDNumber}},
		{"ID with a wrong check digit", "号码140402198506121233无效", nil},
		{"ID with an impossible birth date", "号码140402198513121232", nil},
		{"mobile", "联系电话13800138000", []FindingKind{FindMobile}},
		{"mobile with dashes", "手机 138-0013-8000。", []FindingKind{FindMobile}},
		{"landline is not a mobile", "电话0355-2025678", nil},
		{"bank card", "账号 6222020200112233446", []FindingKind{FindBankCard}},
		{"bank card passing Luhn", "账号 6222 0202 0011 2233 446", []FindingKind{FindBankCard}},
		{"card number failing Luhn", "账号 6222020200112233447", nil},
		{"email", "请发送至 office@czspj.gov.cn 。", []FindingKind{FindEmail}},
		{"secrecy marking with star", "秘密★1年\n关于某事项的通知", []FindingKind{FindSecrecy}},
		{"classification at line start", "机密\n关于某事项的通知", []FindingKind{FindSecrecy}},
		{"密级 field", "密级：绝密", []FindingKind{FindSecrecy}},
		{"internal document", "本件为内部资料，请勿外传", []FindingKind{FindSecrecy}},
		{"lone star", "★", []FindingKind{FindSecrecy}},
		{"state secrets law is no marking", "依照《中华人民共和国保守国家秘密法》，不得泄露国家秘密和商业秘密。", nil},
		{"internal management is no marking", "加强内部管理，完善内部控制制度。", nil},
		{"文号 is not personal data", "长政发〔2020〕12号、晋政办发〔2019〕105号", nil},
		{"dates are not personal data", "2020年12月31日，20201231，2020-12-31", nil},
		{"a long statistic is not a card", "全年办件量 12209 件，金额 44.2 万元", nil},
		{"agency word", "此处有内部敏感词。", []FindingKind{FindWord}},
		{"agency word case-insensitive", "代号abc", []FindingKind{FindWord}},
		{"several in order", "电话13800138000，邮箱a@b.cn", []FindingKind{FindMobile, FindEmail}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sc.Scan("正文", tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Scan(%q) = %+v, want kinds %v", tt.text, got, tt.want)
			}
			for i, f := range got {
				if f.Kind != tt.want[i] || f.Source != "正文" {
					t.Errorf("finding %d = %+v, want %s", i, f, tt.want[i])
				}
			}
		})
	}
}

func TestScanContext(t *testing.T) {
	got := Scanner{}.Scan("附件.docx", "开头这是前文很长很长的一段话，联系人身份证号140402198506121232，后文")
	if len(got) != 1 || got[0].Before != "这是前文很长很长的一段话，联系人身份证号" || got[0].After != "，后文" || got[0].Match != "140402198506121232" {
		t.Fatalf("context %+v", got)
	}
}

func TestLuhn(t *testing.T) {
	for s, want := range map[string]bool{"4111111111111111": true, "4111111111111112": false, "79927398713": true} {
		if luhn(s) != want {
			t.Errorf("luhn(%s) != %v", s, want)
		}
	}
}
