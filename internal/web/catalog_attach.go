package web

import (
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/gongkai/gongkai/internal/blob"
	"github.com/gongkai/gongkai/internal/catalog"
	"github.com/gongkai/gongkai/internal/errs"
	"github.com/gongkai/gongkai/internal/filetype"
	"github.com/gongkai/gongkai/internal/store"
)

// blobs is where attachment files live.
func (s *Server) blobs() blob.Store { return s.cfg.Blobs }

// catalogAttach uploads an attachment to a draft and stores it; its text,
// for search and the scan, is read by a job.
func (s *Server) catalogAttach(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	it, err := s.pathItem(r)
	if err != nil {
		return err
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return errs.Invalid("请选择要上传的附件")
	}
	defer file.Close()
	name := filepath.Base(strings.ReplaceAll(hdr.Filename, `\`, "/"))
	data, err := io.ReadAll(io.LimitReader(file, catalog.MaxAttachment+1))
	if err != nil {
		return fmt.Errorf("web: read upload: %w", err)
	}
	if len(data) > catalog.MaxAttachment {
		return errs.Invalid("附件不能超过 %d MB", catalog.MaxAttachment>>20)
	}
	// By content, not by name: an executable renamed .pdf is refused
	// rather than published as a PDF.
	kind, err := filetype.Check(name, data, catalog.AttachmentKinds...)
	if err != nil {
		return err
	}
	// The text is read afterwards, in the sandbox, by a job
	// (jobs.AttachmentTexts): the upload returns at once, and the item's
	// page shows the attachment as being read until then.
	a := &store.ItemAttachment{ItemID: it.ID, Name: name, ContentType: kind.MIME(), Size: int64(len(data)), TextState: store.TextPending}
	if a.BlobKey, err = s.blobs().Put(r.Context(), data); err != nil {
		return err
	}
	if err := s.db.AddAttachment(r.Context(), st.agency.ID, a, s.change(r, "item.attach")); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/items/%d?ok=saved", st.agency.ID, it.ID), http.StatusSeeOther)
	return nil
}

// catalogDetach removes an attachment from a draft.
func (s *Server) catalogDetach(w http.ResponseWriter, r *http.Request) error {
	st := state(r)
	it, err := s.pathItem(r)
	if err != nil {
		return err
	}
	att, err := pathID(r, "att")
	if err != nil {
		return err
	}
	if err := s.db.RemoveAttachment(r.Context(), st.agency.ID, it.ID, att, s.change(r, "item.detach")); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/office/a/%d/items/%d?ok=saved", st.agency.ID, it.ID), http.StatusSeeOther)
	return nil
}

// sendAttachment writes attachment att of item it as a download.
func (s *Server) sendAttachment(w http.ResponseWriter, r *http.Request, it *catalog.Item) error {
	id, err := pathID(r, "att")
	if err != nil {
		return err
	}
	atts, err := s.db.Attachments(r.Context(), it.ID)
	if err != nil {
		return err
	}
	for _, a := range atts {
		if a.ID != id {
			continue
		}
		data, err := s.blobs().Get(r.Context(), a.BlobKey)
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", a.ContentType)
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename*=UTF-8''%s", urlPathEscape(a.Name)))
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(data)
		return nil
	}
	return errs.NotFound("附件不存在")
}

// officeAttachment downloads an attachment in the back office.
func (s *Server) officeAttachment(w http.ResponseWriter, r *http.Request) error {
	it, err := s.pathItem(r)
	if err != nil {
		return err
	}
	return s.sendAttachment(w, r, it)
}
