package cases

import (
	"fmt"
	"strings"

	"github.com/gongkai/gongkai/internal/errs"
)

// decisions are the default decision sentences of the answer letter, one
// per outcome, spoken to the applicant. They say what the agency decided in
// plain words; the officer's reason and the citation follow in the letter.
var decisions = map[Outcome]string{
	Disclosed:                         "您申请获取的政府信息属于可以公开的政府信息，本机关予以公开。",
	PartiallyDisclosed:                "您申请获取的政府信息中含有不应当公开的内容，本机关对能够区分处理的可以公开部分予以公开，对其余部分不予公开。",
	WithheldStateSecret:               "您申请获取的政府信息属于依法确定的国家秘密，本机关决定不予公开。",
	WithheldProhibitedByLaw:           "您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。",
	WithheldThreeSafeties:             "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全或者社会稳定，本机关决定不予公开。",
	WithheldThirdParty:                "您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。",
	WithheldInternalAffairs:           "您申请获取的政府信息属于本机关的内部事务信息，本机关决定不予公开。",
	WithheldProcessInfo:               "您申请获取的政府信息属于本机关在履行行政管理职能过程中形成的过程性信息，本机关决定不予公开。",
	WithheldEnforcementFile:           "您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。",
	WithheldInquiryMatter:             "您申请获取的信息属于有关法律、行政法规对获取另有特别规定的信息，请您依照该法律、行政法规的规定办理。",
	UnavailableNotHeld:                "本机关未检索到您申请公开的政府信息，该政府信息不存在。",
	UnavailableNeedsCreation:          "您申请获取的信息需要本机关对现有政府信息进行加工、分析后才能形成，本机关不予提供。",
	UnavailableUnclearAfterCorrection: "您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供。",
	NotProcessedPetition:              "您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。",
	NotProcessedDuplicate:             "本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息，本机关不予重复处理。",
	NotProcessedPublication:           "您申请获取的是公开出版物，本机关告知您获取的途径。",
	NotProcessedExcessive:             "您申请公开政府信息的数量、频次明显超过合理范围，且申请理由不合理，本机关不予处理。",
	NotProcessedConfirmation:          "您的申请是要求本机关确认或者重新出具您已获取的信息，本机关不作为政府信息公开申请处理。",
	OtherNoCorrection:                 "您无正当理由逾期未补正，视为放弃申请，本机关不再处理您的政府信息公开申请。",
	OtherFeeUnpaid:                    "您未在规定期限内缴纳信息处理费，本机关不再处理您的政府信息公开申请。",
	OtherOther:                        "本机关对您的申请作如下处理。",
}

// elsewhereDecision replaces the not-held sentence when another agency is
// responsible for the information (第三十六条第（五）项).
const elsewhereDecision = "您申请公开的政府信息不属于本机关负责公开。负责公开该政府信息的行政机关为%s，联系方式：%s。"

// groundArticles are the articles of the grounds on which part of the
// information may be withheld in a partial disclosure (第三十七条).
var groundArticles = map[Outcome]string{
	WithheldStateSecret:     "第十四条",
	WithheldProhibitedByLaw: "第十四条",
	WithheldThreeSafeties:   "第十四条",
	WithheldThirdParty:      "第十五条",
	WithheldInternalAffairs: "第十六条第一款",
	WithheldProcessInfo:     "第十六条第二款",
	WithheldEnforcementFile: "第十六条第二款",
}

// WithheldGrounds returns the outcomes that may be the ground of the
// withheld part of a partial disclosure, in report order.
func WithheldGrounds() []OutcomeInfo {
	var out []OutcomeInfo
	for _, o := range outcomes {
		if _, ok := groundArticles[o.Outcome]; ok {
			out = append(out, o)
		}
	}
	return out
}

// Citation returns the one article and item the closing's answer cites,
// chosen from its outcome and facts, never typed by the officer: 第（一）项
// for information already published, 第（五）项 for information another
// agency is responsible for, the withheld ground's article for a partial
// disclosure. It is "" for an outcome without an article of its own.
func (cl Closing) Citation() string {
	switch {
	case cl.Outcome == Disclosed && cl.CatalogRef != "":
		return Regulation + "第三十六条第（一）项"
	case cl.Outcome == UnavailableNotHeld && cl.Elsewhere:
		return Regulation + "第三十六条第（五）项"
	case cl.Outcome == PartiallyDisclosed && groundArticles[cl.Withheld] != "":
		return Regulation + "第三十七条、第三十六条第（二）项和第" + strings.TrimPrefix(groundArticles[cl.Withheld], "第")
	}
	return cl.Outcome.Basis()
}

// Decision returns the decision sentence of the answer, to the applicant.
func (cl Closing) Decision() string {
	if cl.Outcome == UnavailableNotHeld && cl.Elsewhere {
		return fmt.Sprintf(elsewhereDecision, cl.Responsible, cl.ResponsibleContact)
	}
	d := decisions[cl.Outcome]
	if cl.Outcome == PartiallyDisclosed {
		if info, ok := cl.Withheld.Info(); ok {
			d = strings.TrimSuffix(d, "。") + "（不予公开部分的理由：" + info.Label + "）。"
		}
	}
	return d
}

// checkFacts checks the facts an outcome's answer needs: the withheld
// ground of a partial disclosure, the responsible agency and its contact
// when the information is another agency's.
func (cl *Closing) checkFacts() error {
	cl.Responsible, cl.ResponsibleContact = strings.TrimSpace(cl.Responsible), strings.TrimSpace(cl.ResponsibleContact)
	switch {
	case cl.Outcome == PartiallyDisclosed && groundArticles[cl.Withheld] == "":
		return errs.Invalid("部分公开须选择不予公开部分的理由（条例第十四、十五、十六条）")
	case cl.Outcome != PartiallyDisclosed:
		cl.Withheld = ""
	}
	if cl.Outcome != UnavailableNotHeld {
		cl.Elsewhere = false
	}
	if !cl.Elsewhere {
		cl.Responsible, cl.ResponsibleContact = "", ""
		return nil
	}
	switch {
	case cl.Responsible == "" || len([]rune(cl.Responsible)) > MaxShortText:
		return errs.Invalid("请填写负责公开该政府信息的行政机关名称（条例第三十六条第（五）项）")
	case cl.ResponsibleContact == "" || len([]rune(cl.ResponsibleContact)) > MaxShortText:
		return errs.Invalid("请填写负责公开该政府信息的行政机关的联系方式（条例第三十六条第（五）项）")
	}
	return nil
}
