package web

import (
	_ "embed"
	"net/http"
	"strconv"
	"time"

	"github.com/gongkai/gongkai/internal/agency"
	"github.com/gongkai/gongkai/internal/store"
)

//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(openAPIDoc)
	return err
}

// apiAgencyJSON is an agency as the API shows it.
type apiAgencyJSON struct {
	ID       int64  `json:"id"`
	ParentID *int64 `json:"parent_id"`
	Name     string `json:"name"`
	Code     string `json:"code"`
	Kind     string `json:"kind"`
	Office   string `json:"office"`
	Address  string `json:"address"`
	Phone    string `json:"phone"`
	Email    string `json:"email"`
	Hours    string `json:"hours"`
}

func agencyJSON(a agency.Agency) apiAgencyJSON {
	j := apiAgencyJSON{ID: a.ID, Name: a.Name, Code: a.Code, Kind: string(a.Kind), Office: a.Office,
		Address: a.Address, Phone: a.Phone, Email: a.Email, Hours: a.Hours}
	if a.ParentID != 0 {
		j.ParentID = &a.ParentID
	}
	return j
}

func (s *Server) apiAgencies(w http.ResponseWriter, r *http.Request) error {
	all, err := s.db.Agencies(r.Context())
	if err != nil {
		return err
	}
	out := struct {
		Agencies []apiAgencyJSON `json:"agencies"`
	}{Agencies: make([]apiAgencyJSON, 0, len(all))}
	for _, a := range all {
		out.Agencies = append(out.Agencies, agencyJSON(a))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) apiAgency(w http.ResponseWriter, r *http.Request) error {
	a, err := s.pathAgency(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, agencyJSON(*a))
	return nil
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	p := state(r).p
	type roleJSON struct {
		Role     string `json:"role"`
		AgencyID *int64 `json:"agency_id"`
	}
	out := struct {
		ID          int64      `json:"id"`
		Username    string     `json:"username"`
		DisplayName string     `json:"display_name"`
		Roles       []roleJSON `json:"roles"`
	}{ID: p.User.ID, Username: p.User.Username, DisplayName: p.User.DisplayName, Roles: []roleJSON{}}
	for _, g := range p.Grants {
		rj := roleJSON{Role: string(g.Role)}
		if g.AgencyID != 0 {
			id := g.AgencyID
			rj.AgencyID = &id
		}
		out.Roles = append(out.Roles, rj)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiAuditLog pages through an agency's audit entries, newest first.
func (s *Server) apiAuditLog(w http.ResponseWriter, r *http.Request) error {
	a := state(r).agency
	q := r.URL.Query()
	before, _ := strconv.ParseInt(q.Get("before"), 10, 64)
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	es, err := s.db.AuditEntries(r.Context(), store.AuditFilter{AgencyIDs: []int64{a.ID}, BeforeSeq: before, Limit: limit})
	if err != nil {
		return err
	}
	type entryJSON struct {
		Seq      int64  `json:"seq"`
		At       string `json:"at"`
		ActorID  int64  `json:"actor_id"`
		Actor    string `json:"actor"`
		AgencyID int64  `json:"agency_id"`
		Action   string `json:"action"`
		Object   string `json:"object"`
		Before   string `json:"before"`
		After    string `json:"after"`
		PrevHash string `json:"prev_hash"`
		Hash     string `json:"hash"`
		Client   string `json:"client,omitempty"` // hashed after the others when present
	}
	out := struct {
		Entries    []entryJSON `json:"entries"`
		NextBefore *int64      `json:"next_before"`
	}{Entries: make([]entryJSON, 0, len(es))}
	for _, e := range es {
		out.Entries = append(out.Entries, entryJSON{e.Seq, e.At.Format(time.RFC3339Nano), e.ActorID, e.Actor, e.AgencyID,
			string(e.Action), e.Object, e.Before, e.After, e.PrevHash, e.Hash, e.Client})
	}
	if len(es) == limit {
		n := es[len(es)-1].Seq
		out.NextBefore = &n
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
