package web

import (
	"fmt"
	"github.com/gongkai/gongkai/internal/auditlog"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/cases"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
)

// caseStepFunc is one parsed workflow step, applied by the store to the
// locked case.
type caseStepFunc func(c *cases.Case) (cases.Event, error)

// caseStep applies the workflow step named by the last path segment. The
// form is checked before the case is touched: an empty or invalid form is
// refused with 400 and changes nothing.
func (s *Server) caseStep(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	c, err := s.agencyCase(r)
	if err != nil {
		return err
	}
	name := path.Base(r.URL.Path)
	fn, err := s.parseStep(r, name)
	if err == nil {
		_, err = s.db.CaseStep(r.Context(), c.ID, fn, s.change(r, auditlog.CaseStep(name)))
	}
	if err != nil {
		status, _, msg := classify(err)
		if status >= 500 {
			return err
		}
		return s.renderCase(w, r, c, status, msg, "", "")
	}
	if name == "transfer" {
		http.Redirect(w, r, fmt.Sprintf("/office/a/%d/cases?ok=saved", st.agency.ID), http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/cases/%d?ok=saved", st.agency.ID, c.ID), http.StatusSeeOther)
	return nil
}

// required reads the named dates, each required.
func requiredDates(f url.Values, names map[string]string) (map[string]calendar.Date, error) {
	out := make(map[string]calendar.Date, len(names))
	for name, what := range names {
		d, err := caseFormDate(f, name, what)
		if err != nil {
			return nil, err
		}
		if d.IsZero() {
			return nil, errs.Invalid("请填写%s", what)
		}
		out[name] = d
	}
	return out, nil
}

func (s *Server) parseStep(r *http.Request, name string) (caseStepFunc, error) {
	f, today := r.PostForm, s.today()
	cal, err := s.calendar(r)
	if err != nil {
		return nil, err
	}
	text := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	need := func(k, what string) (string, error) {
		if v := text(k); v != "" {
			return v, nil
		}
		return "", errs.Invalid("请填写%s", what)
	}
	switch name {
	case "confirm":
		d, err := requiredDates(f, map[string]string{"received": "确认收到之日"})
		if err != nil {
			return nil, err
		}
		return func(c *cases.Case) (cases.Event, error) { return c.Confirm(d["received"], today) }, nil
	case "correction":
		d, err := requiredDates(f, map[string]string{"notice_on": "补正通知发出之日"})
		if err != nil {
			return nil, err
		}
		items := cases.CorrectionItems(f.Get("what"))
		if len(items) == 0 {
			return nil, errs.Invalid("请逐项填写需要补正的事项（每行一项）")
		}
		days, err := strconv.Atoi(text("days"))
		if err != nil {
			return nil, errs.Invalid("请填写补正期限（工作日数）")
		}
		return func(c *cases.Case) (cases.Event, error) {
			return c.RequestCorrection(cal, d["notice_on"], days, items, today)
		}, nil
	case "correction_delivered":
		d, err := requiredDates(f, map[string]string{"on": "补正通知送达之日"})
		if err != nil {
			return nil, err
		}
		return func(c *cases.Case) (cases.Event, error) { return c.RecordCorrectionDelivery(cal, d["on"], today) }, nil
	case "corrected":
		d, err := requiredDates(f, map[string]string{"on": "收到补正申请之日"})
		if err != nil {
			return nil, err
		}
		return func(c *cases.Case) (cases.Event, error) {
			return c.ReceiveCorrection(d["on"], text("description"), today)
		}, nil
	case "consult":
		d, err := requiredDates(f, map[string]string{"on": "征求意见之日"})
		if err != nil {
			return nil, err
		}
		whom, err := need("whom", "被征求意见的第三方或机关")
		if err != nil {
			return nil, err
		}
		kind := cases.PauseKind(text("kind"))
		return func(c *cases.Case) (cases.Event, error) { return c.StartConsultation(kind, d["on"], whom, today) }, nil
	case "consulted":
		d, err := requiredDates(f, map[string]string{"on": "收到意见之日"})
		if err != nil {
			return nil, err
		}
		return func(c *cases.Case) (cases.Event, error) { return c.EndConsultation(d["on"], text("opinion"), today) }, nil
	case "fee":
		return s.parseFee(r)
	case "paid":
		d, err := requiredDates(f, map[string]string{"on": "缴费之日"})
		if err != nil {
			return nil, err
		}
		return func(c *cases.Case) (cases.Event, error) { return c.RecordPayment(d["on"], today) }, nil
	case "extend":
		days, err := strconv.Atoi(text("days"))
		if err != nil {
			return nil, errs.Invalid("请填写延长的工作日数")
		}
		reason, err := need("reason", "延期理由")
		if err != nil {
			return nil, err
		}
		by := state(r).p.User.Username
		return func(c *cases.Case) (cases.Event, error) { return c.RequestExtension(cal, days, reason, by, today) }, nil
	case "approve":
		d, err := requiredDates(f, map[string]string{"on": "审批之日"})
		if err != nil {
			return nil, err
		}
		by := state(r).p.User.Username
		if f.Get("decision") == "refuse" {
			reason, err := need("refusal", "不予批准的理由")
			if err != nil {
				return nil, err
			}
			return func(c *cases.Case) (cases.Event, error) { return c.RefuseExtension(by, reason, d["on"], today) }, nil
		}
		return func(c *cases.Case) (cases.Event, error) { return c.ApproveExtension(cal, by, d["on"], today) }, nil
	case "extension_notice":
		d, err := requiredDates(f, map[string]string{"on": "延期告知书送达之日"})
		if err != nil {
			return nil, err
		}
		return func(c *cases.Case) (cases.Event, error) { return c.RecordExtensionNotice(d["on"], today) }, nil
	case "transfer":
		to, err := strconv.ParseInt(text("to"), 10, 64)
		if err != nil || to <= 0 {
			return nil, errs.Invalid("请选择负责办理的机关")
		}
		target, err := s.db.Agency(r.Context(), to)
		if err != nil {
			return nil, errs.Invalid("请选择负责办理的机关")
		}
		reason, err := need("reason", "转办理由")
		if err != nil {
			return nil, err
		}
		return func(c *cases.Case) (cases.Event, error) { return c.Transfer(target.ID, target.Name, reason) }, nil
	case "close":
		o, err := cases.ParseOutcome(text("outcome"))
		if err != nil {
			return nil, errs.Invalid("请选择办理结果")
		}
		d, err := requiredDates(f, map[string]string{"on": "办结之日"})
		if err != nil {
			return nil, err
		}
		cl := cases.Closing{Outcome: o, Reason: text("reason"), Basis: text("basis"), On: d["on"],
			Attached: text("attached"), CatalogRef: text("catalog_ref"), Withheld: cases.Outcome(text("withheld")),
			Elsewhere: text("not_held") == "elsewhere", Responsible: text("responsible"), ResponsibleContact: text("responsible_contact")}
		if cl.Reason == "" {
			return nil, errs.Invalid("请填写答复理由")
		}
		if item := text("catalog_item"); item != "" {
			if err := s.linkCatalogItem(r, item, &cl); err != nil {
				return nil, err
			}
		}
		return func(c *cases.Case) (cases.Event, error) { return c.Close(cal, cl, today) }, nil
	case "deliver":
		d, err := requiredDates(f, map[string]string{"on": "送达之日"})
		if err != nil {
			return nil, err
		}
		via, err := need("via", "送达方式")
		if err != nil {
			return nil, err
		}
		return func(c *cases.Case) (cases.Event, error) { return c.Deliver(via, d["on"], today) }, nil
	}
	return nil, errs.NotFound("页面不存在")
}

// parseFee computes the fee by the chosen method (cases.ComputeFee); by
// count, the applicant's earlier applications to the agency in the same
// natural month are counted from the records.
func (s *Server) parseFee(r *http.Request) (caseStepFunc, error) {
	f, today := r.PostForm, s.today()
	method := cases.FeeMethod(f.Get("method"))
	units, err := strconv.Atoi(strings.TrimSpace(f.Get("units")))
	if err != nil {
		return nil, errs.Invalid("请填写计费数量（件数或页数）")
	}
	d, err := requiredDates(f, map[string]string{"notice_received": "申请人收到收费通知之日"})
	if err != nil {
		return nil, err
	}
	if _, err := cases.ComputeFee(cases.FeeRequest{Method: method, Units: units}); err != nil {
		return nil, err
	}
	c, err := s.agencyCase(r)
	if err != nil {
		return nil, err
	}
	prior := 0
	if method == cases.FeeByCount {
		if prior, err = s.db.ApplicantMonthCount(r.Context(), c); err != nil {
			return nil, err
		}
	}
	fee, err := cases.ComputeFee(cases.FeeRequest{Method: method, Prior: prior, Units: units})
	if err != nil {
		return nil, err
	}
	return func(c *cases.Case) (cases.Event, error) { return c.IssueFee(fee, d["notice_received"], today) }, nil
}

// linkCatalogItem points a closing at a published catalog item (the
// information is already public, 条例第三十六条第（一）项): the letter names
// it and the case links its portal page.
func (s *Server) linkCatalogItem(r *http.Request, idText string, cl *cases.Closing) error {
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return errs.Invalid("已公开信息的编号“%s”无效", idText)
	}
	it, err := s.db.Item(r.Context(), id)
	if err != nil || it.State != catalog.Published {
		return errs.Invalid("编号 %d 的信息不存在或尚未公开", id)
	}
	cl.CatalogURL = fmt.Sprintf("/agencies/%d/items/%d", it.AgencyID, it.ID)
	cl.CatalogRef = fmt.Sprintf("《%s》（索引号 %s），可在本机关政府信息公开平台 %s 查阅", it.Title, it.IndexNo, cl.CatalogURL)
	return nil
}
