package web

import (
	"fmt"
	"github.com/gongkai/gongkai/internal/auditlog"
	"html/template"
	"net/http"
	"time"

	"github.com/gongkai/gongkai/internal/auth"
	"github.com/gongkai/gongkai/internal/calendar"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/store"
)

type catalogListPage struct {
	Page
	State   catalog.State
	States  []catalog.State
	Items   []catalog.Item
	Columns []catalog.Column
	CanEdit bool
	Late    map[int64]bool
	Prev    string
	Next    string
}

// officeListPage is how many items the back-office list shows at once.
const officeListPage = 100

// catalogItems lists the agency's information items by state.
func (s *Server) catalogItems(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	p := &catalogListPage{Page: s.page(r, "主动公开"), State: catalog.State(r.URL.Query().Get("state")), States: catalog.States,
		CanEdit: st.p.Can(auth.EditInfo, st.agency.ID), Late: map[int64]bool{}}
	if p.State != "" && !p.State.Known() {
		return errs.Invalid("状态无效")
	}
	fr := fieldReader{v: r.URL.Query()}
	page := max(int(fr.id("page", "页码")), 1)
	if fr.err != nil {
		return fr.err
	}
	var err error
	// One more than a page tells whether there is a next one.
	p.Items, err = s.db.Items(r.Context(), store.ItemFilter{AgencyID: st.agency.ID, State: p.State,
		Limit: officeListPage + 1, Offset: (min(page, 10000) - 1) * officeListPage})
	if err != nil {
		return err
	}
	link := func(n int) string {
		return fmt.Sprintf("/office/a/%d/items?state=%s&page=%d", st.agency.ID, p.State, n)
	}
	if len(p.Items) > officeListPage {
		p.Items, p.Next = p.Items[:officeListPage], link(page+1)
	}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if p.Columns, err = s.db.Columns(r.Context(), st.agency.ID); err != nil {
		return err
	}
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	for _, it := range p.Items {
		p.Late[it.ID] = it.Late(cal, s.cfg.Now())
	}
	s.render(w, r, http.StatusOK, "catalog_items", p)
	return nil
}

type catalogFormPage struct {
	Page
	Item     catalog.Item
	Columns  []catalog.Column
	Policies []catalog.Item
	Topics   catalog.Taxonomy
	Genres   catalog.Taxonomy
	Art20    []string
	Error    string
}

func (s *Server) renderItemForm(w http.ResponseWriter, r *http.Request, status int, it catalog.Item, msg string) error {
	st := state(r)
	title := "新建信息"
	if it.ID != 0 {
		title = "修改信息"
	}
	p := &catalogFormPage{Page: s.page(r, title), Item: it, Art20: catalog.Article20Items, Error: msg}
	var err error
	if p.Topics, p.Genres, err = s.classes(r.Context(), st.agency.ID); err != nil {
		return err
	}
	if p.Columns, err = s.db.Columns(r.Context(), st.agency.ID); err != nil {
		return err
	}
	if p.Policies, err = s.db.Items(r.Context(), store.ItemFilter{AgencyID: st.agency.ID, State: catalog.Published, Limit: 200}); err != nil {
		return err
	}
	s.render(w, r, status, "catalog_item_form", p)
	return nil
}

// catalogNew shows an empty draft form.
func (s *Server) catalogNew(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	return s.renderItemForm(w, r, http.StatusOK, catalog.Item{Publisher: st.agency.Name, Original: true,
		WrittenOn: s.today(), Attribute: catalog.Proactive, Channel: catalog.Website}, "")
}

// itemFromForm reads the metadata fields of the draft form into it.
func itemFromForm(r *http.Request, it *catalog.Item) error {
	f := r.PostForm
	it.Title, it.DocNo, it.Publisher, it.Body = f.Get("title"), f.Get("doc_no"), f.Get("publisher"), f.Get("body")
	it.Topic, it.Genre = f.Get("topic"), f.Get("genre")
	it.Validity, it.Channel, it.Attribute = catalog.Validity(f.Get("validity")), catalog.Channel(f.Get("channel")), catalog.Attribute(f.Get("attribute"))
	it.Original = f.Get("original") == "1"
	it.AttributeReason, it.LegalBasis = f.Get("attribute_reason"), f.Get("legal_basis")
	fr := fieldReader{v: f}
	it.ColumnID, it.InterpretsID, it.Article20 = fr.id("column_id", "栏目"), fr.id("interprets_id", "所解读的政策"), int(fr.id("article20", "第二十条事项"))
	it.WrittenOn, it.ValidFrom, it.InvalidOn = fr.date("written_on", "成文日期"), fr.date("valid_from", "生效日期"), fr.date("invalid_on", "废止/失效日期")
	return fr.err
}

// catalogCreate stores a new draft.
func (s *Server) catalogCreate(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	it := catalog.Item{AgencyID: st.agency.ID, AuthorID: st.p.User.ID}
	err := itemFromForm(r, &it)
	if err == nil {
		err = s.checkClasses(r.Context(), &it, "", "")
	}
	if err == nil {
		err = s.db.CreateItem(r.Context(), &it, s.change(r, "item.create"))
	}
	if err != nil {
		return s.itemFormError(w, r, it, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/items/%d?ok=created", st.agency.ID, it.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) itemFormError(w http.ResponseWriter, r *http.Request, it catalog.Item, err error) error {
	status, _, msg := classify(err)
	if status >= 500 {
		return err
	}
	return s.renderItemForm(w, r, status, it, msg)
}

// pathItem loads the {item} of the path, which must belong to the agency.
func (s *Server) pathItem(r *http.Request) (*catalog.Item, error) {
	id, err := pathID(r, "item")
	if err != nil {
		return nil, err
	}
	it, err := s.db.Item(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if it.AgencyID != state(r).agency.ID {
		return nil, errs.NotFound("信息不存在")
	}
	return it, nil
}

// catalogEdit shows the draft form filled in.
func (s *Server) catalogEdit(w http.ResponseWriter, r *http.Request) error {
	it, err := s.pathItem(r)
	if err != nil {
		return err
	}
	return s.renderItemForm(w, r, http.StatusOK, *it, "")
}

// catalogUpdate saves a draft.
func (s *Server) catalogUpdate(w http.ResponseWriter, r *http.Request) error {
	it, err := s.pathItem(r)
	if err != nil {
		return err
	}
	oldTopic, oldGenre := it.Topic, it.Genre
	if err := itemFromForm(r, it); err != nil {
		return s.itemFormError(w, r, *it, err)
	}
	if err := s.checkClasses(r.Context(), it, oldTopic, oldGenre); err != nil {
		return s.itemFormError(w, r, *it, err)
	}
	if err := s.db.UpdateItem(r.Context(), it, s.change(r, "item.edit")); err != nil {
		return s.itemFormError(w, r, *it, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/items/%d?ok=saved", it.AgencyID, it.ID), http.StatusSeeOther)
	return nil
}

type catalogItemPage struct {
	Page
	Item        catalog.Item
	Body        template.HTML
	Column      string
	Topic       string // label of the item's 主题分类
	Genre       string // label of the item's 体裁分类
	Findings    []catalog.Finding
	Events      []catalog.Event
	Attachments []store.ItemAttachment
	Late        bool
	CanEdit     bool
	CanReview   bool
	Error       string
}

// catalogItem shows an item in the back office: metadata, scan findings in
// context, attachments, history and the actions the user may take.
func (s *Server) catalogItem(w http.ResponseWriter, r *http.Request) error {
	return s.renderItem(w, r, http.StatusOK, "")
}

func (s *Server) renderItem(w http.ResponseWriter, r *http.Request, status int, msg string) error {
	st := state(r)
	it, err := s.pathItem(r)
	if err != nil {
		return err
	}
	// The body was sanitised when it was saved; sanitising again costs little.
	p := &catalogItemPage{Page: s.page(r, it.Title), Item: *it, Body: template.HTML(catalog.Sanitize(it.Body)), Error: msg,
		CanEdit: st.p.Can(auth.EditInfo, it.AgencyID), CanReview: st.p.Can(auth.ReviewInfo, it.AgencyID)}
	cols, err := s.db.Columns(r.Context(), it.AgencyID)
	if err != nil {
		return err
	}
	p.Column = catalog.ColumnPath(cols, it.ColumnID)
	if p.Topic, p.Genre, err = s.classLabels(r.Context(), it); err != nil {
		return err
	}
	if p.Findings, err = s.db.Findings(r.Context(), it.ID); err != nil {
		return err
	}
	if p.Events, err = s.db.ItemEvents(r.Context(), it.ID); err != nil {
		return err
	}
	if p.Attachments, err = s.db.Attachments(r.Context(), it.ID); err != nil {
		return err
	}
	for _, a := range p.Attachments {
		if a.TextPending() {
			p.Refresh = 3 // until the job has read it
		}
	}
	cal, err := s.calendar(r)
	if err != nil {
		return err
	}
	p.Late = it.Late(cal, s.cfg.Now())
	s.render(w, r, status, "catalog_item", p)
	return nil
}

// catalogStep takes a workflow step named by the route: submit (EditInfo),
// review, publish and withdraw (ReviewInfo).
func (s *Server) catalogStep(action catalog.Action) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		st := state(r)
		it, err := s.pathItem(r)
		if err != nil {
			return err
		}
		f := r.PostForm
		step := catalog.Step{Action: action, By: catalog.Actor{ID: st.p.User.ID, Name: st.p.User.Username}, Reason: f.Get("reason")}
		switch action {
		case catalog.Approve: // the review form says approve or reject
			switch f.Get("decision") {
			case "approve":
			case "reject":
				step.Action = catalog.Reject
			default:
				return errs.Invalid("请选择通过或退回")
			}
		case catalog.Publish:
			switch f.Get("when") {
			case "now":
			case "later":
				at, perr := time.ParseInLocation("2006-01-02T15:04", f.Get("at"), calendar.China)
				if perr != nil {
					return errs.Invalid("请填写定时发布的时间")
				}
				step.Action, step.When = catalog.Schedule, at
			default:
				return errs.Invalid("请选择立即发布或定时发布")
			}
		case catalog.Withdraw:
			if f.Get("what") == "repeal" || f.Get("what") == "expire" {
				d, perr := calendar.ParseDate(f.Get("on"))
				if perr != nil {
					return errs.Invalid("请填写废止或失效日期")
				}
				step.Action, step.When = catalog.Repeal, d.Time()
				if f.Get("what") == "expire" {
					step.Action = catalog.Expire
				}
			}
		case catalog.Submit:
			if f.Get("confirm") != "1" {
				return errs.Invalid("请确认提交审核")
			}
		}
		if _, err := s.db.TransitionItem(r.Context(), st.agency.ID, it.ID, step, s.change(r, auditlog.ItemStep(string(step.Action)))); err != nil {
			status, _, msg := classify(err)
			if status >= 500 {
				return err
			}
			return s.renderItem(w, r, status, msg)
		}
		http.Redirect(w, r, fmt.Sprintf("/office/a/%d/items/%d?ok=saved", it.AgencyID, it.ID), http.StatusSeeOther)
		return nil
	}
}
